package org.litmusfarm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.litmusfarm.harness.GoTarget;
import org.litmusfarm.harness.GoToolchain;
import org.litmusfarm.harness.Harness;
import org.litmusfarm.harness.RunResult;
import org.litmusfarm.model.Location;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.OutcomeClass;
import org.litmusfarm.model.Program;
import org.litmusfarm.oracle.Decision;
import org.litmusfarm.oracle.Oracle;
import org.litmusfarm.reduce.Candidates;
import org.litmusfarm.reduce.ReduceLimits;
import org.litmusfarm.reduce.Reducer;
import org.litmusfarm.reduce.Reduction;
import org.litmusfarm.reduce.Step;
import org.litmusfarm.reduce.Violation;
import org.litmusfarm.text.ParsedProgram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code farm reduce}: shrinks a program that shows a violation here to a small reproducer. */
@Command(
    name = "reduce",
    mixinStandardHelpOptions = true,
    description = {
      "Shrink a program that shows a FORBIDDEN outcome here to a small reproducer.",
      "Removes goroutines, statements and shared objects and simplifies values while",
      "each candidate, hammered for one slice, still shows the (projected) outcome.",
      "Progress goes to stderr; stdout gets the smallest program as .litmus text after",
      "comment lines saying how it was found and the farm run command that replays it.",
      "Exit status 3 when a violation was reduced, 1 when none was observed."
    })
final class ReduceCommand implements Callable<Integer> {
  /** Shortest slice in which the original is hammered to find its violation. */
  static final int FIND_SLICE_SECONDS = 5;

  @Parameters(paramLabel = "FILE", description = "the .litmus program that shows the violation")
  Path file;

  @Option(names = {"--arch", "--goarch"}, paramLabel = "ARCH", description = "GOARCH to run on; runs under qemu-ARCH-static unless it is the host's (default: the host's)")
  String arch;

  @Option(names = "--emulator", paramLabel = "CMD", description = "run under this user-mode emulator (needs --arch)")
  String emulator;

  @Option(names = "--seconds-per-try", paramLabel = "S", defaultValue = "2", description = "hammer each candidate this long (default ${DEFAULT-VALUE})")
  double secondsPerTry;

  @Option(names = "--max-tries", paramLabel = "N", defaultValue = "60", description = "run at most N candidates (default ${DEFAULT-VALUE})")
  int maxTries;

  @Option(names = "--tries-per-candidate", paramLabel = "N", defaultValue = "2", description = "try a candidate that did not reproduce again, up to N times in all, once smaller ones are done (default ${DEFAULT-VALUE})")
  int triesPerCandidate;

  @Option(names = "--max-seconds", paramLabel = "S", defaultValue = "1800", description = "stop trying candidates after S seconds (default ${DEFAULT-VALUE})")
  double maxSeconds;

  @Option(names = "--find-seconds", paramLabel = "S", defaultValue = "120", description = "without --outcome, hammer FILE in slices until a FORBIDDEN outcome shows, for at most S seconds (default ${DEFAULT-VALUE})")
  double findSeconds;

  @Option(names = "--outcome", paramLabel = "OUTCOME", description = "the forbidden outcome observed, or the part of it that is forbidden, e.g. 'P0:r0=0; P1:r0=0' (default: hammer FILE, see --find-seconds, and take the most frequent one)")
  String outcome;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "orders candidates of equal size (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--out", paramLabel = "FILE", description = "also write the result here")
  Path out;

  @Option(names = "--go", paramLabel = "PATH", description = "the go command to build with (default: $FARM_GO, else go on the PATH)")
  Path go;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Duration slice = seconds("--seconds-per-try", secondsPerTry);
    ReduceLimits limits = limits();
    GoTarget target = Targets.resolve(arch, emulator);
    Oracle oracle = new Oracle();
    ParsedProgram parsed = Sources.read(file);
    parsed.warnings().forEach(w -> err.println(w.render()));
    Decision decision = Sources.decide(oracle, parsed);
    Program program = parsed.program();
    Optional<Violation> given = outcome == null ? Optional.empty() : Optional.of(given(program, oracle));
    GoToolchain toolchain = go != null ? GoToolchain.at(go) : GoToolchain.find()
        .orElseThrow(() -> new UserInputException("no Go toolchain found: install Go 1.19+, put go on the PATH or name it with --go or FARM_GO"));
    HarnessReproducer runner = new HarnessReproducer(new Harness(toolchain, CacheDir.of("go")), target, slice, err);
    String where = target.goarch().orElse(Targets.hostGoarch()) + " (" + target.mode() + ")";
    if (!target.mode().equals("native")) {
      err.println("farm: note: " + target.mode() + ": " + RunCommand.QEMU_WARNING);
    }
    String perTry = ReduceReport.number(secondsPerTry) + " s";
    Duration find = seconds("--find-seconds", findSeconds);
    Optional<Violation> start = given.isPresent() ? given : observed(program, decision, runner, find, where, err);
    if (start.isEmpty()) {
      err.println("farm: reduce: no FORBIDDEN outcome of " + program.name() + " in " + ReduceReport.number(findSeconds)
          + " s on " + where
          + "; nothing to reduce (try a longer --find-seconds, or name the outcome with --outcome)");
      return ExitStatus.FAILURE;
    }
    Candidates candidates = new Candidates(oracle);
    Violation v = candidates.narrow(start.get());
    err.println("farm: reduce: violation of " + program.name() + " on " + where + ": " + start.get().outcome()
        + (v.outcome().equals(start.get().outcome()) ? "" : ", forbidden because of " + v.outcome()));
    String estimate = runner.reproduces(v)
        ? "the original showed the violation again within one " + perTry + " slice: the slice looks long enough"
        : "the original did not show the violation again within one " + perTry + " slice: the slice may be too"
            + " short, so a candidate that does reproduce may be missed; try a longer --seconds-per-try";
    err.println("farm: reduce: " + estimate);
    Reducer reducer = new Reducer(candidates, runner, limits, step -> report(step, err));
    Reduction r = reducer.reduce(v);
    String text = ReduceReport.text(r, where, estimate, replay(r));
    stdout.print(text);
    if (out != null) {
      write(text);
    }
    return ExitStatus.VIOLATION;
  }

  private ReduceLimits limits() {
    if (maxTries < 1) {
      throw new UserInputException("--max-tries must be at least 1");
    }
    if (triesPerCandidate < 1 || triesPerCandidate > 100) {
      throw new UserInputException("--tries-per-candidate must be between 1 and 100");
    }
    return new ReduceLimits(maxTries, seconds("--max-seconds", maxSeconds), seed, triesPerCandidate);
  }

  private static Duration seconds(String option, double s) {
    if (!(s > 0) || s > 3600) {
      throw new UserInputException(option + " must be more than 0 and at most 3600 seconds");
    }
    return Duration.ofNanos((long) (s * 1e9));
  }

  private Violation given(Program program, Oracle oracle) {
    Outcome parsed;
    try {
      parsed = Outcome.parse(outcome);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--outcome: " + e.getMessage());
    }
    Map<Location, Long> ordered = new LinkedHashMap<>();
    for (Location l : program.outcomeLocations()) {
      if (parsed.values().containsKey(l)) {
        ordered.put(l, parsed.values().get(l));
      }
    }
    for (Location l : parsed.values().keySet()) {
      if (!ordered.containsKey(l)) {
        throw new UserInputException("--outcome: " + program.name() + " does not record " + l
            + "; its outcomes record " + program.outcomeLocations());
      }
    }
    try {
      return Violation.checked(program, new Outcome(ordered), oracle);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--outcome: " + e.getMessage());
    }
  }

  /**
   * The most frequent FORBIDDEN outcome of the first slice of the original that shows one; slices
   * last {@value #FIND_SLICE_SECONDS} s or one try, whichever is longer, until {@code find} is spent.
   */
  private static Optional<Violation> observed(Program program, Decision decision, HarnessReproducer runner,
      Duration find, String where, PrintWriter err) {
    Duration findSlice = runner.slice().compareTo(Duration.ofSeconds(FIND_SLICE_SECONDS)) > 0
        ? runner.slice() : Duration.ofSeconds(FIND_SLICE_SECONDS);
    err.println("farm: reduce: hammering " + program.name() + " on " + where + " to find the violation (at most "
        + find.toSeconds() + " s)");
    Duration spent = Duration.ZERO;
    while (spent.compareTo(find) < 0) {
      Duration next = find.minus(spent).compareTo(findSlice) < 0 ? find.minus(spent) : findSlice;
      RunResult result = runner.run(program, next);
      spent = spent.plus(next);
      Optional<Violation> seen = result.histogram().entrySet().stream()
          .filter(e -> decision.classify(e.getKey()) == OutcomeClass.FORBIDDEN)
          .max(Comparator.comparing((Map.Entry<Outcome, Long> e) -> e.getValue())
              .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
          .map(e -> new Violation(program, e.getKey()));
      if (seen.isPresent()) {
        err.println("farm: reduce: found after " + spent.toSeconds() + " s of hammering");
        return seen;
      }
    }
    return Optional.empty();
  }

  private static void report(Step s, PrintWriter err) {
    err.printf("farm: reduce: try %d (%.1f s): %s -> %s: %s%n", s.attempt(), s.elapsed().toNanos() / 1e9,
        s.candidate().edit(), s.candidate().size(), s.reproduced() ? "reproduced" : "not seen");
    err.flush();
  }

  /** The {@code farm run} command that replays the result. */
  private String replay(Reduction r) {
    StringBuilder cmd = new StringBuilder("farm run ");
    cmd.append(out != null ? out.toString() : r.reduced().program().name() + ".litmus");
    if (arch != null) {
      cmd.append(" --goarch ").append(arch);
    }
    if (emulator != null) {
      cmd.append(" --emulator ").append(emulator);
    }
    cmd.append(" --seconds ").append(ReduceReport.number(secondsPerTry));
    return cmd.toString();
  }

  private void write(String text) {
    try {
      Files.writeString(out, text);
    } catch (IOException e) {
      throw new UserInputException(out + ": cannot write: " + e.getMessage());
    }
  }
}
