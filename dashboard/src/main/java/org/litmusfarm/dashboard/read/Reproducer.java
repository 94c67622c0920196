package org.litmusfarm.dashboard.read;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.litmusfarm.schema.v1.HarnessParams;

/**
 * How to replay an observed outcome: the program's {@code .litmus} text saved as {@code fileName},
 * and the {@code farm run} command line with the architecture, the emulator (for emulated modes)
 * and the harness parameters of the job that saw it.
 */
public record Reproducer(String fileName, String litmus, String command) {
  /**
   * The reproducer of a program run on {@code arch} in {@code mode} with the job parameters
   * {@code paramsJson} (the protobuf JSON stored in {@code jobs.params}; null or malformed means
   * the harness defaults).
   */
  public static Reproducer of(String programName, String litmus, String arch, String mode, String paramsJson) {
    String file = (programName.startsWith("-") ? "./" : "") + programName + ".litmus";
    List<String> args = new ArrayList<>(List.of("./farm", "run", file, "--goarch", arch));
    Mode.emulator(mode).ifPresent(e -> args.addAll(List.of("--emulator", e)));
    args.addAll(flags(params(paramsJson)));
    return new Reproducer(file, litmus, String.join(" ", args));
  }

  private static HarnessParams params(String json) {
    HarnessParams.Builder b = HarnessParams.newBuilder();
    if (json != null) {
      try {
        JsonFormat.parser().ignoringUnknownFields().merge(json, b);
      } catch (InvalidProtocolBufferException e) {
        return HarnessParams.getDefaultInstance();
      }
    }
    return b.build();
  }

  /** The {@code farm run} flags for every parameter that differs from the harness default. */
  static List<String> flags(HarnessParams p) {
    List<String> out = new ArrayList<>();
    if (p.getIterations() > 0) {
      out.addAll(List.of("--iterations", Long.toString(p.getIterations())));
    } else if (p.getSeconds() > 0) {
      out.addAll(List.of("--seconds", number(p.getSeconds())));
    }
    if (p.getInstances() > 0) {
      out.addAll(List.of("--instances", Integer.toString(p.getInstances())));
    }
    if (p.getStride() > 0) {
      out.addAll(List.of("--stride", Integer.toString(p.getStride())));
    }
    if (p.getAffinity()) {
      out.add("--affinity");
    }
    if (p.getStress() > 0) {
      out.addAll(List.of("--stress", Integer.toString(p.getStress())));
    }
    if (p.getSyncMode().matches("[a-z]{1,16}")) {
      out.addAll(List.of("--sync", p.getSyncMode()));
    }
    if (p.getSeed() != 0) {
      out.addAll(List.of("--seed", Long.toString(p.getSeed())));
    }
    if (p.getMutant().matches("[a-z0-9-]{1,40}")) {
      out.addAll(List.of("--mutant", p.getMutant()));
    }
    return out;
  }

  private static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%s", d);
  }
}
