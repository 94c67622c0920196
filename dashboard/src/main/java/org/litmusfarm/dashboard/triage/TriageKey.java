package org.litmusfarm.dashboard.triage;

import java.util.regex.Pattern;

/** What a triage state is about: one outcome of one program on one architecture in one mode. */
public record TriageKey(String programId, String arch, String mode, String outcome) {
  private static final Pattern PROGRAM = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern ARCH = Pattern.compile("[a-z0-9]{2,16}");
  private static final Pattern MODE = Pattern.compile("native|emulated:[A-Za-z0-9_.+-]{1,64}");
  static final int MAX_OUTCOME = 1000;

  /** Checks every field; IllegalArgumentException with the reason when one is malformed. */
  public TriageKey {
    if (programId == null || !PROGRAM.matcher(programId).matches()) {
      throw new IllegalArgumentException("program must be a program id (64 hex digits)");
    }
    if (arch == null || !ARCH.matcher(arch).matches()) {
      throw new IllegalArgumentException("arch must be a GOARCH such as amd64");
    }
    if (mode == null || !MODE.matcher(mode).matches()) {
      throw new IllegalArgumentException("mode must be native or emulated:EMULATOR");
    }
    if (outcome == null || outcome.isBlank() || outcome.length() > MAX_OUTCOME) {
      throw new IllegalArgumentException("outcome must be given (at most " + MAX_OUTCOME + " characters)");
    }
  }
}
