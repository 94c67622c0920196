package org.litmusfarm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.litmusfarm.harness.Tools;

/**
 * {@code farm detect} against the real Go toolchain (and qemu-aarch64-static). The shared machine's
 * load decides how fast a kill comes, so a test that needs one runs at most twice.
 */
class DetectCommandTest {
  private static final int ATTEMPTS = 2;

  @Test
  void killsAtomicStorePlainNativelyOnAmd64AndPrintsOneJsonObject() {
    Tools.go();
    FarmTestSupport.Result r =
        untilSeen(
            res -> mutant(res, "atomic-store-plain", "amd64").get("killed").getAsBoolean(),
            "detect", "--arch", "amd64", "--seconds-per-mutant", "4", "--json");
    JsonObject all = JsonParser.parseString(r.out()).getAsJsonObject();
    JsonObject store = mutant(r, "atomic-store-plain", "amd64");
    assertEquals("native", store.get("mode").getAsString());
    assertTrue(store.get("seconds_to_kill").getAsDouble() > 0, store.toString());
    assertTrue(store.get("iterations").getAsLong() > 0, store.toString());
    assertTrue(store.get("exposable").getAsBoolean(), store.toString());
    assertFalse(store.get("program").getAsString().isEmpty());
    JsonObject provenance = store.getAsJsonObject("provenance");
    for (String field : List.of("cpu_model", "cpus", "go_version", "mode", "params")) {
      assertTrue(provenance.has(field), field + " missing from " + provenance);
    }
    assertEquals("atomic-store-plain", provenance.getAsJsonObject("params").get("mutant").getAsString());
    assertEquals(4, all.getAsJsonArray("mutants").size());
    JsonObject amd64 = all.getAsJsonArray("architectures").get(0).getAsJsonObject();
    assertEquals("amd64", amd64.get("arch").getAsString());
    assertEquals("native", amd64.get("mode").getAsString());
    long killed = 0;
    for (JsonElement m : all.getAsJsonArray("mutants")) {
      killed += m.getAsJsonObject().get("killed").getAsBoolean() ? 1 : 0;
    }
    assertEquals(killed / 4.0, amd64.get("score").getAsDouble(), 1e-9);
    assertEquals(killed / 4.0, all.get("score").getAsDouble(), 1e-9);
    JsonObject load = mutant(r, "atomic-load-plain", "amd64");
    assertFalse(load.get("exposable").getAsBoolean());
    assertTrue(load.get("killed").getAsBoolean() || load.get("seconds_to_kill").isJsonNull(), load.toString());
    assertEquals(all.get("missed").getAsInt() > 0 ? ExitStatus.UNDETECTED : ExitStatus.OK, r.status(), r.err());
    assertTrue(r.err().contains("KILLED by"), r.err());
    assertTrue(store.get("attributable").getAsBoolean(), "unmutated " + store.get("program") + " showed a forbidden outcome natively");
  }

  @Test
  void aMutantTsoCannotExposeSurvivesWithoutFailingTheRun() {
    Tools.go();
    var r = FarmTestSupport.farm("detect", "--arch", "amd64", "--mutant", "atomic-load-plain", "--seconds-per-mutant", "1");
    assertEquals(ExitStatus.OK, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("amd64 native: score 0.00 (0/1 killed, 0 attributable; 0/0 the CPU can expose)"), r.out());
    assertTrue(r.out().contains("no: amd64 (x86-TSO)"), r.out());
  }

  @Test
  void emulatedKillsAreLabelledAndNeverRequired() {
    Tools.go();
    Tools.executable("/usr/bin/qemu-aarch64-static");
    var r = untilSeen(
        res -> mutant(res, "rmw-plain", "arm64").get("killed").getAsBoolean(),
        "detect", "--arch", "arm64", "--mutant", "rmw-plain", "--seconds-per-mutant", "8", "--json");
    JsonObject store = mutant(r, "rmw-plain", "arm64");
    assertEquals("emulated:qemu-aarch64-static", store.get("mode").getAsString());
    assertFalse(store.getAsJsonObject("provenance").get("hardware_evidence").getAsBoolean());
    assertFalse(store.get("exposable").getAsBoolean());
    assertEquals(ExitStatus.OK, r.status(), r.err());
    assertTrue(r.err().contains("not hardware evidence"), r.err());
  }

  @Test
  void anUnknownMutantOrBudgetIsAUsageError() {
    var unknown = FarmTestSupport.farm("detect", "--mutant", "no-such-mutant");
    assertEquals(ExitStatus.INVALID, unknown.status());
    assertTrue(unknown.err().contains("unknown mutant 'no-such-mutant'"), unknown.err());
    var budget = FarmTestSupport.farm("detect", "--seconds-per-mutant", "0");
    assertEquals(ExitStatus.INVALID, budget.status());
    assertTrue(budget.err().contains("--seconds-per-mutant"), budget.err());
    var arch = FarmTestSupport.farm("detect", "--arch", "Not-An-Arch");
    assertEquals(ExitStatus.INVALID, arch.status());
    assertTrue(arch.err().contains("--arch 'Not-An-Arch' is not a GOARCH name"), arch.err());
  }

  private static JsonObject mutant(FarmTestSupport.Result r, String name, String arch) {
    for (JsonElement e : JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("mutants")) {
      JsonObject m = e.getAsJsonObject();
      if (m.get("name").getAsString().equals(name) && m.get("arch").getAsString().equals(arch)) {
        return m;
      }
    }
    throw new AssertionError(name + " on " + arch + " missing from " + r.out());
  }

  private static FarmTestSupport.Result untilSeen(Predicate<FarmTestSupport.Result> seen, String... args) {
    List<String> errs = new ArrayList<>();
    FarmTestSupport.Result r = null;
    for (int i = 0; i < ATTEMPTS; i++) {
      r = FarmTestSupport.farm(args);
      if (seen.test(r)) {
        return r;
      }
      errs.add(r.err());
    }
    throw new AssertionError("not seen in " + ATTEMPTS + " attempts:\n" + String.join("\n---\n", errs) + "\n" + r.out());
  }
}
