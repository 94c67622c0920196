package org.litmusfarm.dashboard.submit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One thing wrong with a submission: at a line and column of the program text (both from 1), or
 * about the submission as a whole (line 0).
 */
public record Problem(int line, int column, String message) {
  private static final Pattern AT = Pattern.compile("(?s)(?:.*?:)?(\\d+):(\\d+): (.*)");

  static Problem general(String message) {
    return new Problem(0, 0, message);
  }

  /** Reads {@code [path:]line:col: message}; anything else is a general problem. */
  static Problem parse(String text) {
    Matcher m = AT.matcher(text.strip());
    if (m.matches()) {
      return new Problem(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3).strip());
    }
    return general(text.strip());
  }

  public boolean located() {
    return line > 0;
  }
}
