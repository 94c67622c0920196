package org.litmusfarm.cli;

import java.math.BigDecimal;
import java.util.Locale;
import org.litmusfarm.reduce.Reduction;
import org.litmusfarm.text.Printer;

/**
 * What {@code farm reduce} prints: comment lines on how the program was reduced, where, and how to
 * replay it, then the program's {@code .litmus} text, so the whole output is a valid file.
 */
final class ReduceReport {
  private ReduceReport() {}

  static String text(Reduction r, String where, String sliceEstimate, String replay) {
    StringBuilder sb = new StringBuilder();
    sb.append("# reduced ").append(r.original().program().name()).append(" (").append(r.originalSize())
        .append(") to ").append(r.reducedSize()).append('\n');
    sb.append("# ").append(r.attempts()).append(" tries, ").append(r.accepted().size()).append(" reproduced, ")
        .append(r.rejected()).append(" edits rejected by the oracle, ")
        .append(String.format(Locale.ROOT, "%.1f", r.elapsed().toMillis() / 1000.0)).append(" s; stopped: ").append(stop(r.stop())).append('\n');
    sb.append("# violation: ").append(r.reduced().outcome()).append(" is FORBIDDEN, observed on ").append(where);
    if (!where.endsWith("(native)")) {
      sb.append(": emulated, not hardware evidence");
    }
    sb.append('\n');
    sb.append("# ").append(sliceEstimate).append('\n');
    sb.append("# replay: ").append(replay).append('\n');
    sb.append(Printer.print(r.reduced().program()));
    return sb.toString();
  }

  private static String stop(Reduction.Stop stop) {
    return switch (stop) {
      case MINIMAL -> "no smaller candidate reproduced";
      case ATTEMPTS -> "--max-tries reached";
      case TIME -> "--max-seconds reached";
    };
  }

  /** {@code 2} for 2.0, {@code 0.25} for 0.25: the number as written, without trailing zeros. */
  static String number(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
