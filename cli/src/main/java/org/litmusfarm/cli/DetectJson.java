package org.litmusfarm.cli;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import org.litmusfarm.detect.DetectReport;
import org.litmusfarm.detect.Detector;
import org.litmusfarm.detect.MutantResult;
import org.litmusfarm.detect.Provenance;

/** The one JSON object {@code farm detect --json} prints. */
final class DetectJson {
  /** The CLI's style, keeping nulls: a survivor's {@code seconds_to_kill} is {@code null}. */
  static final Gson GSON = Json.GSON.newBuilder().serializeNulls().create();

  static final String TIMING =
      "seconds_to_kill: wall time from the start of the mutant's work on that target, builds included,"
          + " to the end of the run that showed the kill (an upper bound: runs last slice_seconds);"
          + " a kill is attributable when the unmutated program, run as long afterwards, showed no forbidden outcome";

  private DetectJson() {}

  static JsonObject of(
      DetectReport report, Detector.Budget budget, String cpuModel, String goVersion, String loadBefore, String loadAfter) {
    JsonObject o = new JsonObject();
    o.addProperty("score", report.score());
    JsonArray archs = new JsonArray();
    for (DetectReport.ArchitectureScore s : report.architectures()) {
      JsonObject a = new JsonObject();
      a.addProperty("arch", s.goarch());
      a.addProperty("mode", s.mode());
      a.addProperty("score", s.score());
      a.addProperty("mutants", s.mutants());
      a.addProperty("killed", s.killed());
      a.addProperty("attributable_killed", s.attributable());
      a.addProperty("exposable", s.exposable());
      a.addProperty("exposable_killed", s.exposableKilled());
      a.addProperty("hardware_evidence", s.mode().equals("native"));
      archs.add(a);
    }
    o.add("architectures", archs);
    JsonArray mutants = new JsonArray();
    report.results().forEach(r -> mutants.add(mutant(r)));
    o.add("mutants", mutants);
    JsonObject host = new JsonObject();
    host.addProperty("cpu_model", cpuModel);
    host.addProperty("cores", Runtime.getRuntime().availableProcessors());
    host.addProperty("go_version", goVersion);
    host.addProperty("load_average_before", loadBefore);
    host.addProperty("load_average_after", loadAfter);
    o.add("host", host);
    o.addProperty("seconds_per_mutant", budget.perMutant().toNanos() / 1e9);
    o.addProperty("slice_seconds", budget.slice().toNanos() / 1e9);
    o.addProperty("timing", TIMING);
    o.addProperty("missed", report.missed().size());
    return o;
  }

  private static JsonObject mutant(MutantResult r) {
    JsonObject m = new JsonObject();
    m.addProperty("name", r.mutant().tag());
    m.addProperty("arch", r.goarch());
    m.addProperty("mode", r.mode());
    m.addProperty("killed", r.killed());
    if (r.killed()) {
      m.addProperty("seconds_to_kill", r.secondsToKill());
      m.addProperty("program", r.kill().get().program());
      m.addProperty("prediction", r.kill().get().prediction().tag());
      m.addProperty("outcome", r.kill().get().outcome().toString());
      m.addProperty("outcome_count", r.kill().get().count());
      m.addProperty("attributable", r.kill().get().attributable());
      m.addProperty("control_iterations", r.kill().get().controlIterations());
      m.addProperty("control_forbidden", r.kill().get().controlForbidden());
    } else {
      m.add("seconds_to_kill", JsonNull.INSTANCE);
      m.add("program", JsonNull.INSTANCE);
      m.add("prediction", JsonNull.INSTANCE);
    }
    m.addProperty("iterations", r.iterations());
    m.addProperty("runs", r.runs());
    m.addProperty("seconds_spent", r.secondsSpent());
    m.addProperty("candidates", r.candidates());
    m.addProperty("programs_run", r.programsRun());
    m.addProperty("exposable", r.exposure().expected());
    m.addProperty("exposable_reason", r.exposure().reason());
    m.addProperty("missed", r.missed());
    m.add("provenance", provenance(r.provenance()));
    JsonArray failures = new JsonArray();
    r.failures().forEach(failures::add);
    m.add("failures", failures);
    return m;
  }

  private static JsonObject provenance(Provenance p) {
    JsonObject o = new JsonObject();
    o.addProperty("cpu_model", p.cpuModel());
    o.addProperty("cpus", p.cpus());
    o.addProperty("go_version", p.goVersion());
    o.addProperty("mode", p.mode());
    o.addProperty("hardware_evidence", p.mode().equals("native"));
    JsonObject params = new JsonObject();
    p.params().forEach(params::addProperty);
    o.add("params", params);
    return o;
  }
}
