package org.litmusfarm.dashboard.page;

import java.util.List;
import org.litmusfarm.dashboard.submit.Problem;
import org.litmusfarm.dashboard.submit.SubmitForm;

/** The model of {@code /submit}: the form as typed, what is wrong with it, and the architectures to offer. */
public record SubmitPage(PageContext page, SubmitForm form, List<Problem> problems, List<String> archChoices) {
  /** Problems about the text, by line. */
  public List<Problem> at(int line) {
    return problems.stream().filter(p -> p.line() == line).toList();
  }

  public List<Problem> general() {
    return problems.stream().filter(p -> !p.located()).toList();
  }

  public List<Problem> located() {
    return problems.stream().filter(Problem::located).toList();
  }

  public boolean checked(String arch) {
    return form.archs().contains(arch);
  }
}
