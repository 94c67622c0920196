package org.litmusfarm.dashboard.submit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.litmusfarm.model.Diagnostic;
import org.litmusfarm.model.InvalidProgramException;
import org.litmusfarm.schema.v1.HarnessParams;
import org.litmusfarm.schema.v1.SubmitRequest;
import org.litmusfarm.schema.v1.SubmitResponse;
import org.litmusfarm.text.Parser;

/**
 * Checks a submit form and hands it to the coordinator. The text is parsed here first, so a typo
 * is shown with its line and column even when the coordinator is away; the coordinator then
 * decides the program with the oracle and may refuse it too (e.g. when it can block).
 */
public final class Submitter {
  /** Largest program accepted, in UTF-8 bytes. */
  public static final int MAX_BYTES = 64 * 1024;
  static final double MAX_SECONDS = 3600;
  private static final Pattern ARCH = Pattern.compile("[a-z0-9]{2,16}");

  private final FarmClient farm;

  public Submitter(FarmClient farm) {
    this.farm = farm;
  }

  /**
   * Submits {@code form}.
   *
   * @throws Refused with every problem found, located in the text where possible
   */
  public SubmitResponse submit(SubmitForm form) {
    List<Problem> problems = new ArrayList<>();
    if (form.litmus().isBlank()) {
      problems.add(Problem.general("paste a .litmus program or choose a file"));
    } else if (form.litmus().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      problems.add(Problem.general("the program is larger than 64 KiB"));
    } else {
      try {
        Parser.parse("submitted.litmus", form.litmus());
      } catch (InvalidProgramException e) {
        for (Diagnostic d : e.diagnostics()) {
          if (d.severity() == Diagnostic.Severity.ERROR) {
            problems.add(new Problem(d.line(), d.column(), d.message()));
          }
        }
      }
    }
    if (form.archs().isEmpty()) {
      problems.add(Problem.general("choose at least one architecture"));
    }
    for (String a : form.archs()) {
      if (!ARCH.matcher(a).matches()) {
        problems.add(Problem.general("not an architecture: " + a.replaceAll("[^\\x20-\\x7e]", "?")));
      }
    }
    double seconds = seconds(form.seconds(), problems);
    if (!problems.isEmpty()) {
      throw new Refused(Refused.Kind.INVALID, problems);
    }
    return farm.submit(
        SubmitRequest.newBuilder()
            .setLitmus(form.litmus())
            .addAllArchs(form.archs())
            .setParams(HarnessParams.newBuilder().setSeconds(seconds))
            .setAllowEmulated(form.allowEmulated())
            .build());
  }

  private static double seconds(String text, List<Problem> problems) {
    double s;
    try {
      s = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      problems.add(Problem.general("the budget must be a number of seconds"));
      return 0;
    }
    if (!(s > 0) || s > MAX_SECONDS) {
      problems.add(Problem.general("the budget must be more than 0 and at most 3600 seconds"));
    }
    return s;
  }
}
