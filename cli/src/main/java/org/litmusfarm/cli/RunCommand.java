package org.litmusfarm.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.litmusfarm.emit.HarnessParams;
import org.litmusfarm.harness.GoTarget;
import org.litmusfarm.harness.GoToolchain;
import org.litmusfarm.harness.Harness;
import org.litmusfarm.harness.RunResult;
import org.litmusfarm.model.InvalidProgramException;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.OutcomeClass;
import org.litmusfarm.model.Prop;
import org.litmusfarm.oracle.Decision;
import org.litmusfarm.oracle.Oracle;
import org.litmusfarm.text.ParsedProgram;
import org.litmusfarm.text.Programs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code farm run}: builds each program's harness, hammers it here and judges what it saw. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Build, hammer and judge programs here (natively or under an emulator).",
      "Prints every observed outcome with its count and class, then 'violations: N', the",
      "number of distinct FORBIDDEN outcomes observed. Exit status 3 when N > 0."
    })
final class RunCommand implements Callable<Integer> {
  static final String QEMU_WARNING =
      "emulated run: QEMU user mode on x86 is known to break arm64 STLR/LDAR ordering; a FORBIDDEN"
          + " outcome seen here is a finding about the emulator, not hardware evidence";

  @Parameters(arity = "1..*", paramLabel = "FILE", description = ".litmus files")
  List<Path> files;

  @Mixin HarnessOptions harness;

  @Option(names = "--goarch", paramLabel = "ARCH", description = "cross-build for this GOARCH; runs under qemu-ARCH-static unless it is the host's")
  String goarch;

  @Option(names = "--emulator", paramLabel = "CMD", description = "run the binary under this user-mode emulator (needs --goarch)")
  String emulator;

  @Option(names = "--go", paramLabel = "PATH", description = "the go command to build with (default: $FARM_GO, else go on the PATH)")
  Path go;

  @Option(names = "--timeout", paramLabel = "S", description = "kill a run after S seconds (default: twice the time budget plus 60, or 600 with --iterations)")
  Double timeout;

  @Option(names = "--json", description = "print one JSON object with every run on stdout")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    GoTarget target = Targets.resolve(goarch, emulator);
    GoToolchain toolchain = toolchain();
    Harness h = new Harness(toolchain, CacheDir.of("go"));
    Oracle oracle = new Oracle();
    String cpuModel = HostInfo.cpuModel();
    if (!target.mode().equals("native")) {
      err.println("farm: note: " + target.mode() + ": " + QEMU_WARNING);
    }
    JsonArray runs = new JsonArray();
    int violations = 0;
    int status = ExitStatus.OK;
    for (Path file : files) {
      ParsedProgram parsed;
      Decision decision;
      try {
        parsed = Sources.read(file);
        parsed.warnings().forEach(w -> err.println(w.render()));
        decision = Sources.decide(oracle, parsed);
      } catch (InvalidProgramException e) {
        e.diagnostics().forEach(d -> err.println(d.render()));
        status = ExitStatus.INVALID;
        continue;
      }
      HarnessParams params = harness.paramsFor(parsed.program());
      params.mutant().ifPresent(m -> err.println("farm: note: harness mutant " + m.tag() + ": " + m.description()));
      String name = parsed.program().name();
      err.println("farm: " + name + ": building for " + target.goarch().orElse(Targets.hostGoarch()) + " with " + toolchain.version());
      RunResult result = h.run(parsed.program(), params, target, limit(params), line -> err.println("farm: " + name + ": " + line));
      Map<Outcome, OutcomeClass> classes = new TreeMap<>();
      result.histogram().keySet().forEach(o -> classes.put(o, decision.classify(o)));
      int forbidden = (int) classes.values().stream().filter(c -> c == OutcomeClass.FORBIDDEN).count();
      violations += forbidden;
      if (json) {
        runs.add(toJson(file, parsed, decision, result, classes, cpuModel, forbidden));
      } else {
        print(out, result, classes, decision, parsed.program().exists(), cpuModel);
      }
      if (forbidden > 0) {
        err.println(
            "farm: VIOLATION: " + name + " showed " + forbidden + " outcome(s) the Go memory model forbids on "
                + result.goarch() + " (" + result.mode() + ")"
                + (result.mode().equals("native") ? "" : "; emulated, so not hardware evidence"));
      }
    }
    if (json) {
      JsonObject all = new JsonObject();
      all.add("runs", runs);
      all.addProperty("violations", violations);
      out.println(Json.GSON.toJson(all));
    } else {
      out.println("violations: " + violations);
    }
    return violations > 0 ? ExitStatus.VIOLATION : status;
  }

  private GoToolchain toolchain() {
    if (go != null) {
      return GoToolchain.at(go);
    }
    return GoToolchain.find()
        .orElseThrow(() -> new UserInputException("no Go toolchain found: install Go 1.19+, put go on the PATH or name it with --go or FARM_GO"));
  }

  private Duration limit(HarnessParams params) {
    if (timeout != null) {
      if (!(timeout > 0)) {
        throw new UserInputException("--timeout must be more than 0 seconds");
      }
      return Duration.ofNanos((long) (timeout * 1e9));
    }
    if (params.iterations() > 0) {
      return Duration.ofMinutes(10);
    }
    return params.timeBudget().multipliedBy(2).plusSeconds(60);
  }

  private static void print(
      PrintWriter out, RunResult r, Map<Outcome, OutcomeClass> classes, Decision decision, Prop exists, String cpuModel) {
    out.printf(
        "%s\t%s/%s %s, %s, %d CPUs (%s): %,d iterations in %.2f s (%,.0f/s)%n",
        r.program(), r.goos(), r.goarch(), r.mode(), r.goVersion(), r.cpus(), cpuModel,
        r.iterations(), r.elapsed().toNanos() / 1e9, r.iterationsPerSecond());
    classes.forEach((o, c) -> out.printf("  %,15d\t%-9s\t%s%n", r.histogram().get(o), c, o));
    out.printf("  exists is %s; observed %,d times%n", decision.verdict(), r.count(o -> o.satisfies(exists)));
  }

  private static JsonObject toJson(Path file, ParsedProgram parsed, Decision decision, RunResult r, Map<Outcome, OutcomeClass> classes, String cpuModel, int forbidden) {
    JsonObject o = new JsonObject();
    o.addProperty("file", file.toString());
    o.addProperty("program", r.program());
    o.addProperty("id", Programs.id(parsed.program()).hex());
    o.addProperty("verdict", decision.verdict().name());
    o.addProperty("goos", r.goos());
    o.addProperty("arch", r.goarch());
    o.addProperty("mode", r.mode());
    o.addProperty("cpu_model", cpuModel);
    o.addProperty("cpus", r.cpus());
    o.addProperty("go_version", r.goVersion());
    o.addProperty("iterations", r.iterations());
    o.addProperty("elapsed_seconds", r.elapsed().toNanos() / 1e9);
    JsonObject params = new JsonObject();
    r.params().forEach(params::addProperty);
    o.add("params", params);
    JsonArray outs = new JsonArray();
    classes.forEach(
        (outcome, cls) -> {
          JsonObject e = new JsonObject();
          e.addProperty("outcome", outcome.toString());
          e.addProperty("count", r.histogram().get(outcome));
          e.addProperty("class", cls.name());
          outs.add(e);
        });
    o.add("outcomes", outs);
    o.addProperty("violations", forbidden);
    return o;
  }
}
