package org.litmusfarm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.litmusfarm.detect.Candidate;
import org.litmusfarm.detect.Candidates;
import org.litmusfarm.detect.CatalogPrograms;
import org.litmusfarm.detect.DetectReport;
import org.litmusfarm.detect.Detector;
import org.litmusfarm.detect.MutantResult;
import org.litmusfarm.emit.Mutant;
import org.litmusfarm.harness.GoBuild;
import org.litmusfarm.harness.GoTarget;
import org.litmusfarm.harness.GoToolchain;
import org.litmusfarm.model.Program;
import org.litmusfarm.oracle.Oracle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code farm detect}: the farm's own detection score, from running its harness mutants. */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description = {
      "Test the tester: score how many harness mutants the farm kills, per architecture.",
      "Runs each harness mutant (see farm mutants) over the catalog programs it affects, on",
      "each architecture, until a FORBIDDEN outcome kills it or its budget ends.",
      "Prints a table and a mutation score (fraction killed) per architecture and mode.",
      "seconds-to-kill is wall time from the start of the mutant's work on that target, builds",
      "included, to the end of the run that showed the kill (runs last one slice).",
      "Exit status 4 when a mutant survives on a native CPU that can expose it (x86-TSO exposes",
      "lost store-load order and atomicity; weakly ordered CPUs expose every mutant).",
      "Emulated results test the farm and the emulator, never the emulated CPU."
    })
final class DetectCommand implements Callable<Integer> {
  private static final List<String> EMULATED_DEFAULTS = List.of("arm64", "riscv64");

  @Option(
      names = "--arch",
      paramLabel = "A",
      split = ",",
      description = "architectures to run (repeatable; default: this machine's, plus arm64 and riscv64 under qemu-*-static when installed)")
  List<String> arches;

  @Option(names = "--seconds-per-mutant", paramLabel = "S", description = "budget per mutant and architecture, builds included (default 20)")
  double secondsPerMutant = 20;

  @Option(names = "--slice-seconds", paramLabel = "S", description = "how long one run of one program lasts before the next takes its turn (default 0.5)")
  double sliceSeconds = 0.5;

  @Option(names = "--mutant", paramLabel = "NAME", split = ",", description = "only these mutants (repeatable; default: all)")
  List<String> mutants;

  @Option(names = "--go", paramLabel = "PATH", description = "the go command to build with (default: $FARM_GO, else go on the PATH)")
  Path go;

  @Option(names = "--json", description = "print one JSON object on stdout")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Detector.Budget budget = budget();
    List<Mutant> chosen = mutants();
    Map<String, GoTarget> targets = targets(err);
    GoToolchain toolchain = toolchain();
    String goVersion = toolchain.version();
    String cpuModel = HostInfo.cpuModel();
    String loadBefore = HostInfo.loadAverage();
    GoBuild build = new GoBuild(toolchain, CacheDir.of("detect"));
    err.println("farm: detect: choosing programs for " + chosen.size() + " mutants (the oracle predicts what each makes reachable)");
    List<Program> catalog = CatalogPrograms.load();
    Candidates candidates = new Candidates(new Oracle());
    Map<Mutant, List<Candidate>> byMutant = new LinkedHashMap<>();
    chosen.forEach(m -> byMutant.put(m, candidates.select(catalog, m)));
    List<MutantResult> results = new ArrayList<>();
    for (Map.Entry<String, GoTarget> t : targets.entrySet()) {
      GoTarget target = t.getValue();
      if (!target.mode().equals("native")) {
        err.println("farm: detect: note: " + t.getKey() + " " + target.mode() + ": " + RunCommand.QEMU_WARNING);
      }
      Detector detector = new Detector(build, target, t.getKey(), cpuModel, goVersion, line -> err.println("farm: detect: " + line));
      byMutant.forEach((m, cs) -> results.add(detector.run(m, cs, budget)));
    }
    DetectReport report = new DetectReport(results);
    String loadAfter = HostInfo.loadAverage();
    if (json) {
      out.println(DetectJson.GSON.toJson(DetectJson.of(report, budget, cpuModel, goVersion, loadBefore, loadAfter)));
    } else {
      DetectTable.print(out, report, budget, cpuModel, goVersion, loadBefore, loadAfter);
    }
    report.missed()
        .forEach(
            r ->
                err.println(
                    "farm: detect: MISSED: " + r.mutant().tag() + " survived on " + r.goarch() + " " + r.mode()
                        + " although " + r.exposure().reason()));
    return report.missed().isEmpty() ? ExitStatus.OK : ExitStatus.UNDETECTED;
  }

  private Detector.Budget budget() {
    if (!(secondsPerMutant > 0) || secondsPerMutant > 3600) {
      throw new UserInputException("--seconds-per-mutant must be more than 0 and at most 3600");
    }
    if (!(sliceSeconds > 0) || sliceSeconds > 3600) {
      throw new UserInputException("--slice-seconds must be more than 0 and at most 3600");
    }
    return new Detector.Budget(Duration.ofNanos((long) (secondsPerMutant * 1e9)), Duration.ofNanos((long) (sliceSeconds * 1e9)));
  }

  private List<Mutant> mutants() {
    if (mutants == null || mutants.isEmpty()) {
      return List.of(Mutant.values());
    }
    Set<Mutant> chosen = new LinkedHashSet<>();
    for (String name : mutants) {
      try {
        chosen.add(Mutant.parse(name.strip()));
      } catch (IllegalArgumentException e) {
        throw new UserInputException(e.getMessage());
      }
    }
    return List.copyOf(chosen);
  }

  /** Each architecture's target, the host's first; missing emulators skip default ones with a note. */
  private Map<String, GoTarget> targets(PrintWriter err) {
    String host = Targets.hostGoarch();
    Map<String, GoTarget> targets = new LinkedHashMap<>();
    if (arches == null || arches.isEmpty()) {
      targets.put(host, Targets.host());
      for (String a : EMULATED_DEFAULTS) {
        if (a.equals(host)) {
          continue;
        }
        try {
          targets.put(a, Targets.resolve(a, null));
        } catch (UserInputException e) {
          err.println("farm: detect: note: skipping " + a + ": " + e.getMessage());
        }
      }
      return targets;
    }
    for (String a : arches) {
      String arch = a.strip();
      if (!arch.matches("[a-z0-9]{2,16}")) {
        throw new UserInputException("--arch '" + arch + "' is not a GOARCH name");
      }
      try {
        targets.put(arch, arch.equals(host) ? Targets.host() : Targets.resolve(arch, null));
      } catch (UserInputException e) {
        throw new UserInputException("--arch " + arch + ": " + e.getMessage());
      }
    }
    return targets;
  }

  private GoToolchain toolchain() {
    return Optional.ofNullable(go)
        .map(GoToolchain::at)
        .or(GoToolchain::find)
        .orElseThrow(() -> new UserInputException("no Go toolchain found: install Go 1.19+, put go on the PATH or name it with --go or FARM_GO"));
  }
}
