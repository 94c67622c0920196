package org.litmusfarm.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.litmusfarm.model.Problem;
import org.litmusfarm.model.Validator;

class OracleVerdictTest {
  private final Oracle oracle = new Oracle();

  @TestFactory
  Stream<DynamicTest> everyCatalogVerdictOfGommSectionFiveHolds() {
    return VerdictCatalog.all().stream()
        .map(c -> DynamicTest.dynamicTest(c.id() + " is " + c.expected(), () -> {
          List<Problem> errors = Validator.check(c.program()).stream().filter(Problem::isError).toList();
          assertTrue(errors.isEmpty(), () -> "invalid catalog program: " + errors);
          Decision d = oracle.decide(c.program());
          assertEquals(c.expected(), d.verdict(), () -> c.id() + " allowed " + d.allowed());
        }));
  }
}
