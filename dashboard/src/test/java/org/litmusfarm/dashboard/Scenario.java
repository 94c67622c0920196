package org.litmusfarm.dashboard;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A small farm history, as after two smoke campaigns on this machine: an amd64 worker (native) and
 * an arm64 one under qemu (emulated), catalog programs decided by the oracle, WEAK outcomes of the
 * plain programs, the emulated arm64 store-buffering violation of SB+atomic, and a third campaign
 * still running.
 */
final class Scenario {
  static final String CPU = "Intel(R) Xeon(R) CPU @ 2.20GHz";
  static final String EMULATED = "emulated:qemu-aarch64-static";
  static final String OLD = "c-0ld0ld0ld0ld";
  static final String NEW = "c-11e211e211e2";
  static final String RUNNING = "c-3a3a3a3a3a3a";
  static final String SB_BOTH_ZERO = "P0:r0=0; P1:r0=0";

  final Seed.Stored sbPlain;
  final Seed.Stored sbAtomic;
  final Seed.Stored mpPlain;
  final Seed.Stored lbAtomic;

  private final Seed seed;
  private int jobs;

  Scenario(DataSource db) {
    seed = new Seed(db);
    sbPlain = seed.catalog("SB+plain");
    sbAtomic = seed.catalog("SB+atomic");
    mpPlain = seed.catalog("MP+plain");
    lbAtomic = seed.catalog("LB+atomic");
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    seed.worker("w-amd64", "amd64", "native", CPU, now);
    seed.worker("w-arm64", "arm64", EMULATED, CPU, now.minus(2, ChronoUnit.HOURS));
    campaign(OLD, now.minus(2, ChronoUnit.DAYS), "done", 1);
    campaign(NEW, now.minus(1, ChronoUnit.HOURS), "done", 2);
    seed.campaign(RUNNING, "nightly", "running", now.minus(5, ChronoUnit.MINUTES));
    seed.submission("s-run-1", sbPlain, RUNNING, now);
    seed.job("j-run-1", "s-run-1", sbPlain, "amd64", "queued", null, now);
    seed.job("j-run-2", "s-run-1", sbPlain, "arm64", "leased", "w-arm64", now);
    seed.flush();
  }

  private void campaign(String id, Instant at, String state, int scale) {
    seed.campaign(id, "smoke", state, at);
    for (Seed.Stored p : new Seed.Stored[] {sbPlain, sbAtomic, mpPlain, lbAtomic}) {
      String sub = "s-" + id + "-" + p.name();
      seed.submission(sub, p, id, at);
      run(sub, p, "amd64", "native", "w-amd64", at, scale);
      run(sub, p, "arm64", EMULATED, "w-arm64", at, scale);
    }
  }

  private void run(String sub, Seed.Stored p, String arch, String mode, String worker, Instant at, int scale) {
    String job = "j-" + (++jobs);
    seed.job(job, sub, p, arch, "done", worker, at);
    seed.batch(job, 0, 1_000_000L * scale, arch, mode, CPU, worker, at.plusSeconds(5));
    seed.batch(job, 1, 500_000L * scale, arch, mode, CPU, worker, at.plusSeconds(10));
    Map<String, Long> counts = new LinkedHashMap<>();
    long left = 1_500_000L * scale;
    for (String o : Seed.outcomes(p, "WEAK")) {
      long n = (arch.equals("arm64") ? 900 : 120) * scale;
      counts.put(o, n);
      left -= n;
    }
    if (p == sbAtomic && arch.equals("arm64")) {
      counts.put(SB_BOTH_ZERO, 45L * scale);
      left -= 45L * scale;
    }
    var sc = Seed.outcomes(p, "SC");
    for (int i = 0; i < sc.size(); i++) {
      long n = i == sc.size() - 1 ? left : left / (sc.size() + 1);
      counts.put(sc.get(i), n);
      left -= n;
    }
    seed.counts(job, p, counts, arch, mode, CPU, at.plusSeconds(10));
  }

  Seed seed() {
    return seed;
  }
}
