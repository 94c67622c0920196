package org.litmusfarm.text;

import java.util.List;
import org.litmusfarm.model.Diagnostic;
import org.litmusfarm.model.Problem;
import org.litmusfarm.model.Program;

/** The parser's {@link ParsedProgram}: the program, its warnings and its source map. */
record ParsedSource(String path, Program program, List<Diagnostic> warnings, SourceMap map)
    implements ParsedProgram {
  ParsedSource {
    warnings = List.copyOf(warnings);
  }

  @Override
  public Diagnostic locate(Problem problem) {
    return map.locate(path, problem);
  }
}
