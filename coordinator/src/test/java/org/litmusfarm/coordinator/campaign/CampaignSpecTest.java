package org.litmusfarm.coordinator.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.litmusfarm.catalog.Catalog;

class CampaignSpecTest {
  private static final Catalog CATALOG = Catalog.load();
  private static final String MINIMAL =
      "{\"name\": \"t\", \"version\": 1, \"select\": {\"names\": [\"SB+plain\"]}, \"archs\": [\"amd64\"], \"seconds\": 1}";

  private static CampaignSpec parse(String text) {
    return CampaignSpec.parse("t.json", text, CATALOG);
  }

  private static String error(String text) {
    return assertThrows(InvalidSpecException.class, () -> parse(text)).getMessage();
  }

  private static String with(String field) {
    return MINIMAL.substring(0, MINIMAL.length() - 1) + ", " + field + "}";
  }

  @Test
  void aMinimalSpecTakesTheDefaults() {
    CampaignSpec s = parse(MINIMAL);
    assertEquals(List.of("SB+plain"), s.programs());
    assertTrue(s.allowEmulated());
    assertEquals(List.of(""), s.toolchains());
    assertEquals(List.of(HarnessSet.DEFAULT), s.harness());
    assertEquals(Optional.empty(), s.fuzz());
    assertEquals(1, s.seed());
  }

  @Test
  void everySpecInTheRepositoryIsValidAndNamedAfterItsFile() throws IOException {
    Path dir = Path.of("..", "campaigns");
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> specs = files.filter(f -> f.toString().endsWith(".json")).toList();
      assertTrue(specs.size() >= 2, "nightly and smoke at least: " + specs);
      for (Path f : specs) {
        CampaignSpec s = CampaignSpec.parse(f.toString(), Files.readString(f), CATALOG);
        assertEquals(f.getFileName().toString(), s.name() + ".json");
      }
    }
  }

  @Test
  void theNightlySpecFuzzesOnThreeArchitecturesWithEmulationAllowed() {
    CampaignSpec s = new SpecLibrary(Optional.of(Path.of("..", "campaigns"))).find("nightly")
        .map(f -> CampaignSpec.parse(f.origin(), f.text(), CATALOG)).orElseThrow();
    assertEquals(List.of("amd64", "arm64", "riscv64"), s.archs());
    assertTrue(s.allowEmulated());
    assertTrue(s.programs().size() >= 15 && s.programs().size() <= 25, s.programs().toString());
    assertTrue(s.fuzz().orElseThrow().mutants() > 0);
  }

  @Test
  void shapesGlobsAndNamesSelectTheirUnionInCatalogOrder() {
    CampaignSpec s = parse(MINIMAL.replace("{\"names\": [\"SB+plain\"]}",
        "{\"names\": [\"MP+plain\", \"SB+plain\"], \"shapes\": [\"2+2W\"], \"globs\": [\"LB+atomic*\"]}"));
    assertEquals(List.of("MP+plain", "SB+plain", "LB+atomic", "LB+atomicstores", "LB+atomicloads",
        "2+2W+plain", "2+2W+atomic", "2+2W+rmw", "2+2W+mutex"), s.programs());
    assertEquals(CATALOG.entries().size(), parse(MINIMAL.replace("{\"names\": [\"SB+plain\"]}", "{\"all\": true}")).programs().size());
  }

  @Test
  void errorsNameTheFileAndTheField() {
    assertEquals("t.json: select.names[0]: no catalog test named 'SB+nope'", error(MINIMAL.replace("SB+plain", "SB+nope")));
    assertEquals("t.json: select.shapes[0]: no catalog test has the shape 'XYZ'", error(MINIMAL.replace("\"names\": [\"SB+plain\"]", "\"shapes\": [\"XYZ\"]")));
    assertTrue(error(MINIMAL.replace("\"seconds\": 1", "\"secnds\": 1")).startsWith("t.json: secnds: unknown field (known: "));
    assertEquals("t.json: version: is required (1 or more)", error(MINIMAL.replace("\"version\": 1, ", "")));
    assertEquals("t.json: version: must be between 1 and 2147483647, not 0", error(MINIMAL.replace("\"version\": 1", "\"version\": 0")));
    assertEquals("t.json: archs[0]: must be a GOARCH such as amd64, not 'AMD 64'", error(MINIMAL.replace("\"amd64\"", "\"AMD 64\"")));
    assertEquals("t.json: archs: names 'amd64' twice", error(MINIMAL.replace("[\"amd64\"]", "[\"amd64\", \"amd64\"]")));
    assertEquals("t.json: seconds: give exactly one of seconds and iterations per program", error(with("\"iterations\": 5")));
    assertEquals("t.json: fuzz.mutants: must be a number", error(with("\"fuzz\": {\"mutants\": \"many\"}")));
    assertEquals("t.json: fuzz.mutants: is required: how many mutants to run", error(with("\"fuzz\": {}")));
    assertEquals("t.json: harness[0].sync: must be spin, timebase or park, not 'fast'", error(with("\"harness\": [{\"sync\": \"fast\"}]")));
    assertEquals("t.json: harness[0].stride: stride must be a multiple of 8 between 8 and 4096 bytes", error(with("\"harness\": [{\"stride\": 12}]")));
    assertEquals("t.json: modes: must include native: a job cannot be kept off native workers, only off emulated ones", error(with("\"modes\": [\"emulated\"]")));
    assertTrue(error(with("\"toolchains\": [\"1.19\"]")).startsWith("t.json: toolchains[0]: must be \"default\" or a Go version"));
    assertTrue(error("{\"name\": ").startsWith("t.json: not valid JSON: "));
    assertEquals("t.json: must be a JSON object", error("[1]"));
  }

  @Test
  void toolchainsHarnessSetsAndFuzzingAreRead() {
    CampaignSpec s = parse(with("\"toolchains\": [\"default\", \"go1.19.8\"], \"modes\": [\"native\"],"
        + " \"harness\": [{}, {\"stress\": 2, \"sync\": \"timebase\", \"stride\": 64}],"
        + " \"fuzz\": {\"mutants\": 10, \"seconds\": 0.5}, \"seed\": 42"));
    assertEquals(List.of("", "go1.19.8"), s.toolchains());
    assertFalse(s.allowEmulated());
    assertEquals(new HarnessSet(0, 64, false, 2, "timebase"), s.harness().get(1));
    assertEquals(new FuzzBudget(10, 0.5, 6), s.fuzz().orElseThrow());
    assertEquals(42, s.seed());
    assertEquals(2, s.harness().get(1).toWire(1, 0, 42).getStress());
  }

  @Test
  void toJsonReadsBackToAnEqualSpec() {
    CampaignSpec s = parse(with("\"toolchains\": [\"default\", \"go1.19.8\"], \"harness\": [{\"affinity\": true}],"
        + " \"fuzz\": {\"mutants\": 3}, \"seed\": -7, \"description\": \"d\""));
    assertEquals(s, parse(s.toJson()));
    assertEquals(s.withArchs(List.of("arm64")).withSeconds(2), parse(s.withArchs(List.of("arm64")).withSeconds(2).toJson()));
  }

  @Test
  void tooManyJobsAreRefusedBeforeAnythingIsStored() {
    String all = MINIMAL.replace("{\"names\": [\"SB+plain\"]}", "{\"all\": true}")
        .replace("[\"amd64\"]", "[\"amd64\", \"arm64\", \"riscv64\", \"ppc64le\", \"s390x\"]");
    assertTrue(error(all.substring(0, all.length() - 1) + ", \"toolchains\": [\"default\", \"go1.1\", \"go1.2\", \"go1.3\", \"go1.4\", \"go1.5\"],"
        + " \"harness\": [{}, {\"stress\": 1}, {\"stress\": 2}, {\"stress\": 3}, {\"stress\": 4}]}").contains("jobs"));
  }
}
