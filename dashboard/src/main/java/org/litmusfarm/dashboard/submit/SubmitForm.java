package org.litmusfarm.dashboard.submit;

import java.util.List;

/**
 * What the submit page (or the API) asks for: the program text, the architectures, the time budget
 * per architecture in seconds, and whether emulated workers may run it.
 */
public record SubmitForm(String litmus, List<String> archs, String seconds, boolean allowEmulated) {
  /** An empty form with the defaults: 1 second, emulated workers allowed. */
  public static SubmitForm blank() {
    return new SubmitForm("", List.of(), "1", true);
  }

  public SubmitForm {
    litmus = litmus == null ? "" : litmus;
    archs = archs == null ? List.of() : List.copyOf(archs);
    seconds = seconds == null ? "" : seconds.strip();
  }

  /** The lines of the text, for showing problems beside them. */
  public List<String> lines() {
    return litmus.lines().toList();
  }
}
