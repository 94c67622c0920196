package org.litmusfarm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The generator's layering, enforced by the build. Think twice before widening a rule: the model
 * depends on the JDK only, and each stage (text, oracle, emit, mutate, catalog) depends on the
 * model and nothing else of ours, so that each can change, be tested and be replaced alone. The
 * reducer checks its candidates, so it may use the text format and the oracle as well.
 */
@AnalyzeClasses(packages = "org.litmusfarm", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
  private static final String JDK = "java..";
  private static final String MODEL = "org.litmusfarm.model..";

  @ArchTest
  static final ArchRule modelDependsOnTheJdkOnly = stage("model");

  @ArchTest static final ArchRule textDependsOnTheModelOnly = stage("text", MODEL);

  @ArchTest static final ArchRule oracleDependsOnTheModelOnly = stage("oracle", MODEL);

  @ArchTest static final ArchRule emitterDependsOnTheModelOnly = stage("emit", MODEL);

  @ArchTest static final ArchRule mutatorDependsOnTheModelOnly = stage("mutate", MODEL);

  @ArchTest
  static final ArchRule reducerDependsOnTheModelTextAndOracleOnly =
      stage("reduce", MODEL, "org.litmusfarm.text..", "org.litmusfarm.oracle..");

  @ArchTest static final ArchRule catalogDependsOnTheModelOnly = stage("catalog", MODEL);

  @ArchTest
  static final ArchRule harnessDependsOnTheEmitterAndModelOnly =
      stage("harness", MODEL, "org.litmusfarm.emit..", "com.google.gson..");

  @ArchTest
  static final ArchRule detectionDependsOnTheStagesAndHarnessOnly =
      stage(
          "detect",
          MODEL,
          "org.litmusfarm.oracle..",
          "org.litmusfarm.emit..",
          "org.litmusfarm.harness..",
          "org.litmusfarm.catalog..",
          "org.litmusfarm.text..");

  private static ArchRule stage(String name, String... allowed) {
    String own = "org.litmusfarm." + name + "..";
    String[] packages = new String[allowed.length + 2];
    packages[0] = own;
    packages[1] = JDK;
    System.arraycopy(allowed, 0, packages, 2, allowed.length);
    return classes()
        .that()
        .resideInAPackage(own)
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(packages)
        .allowEmptyShould(true);
  }
}
