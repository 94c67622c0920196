package org.litmusfarm.dashboard.read;

import java.util.List;

/**
 * A campaign's conformance table: one row per program, one column per architecture and execution
 * mode, and in each cell the worst class observed (FORBIDDEN over WEAK over SC).
 */
public record Conformance(List<Column> columns, List<Row> rows) {
  /** An architecture and mode; mode is empty for jobs that have no results yet. */
  public record Column(String arch, String mode) {
    String key() {
      return arch + "\t" + mode;
    }

    public boolean emulated() {
      return !mode.isEmpty() && !Mode.isNative(mode);
    }
  }

  /** A program's cells, in column order. */
  public record Row(String programId, String programName, List<Cell> cells) {}

  /**
   * One cell: the worst class observed ("" if nothing yet) and the job's state (queued, leased,
   * done, failed; "" when the program did not run in that column).
   */
  public record Cell(String worst, String state) {
    static final Cell NONE = new Cell("", "");
  }

  static int modeOrder(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(a.isEmpty(), b.isEmpty());
    }
    return Mode.order(a, b);
  }
}
