package org.litmusfarm.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.litmusfarm.emit.Examples;
import org.litmusfarm.emit.GoEmitter;
import org.litmusfarm.emit.HarnessParams;
import org.litmusfarm.emit.SyncMode;
import org.litmusfarm.model.Program;

/**
 * Runs SB+plain several times per sync mode and prints the median and range of iterations/s and
 * weak witnesses/s. Arguments (all optional): runs (5), seconds per run (5), instances per round
 * (the default), sync modes (all). Run with {@code mvn -q -pl generator test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.litmusfarm.harness.HarnessBenchmark
 * -Dexec.args="5 5"}.
 */
public final class HarnessBenchmark {
  private HarnessBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int instances = args.length > 2 ? Integer.parseInt(args[2]) : HarnessParams.defaults().instances();
    List<SyncMode> modes =
        args.length > 3 ? Arrays.stream(args[3].split(",")).map(SyncMode::parse).toList() : List.of(SyncMode.values());
    Program p = Examples.sbPlain();
    Path dir = Files.createTempDirectory("litmus-bench");
    GoBuild build = new GoBuild(GoToolchain.locate(), dir);
    System.out.printf("SB+plain, %d runs x %d s per mode, %d instances per round, %d CPUs (shared machine)%n",
        runs, seconds, instances, Runtime.getRuntime().availableProcessors());
    for (SyncMode mode : modes) {
      HarnessParams params =
          HarnessParams.defaults().withSyncMode(mode).withInstances(instances).withTimeBudget(Duration.ofSeconds(seconds));
      Program named = p.withName("SB+plain-" + mode.tag());
      Path binary = build.build(named.name(), GoEmitter.emit(named, params), GoTarget.host());
      List<Double> rates = new ArrayList<>();
      List<Double> witnesses = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        RunResult r = Runner.run(binary, GoTarget.host(), Duration.ofSeconds(seconds + 30), line -> {});
        double secs = r.elapsed().toNanos() / 1e9;
        rates.add(r.iterations() / secs);
        witnesses.add(r.count(o -> o.satisfies(p.exists())) / secs);
      }
      System.out.printf("%-9s iterations/s median %6.1fM [%5.1fM..%5.1fM]   weak/s median %9.0f [%.0f..%.0f]%n",
          mode.tag(), median(rates) / 1e6, min(rates) / 1e6, max(rates) / 1e6,
          median(witnesses), min(witnesses), max(witnesses));
    }
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static double min(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).min().orElse(0);
  }

  private static double max(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }
}
