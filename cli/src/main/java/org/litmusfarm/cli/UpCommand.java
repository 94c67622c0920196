package org.litmusfarm.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.litmusfarm.coordinator.campaign.Campaigns;
import org.litmusfarm.coordinator.report.CampaignReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code farm up}: the whole farm in one process, a smoke campaign, and a summary. */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Start the farm here and run a smoke campaign on every worker.",
      "Starts PostgreSQL (embedded, or FARM_DATABASE_URL), a KRaft Kafka broker, the coordinator,",
      "the dashboard (prints 'dashboard: http://127.0.0.1:PORT/') and one worker per architecture",
      "this machine serves (native, plus arm64 and riscv64 under",
      "qemu-*-static when installed, marked emulated). Prints progress on stderr and a",
      "per-architecture summary, then keeps serving until stopped (or exits with --once)."
    })
final class UpCommand implements Callable<Integer> {
  @Option(names = "--once", description = "exit after the smoke campaign")
  boolean once;

  @Option(names = "--json", description = "print the summary as one JSON object on stdout")
  boolean json;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "1", description = "hammering time per program and architecture (default ${DEFAULT-VALUE})")
  double seconds;

  @Option(names = "--grpc-port", paramLabel = "PORT", defaultValue = "7701", description = "coordinator gRPC port, 0 for any free port (default ${DEFAULT-VALUE})")
  int grpcPort;

  @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "9464", description = "Prometheus metrics port, 0 for any, -1 for none (default ${DEFAULT-VALUE})")
  int metricsPort;

  @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080", description = "dashboard HTTP port, 0 for any free port (default ${DEFAULT-VALUE})")
  int httpPort;

  @Option(names = "--timeout", paramLabel = "S", defaultValue = "1200", description = "give up on the smoke campaign after S seconds (default ${DEFAULT-VALUE})")
  long timeoutSeconds;

  @Mixin UpCampaign campaign;

  @Mixin ReductionOptions reduction;

  @Option(names = "--reduce-timeout", paramLabel = "S", defaultValue = "900", description = "with --once, wait at most S seconds for the campaign's violations to be reduced (default ${DEFAULT-VALUE})")
  long reduceTimeoutSeconds;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!(seconds > 0) || seconds > 3600) {
      throw new UserInputException("--seconds must be more than 0 and at most 3600");
    }
    if (httpPort < 0 || httpPort > 65535) {
      throw new UserInputException("--http-port must be between 0 and 65535");
    }
    try (LocalFarm farm = new LocalFarm(err, grpcPort, metricsPort, httpPort, Duration.ofSeconds(1), reduction::apply)) {
      List<String> archs = farm.served().stream().map(LocalFarm.Served::goarch).toList();
      Campaigns campaigns = farm.coordinator().campaigns();
      Campaigns.Progress started =
          campaign.start(campaigns, archs, seconds, spec.commandLine().getParseResult().hasMatchedOption("--seconds"), err);
      CampaignReport report = new CampaignReport(farm.coordinator().database());
      if (!await(campaigns, report, started.id(), err)) {
        err.println("farm: error: the smoke campaign did not finish within " + timeoutSeconds + " s");
        return ExitStatus.FAILURE;
      }
      if (once && reduction.enabled() && !report.violations(started.id()).isEmpty()) {
        awaitReductions(report, started.id(), err);
      }
      JsonObject summary = summary(started.id(), report);
      summary.addProperty("dashboard", farm.dashboardUrl());
      if (json) {
        out.println(Json.GSON.toJson(summary));
      } else {
        printSummary(out, summary);
      }
      out.flush();
      if (once) {
        return ExitStatus.OK;
      }
      err.println("farm up: serving; coordinator 127.0.0.1:" + farm.coordinator().grpcPort() + ", dashboard "
          + farm.dashboardUrl() + "; stop with Ctrl-C");
      err.flush();
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      stop.await();
      return ExitStatus.OK;
    }
  }

  private boolean await(Campaigns campaigns, CampaignReport report, String id, PrintWriter err) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      Campaigns.Progress p = campaigns.progress(id).orElseThrow();
      String line = String.format("farm up: %s %d/%d jobs done%s", p.specName(), p.jobsDone() + p.jobsFailed(),
          p.jobsTotal(), p.jobsFailed() > 0 ? " (" + p.jobsFailed() + " failed)" : "");
      if (!line.equals(last)) {
        err.println(line);
        err.flush();
        last = line;
      }
      if (!p.state().equals("running") && report.ingested(id)) {
        return true;
      }
      Thread.sleep(1000);
    }
    return false;
  }

  /**
   * Waits until every violating program, architecture and mode of the campaign has a finished
   * reduction, printing each change; gives up after --reduce-timeout and says so.
   */
  private void awaitReductions(CampaignReport report, String id, PrintWriter err) throws InterruptedException {
    long wanted = report.violations(id).stream().map(v -> v.program() + " " + v.arch() + " " + v.mode()).distinct().count();
    long deadline = System.nanoTime() + Duration.ofSeconds(reduceTimeoutSeconds).toNanos();
    String last = "";
    while (true) {
      List<CampaignReport.Reduction> rs = report.reductions(id);
      StringBuilder line = new StringBuilder("farm up: reducing " + wanted + " violating program(s):");
      for (CampaignReport.Reduction r : rs) {
        line.append(String.format(" %s on %s %s %s, %d tried, %d reproduced;", r.program(), r.arch(), r.mode(), r.state(),
            r.attempts(), r.accepted()));
      }
      if (!line.toString().equals(last)) {
        err.println(line);
        err.flush();
        last = line.toString();
      }
      if (rs.size() >= wanted && rs.stream().allMatch(CampaignReport.Reduction::finished)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        err.println("farm up: reductions not finished after " + reduceTimeoutSeconds + " s; the summary shows where they stand");
        err.flush();
        return;
      }
      Thread.sleep(1000);
    }
  }

  private static JsonObject summary(String campaignId, CampaignReport report) {
    JsonObject o = new JsonObject();
    o.addProperty("campaign", campaignId);
    JsonArray archs = new JsonArray();
    for (CampaignReport.ArchSummary a : report.architectures(campaignId)) {
      JsonObject j = new JsonObject();
      j.addProperty("arch", a.arch());
      j.addProperty("mode", a.mode());
      j.addProperty("jobs", a.jobs());
      j.addProperty("iterations", a.iterations());
      j.addProperty("weak", a.weak());
      j.addProperty("forbidden", a.forbidden());
      archs.add(j);
    }
    o.add("architectures", archs);
    JsonArray violations = new JsonArray();
    for (CampaignReport.Violation v : report.violations(campaignId)) {
      JsonObject j = new JsonObject();
      j.addProperty("program", v.program());
      j.addProperty("arch", v.arch());
      j.addProperty("mode", v.mode());
      j.addProperty("outcome", v.outcome());
      j.addProperty("count", v.count());
      j.addProperty("cpu_model", v.cpuModel());
      j.addProperty("go_version", v.goVersion());
      j.addProperty("hardware_evidence", v.mode().equals("native"));
      violations.add(j);
    }
    o.add("violations", violations);
    JsonArray reductions = new JsonArray();
    for (CampaignReport.Reduction r : report.reductions(campaignId)) {
      JsonObject j = new JsonObject();
      j.addProperty("program", r.program());
      j.addProperty("arch", r.arch());
      j.addProperty("mode", r.mode());
      j.addProperty("state", r.state());
      j.addProperty("candidates", r.attempts());
      j.addProperty("reproduced", r.accepted());
      j.addProperty("original_size", r.originalSize());
      j.addProperty("reduced_size", r.reducedSize());
      j.addProperty("outcome", r.outcome());
      if (!r.stop().isEmpty()) {
        j.addProperty("stop", r.stop());
      }
      if (!r.error().isEmpty()) {
        j.addProperty("error", r.error());
      }
      j.addProperty("litmus", r.reducedLitmus());
      reductions.add(j);
    }
    o.add("reductions", reductions);
    return o;
  }

  private static void printSummary(PrintWriter out, JsonObject summary) {
    out.printf("%-8s %-32s %6s %15s %6s %10s%n", "arch", "mode", "jobs", "iterations", "weak", "forbidden");
    for (var e : summary.getAsJsonArray("architectures")) {
      JsonObject a = e.getAsJsonObject();
      out.printf("%-8s %-32s %6d %,15d %6d %10d%n", a.get("arch").getAsString(), a.get("mode").getAsString(),
          a.get("jobs").getAsInt(), a.get("iterations").getAsLong(), a.get("weak").getAsInt(), a.get("forbidden").getAsInt());
    }
    JsonArray violations = summary.getAsJsonArray("violations");
    out.println("violations: " + violations.size());
    for (var e : violations) {
      JsonObject v = e.getAsJsonObject();
      out.printf("  %s on %s (%s): %s observed %,d times%s%n", v.get("program").getAsString(), v.get("arch").getAsString(),
          v.get("mode").getAsString(), v.get("outcome").getAsString(), v.get("count").getAsLong(),
          v.get("hardware_evidence").getAsBoolean() ? "" : " [emulated: a finding about the emulator, not hardware evidence]");
    }
    for (var e : summary.getAsJsonArray("reductions")) {
      JsonObject r = e.getAsJsonObject();
      out.printf("reduction of %s on %s (%s): %s, %d candidate(s) run, %d reproduced; %s -> %s%s%n",
          r.get("program").getAsString(), r.get("arch").getAsString(), r.get("mode").getAsString(),
          r.get("state").getAsString(), r.get("candidates").getAsInt(), r.get("reproduced").getAsInt(),
          r.get("original_size").getAsString(), r.get("reduced_size").getAsString(),
          r.has("error") ? " (" + r.get("error").getAsString() + ")" : "");
    }
  }
}
