package org.litmusfarm.mutate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class LayeringTest {
  private final JavaClasses main = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.litmusfarm");

  @Test
  void catalogAndMutatorDependOnlyOnTheModel() {
    noClasses().that().resideInAnyPackage("org.litmusfarm.catalog..", "org.litmusfarm.mutate..")
        .should().dependOnClassesThat().resideInAnyPackage("org.litmusfarm.text..", "org.litmusfarm.oracle..",
            "org.litmusfarm.emit..", "org.litmusfarm.cli..")
        .check(main);
    noClasses().that().resideInAPackage("org.litmusfarm.catalog..")
        .should().dependOnClassesThat().resideInAPackage("org.litmusfarm.mutate..").check(main);
    noClasses().that().resideInAPackage("org.litmusfarm.mutate..")
        .should().dependOnClassesThat().resideInAPackage("org.litmusfarm.catalog..").check(main);
  }
}
