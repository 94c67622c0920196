package org.litmusfarm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.litmusfarm.model.OutcomeClass;
import org.litmusfarm.oracle.Oracle;
import org.litmusfarm.text.ParsedProgram;
import org.litmusfarm.text.Parser;

/**
 * The gomm.md section 5 verdicts as files: each {@code .litmus} under {@code
 * src/test/resources/oracle} states {@code Verdict: X.} in its doc line; parsed from text, the
 * oracle must reach that verdict.
 */
class OracleFilesTest {
  private static final Path DIR = Path.of("src/test/resources/oracle");
  private static final Pattern VERDICT = Pattern.compile("Verdict: (SC|WEAK|FORBIDDEN)\\.");

  @TestFactory
  Stream<DynamicTest> everyFileGetsTheVerdictItsDocStates() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(DIR)) {
      files = s.filter(p -> p.toString().endsWith(".litmus")).sorted().toList();
    }
    assertTrue(files.size() >= 90, files.size() + " files");
    Oracle oracle = new Oracle();
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      ParsedProgram parsed = Parser.parse(f.toString(), Files.readAllBytes(f));
                      Matcher m = VERDICT.matcher(parsed.program().doc().orElse(""));
                      assertTrue(m.find(), f + " states no verdict");
                      assertEquals(OutcomeClass.valueOf(m.group(1)), oracle.decide(parsed.program()).verdict(), f.toString());
                    }));
  }
}
