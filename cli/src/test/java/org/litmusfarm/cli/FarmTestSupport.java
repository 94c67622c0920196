package org.litmusfarm.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the farm command in-process and captures what it prints. */
final class FarmTestSupport {
  /** The exit status and the two streams of one run. */
  record Result(int status, String out, String err) {}

  private FarmTestSupport() {}

  static Result farm(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Farm.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(status, out.toString(), err.toString());
  }
}
