package org.litmusfarm.harness;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.litmusfarm.model.Outcome;

/**
 * What one run of an emitted harness reported.
 *
 * @param program the litmus program's name
 * @param goos the GOOS the binary ran as
 * @param goarch the GOARCH the binary ran as
 * @param goVersion {@code runtime.Version()} of the binary
 * @param cpus {@code runtime.NumCPU()} where it ran
 * @param iterations test instances run
 * @param elapsed wall time of the run inside the binary
 * @param params the harness parameters as the binary recorded them, JSON values as text
 * @param histogram how often each outcome was observed, in canonical order
 * @param mode {@code native} or {@code emulated:<emulator basename>}
 */
public record RunResult(
    String program,
    String goos,
    String goarch,
    String goVersion,
    int cpus,
    long iterations,
    Duration elapsed,
    Map<String, String> params,
    Map<Outcome, Long> histogram,
    String mode) {
  public RunResult {
    Objects.requireNonNull(program);
    Objects.requireNonNull(goos);
    Objects.requireNonNull(goarch);
    Objects.requireNonNull(goVersion);
    Objects.requireNonNull(elapsed);
    Objects.requireNonNull(mode);
    params = Collections.unmodifiableMap(new TreeMap<>(params));
    histogram = Collections.unmodifiableMap(new TreeMap<>(histogram));
  }

  /** How many times an outcome satisfying {@code test} was observed. */
  public long count(java.util.function.Predicate<Outcome> test) {
    return histogram.entrySet().stream().filter(e -> test.test(e.getKey())).mapToLong(Map.Entry::getValue).sum();
  }

  /** Iterations per second of wall time inside the binary. */
  public double iterationsPerSecond() {
    return elapsed.isZero() ? 0 : iterations / (elapsed.toNanos() / 1e9);
  }
}
