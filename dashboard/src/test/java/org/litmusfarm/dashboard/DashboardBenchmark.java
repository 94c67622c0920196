package org.litmusfarm.dashboard;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.catalog.CatalogEntry;
import org.litmusfarm.coordinator.store.FarmDatabase;
import org.litmusfarm.embedded.Database;
import org.litmusfarm.embedded.EmbeddedPostgres;

/**
 * Times every page with a million outcome counts in a real PostgreSQL: nightly campaigns of the
 * catalog and its mutants on four architecture-modes (amd64, arm64 and riscv64 native, arm64
 * under qemu), two batches per job, a few violations. Prints the median of several requests per
 * page. Not a test: run it with
 * {@code mvn -o -pl dashboard exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.litmusfarm.dashboard.DashboardBenchmark [-Dexec.args=ROWS]}.
 */
public final class DashboardBenchmark {
  private static final String[][] TARGETS = {
    {"amd64", "native", "w-amd64-1", "AMD EPYC 7B13"},
    {"arm64", "native", "w-arm64-1", "Neoverse-N1"},
    {"riscv64", "native", "w-riscv64-1", "SiFive U74-MC"},
    {"arm64", "emulated:qemu-aarch64-static", "w-arm64-qemu", "AMD EPYC 7B13"},
  };
  private static final int PROGRAMS = 1000;
  private static final int RUNS = 9;

  private DashboardBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      Database d = pg.createDatabase("dashboard_bench");
      try (HikariDataSource db = FarmDatabase.open(d.jdbcUrl(), d.user(), d.password(), 8)) {
        FarmDatabase.migrate(db);
        long t0 = System.nanoTime();
        Fill fill = fill(db, rows);
        System.out.printf("filled %,d outcome counts, %,d jobs, %,d batches, %d campaigns, %d programs in %.1f s%n",
            fill.counts, fill.jobs, fill.jobs * 2, fill.campaigns.size(), PROGRAMS, (System.nanoTime() - t0) / 1e9);
        new Seed(db).execute("ANALYZE");
        long r0 = System.nanoTime();
        try (Dashboard dashboard = Dashboard.start(new DashboardConfig("127.0.0.1", 0, db, "127.0.0.1:1",
            "benchmark-token-0123456789", Duration.ofHours(1)))) {
          System.out.printf("dashboard started, weak-outcome rollup filled, in %.0f ms%n", (System.nanoTime() - r0) / 1e6);
          new Seed(db).execute("INSERT INTO batches SELECT job_id, attempt, 99, 1, 1, arch, mode, cpu_model, cores, go_version,"
              + " worker_id, now() FROM batches WHERE sequence = 0 LIMIT 1");
          long f0 = System.nanoTime();
          dashboard.refreshNow();
          System.out.printf("rollup refresh (concurrently, after a new batch): %.0f ms%n", (System.nanoTime() - f0) / 1e6);
          time(new Http(dashboard.port()), fill);
          if (Boolean.getBoolean("bench.hold")) {
            System.out.printf("holding for 30 min: %s user %s password %s, dashboard http://127.0.0.1:%d/%n",
                d.jdbcUrl(), d.user(), d.password(), dashboard.port());
            Thread.sleep(Duration.ofMinutes(30).toMillis());
          }
        }
      }
    }
  }

  private record Fill(long counts, long jobs, List<String> campaigns, String busiestProgram) {}

  private static Fill fill(HikariDataSource db, long target) {
    Seed seed = new Seed(db);
    Random random = new Random(42);
    List<CatalogEntry> catalog = Catalog.load().entries();
    List<Seed.Stored> programs = new ArrayList<>();
    Map<String, String> texts = new LinkedHashMap<>();
    for (CatalogEntry e : catalog) {
      Seed.Stored s = seed.program(e.text().orElseThrow());
      programs.add(s);
      texts.put(s.id(), e.text().orElseThrow());
    }
    int catalogSize = programs.size();
    for (int i = 0; programs.size() < PROGRAMS; i++) {
      Seed.Stored parent = programs.get(i % catalogSize);
      programs.add(seed.mutantOf(parent, texts.get(parent.id()), i));
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    for (String[] t : TARGETS) {
      seed.worker(t[2], t[0], t[1], t[3], now);
    }
    long counts = 0;
    long jobs = 0;
    List<String> campaigns = new ArrayList<>();
    int night = 0;
    while (counts < target) {
      night++;
      String campaign = String.format("c-night%05d", night);
      campaigns.add(campaign);
      Instant at = now.minus(400 - night, ChronoUnit.DAYS);
      seed.campaign(campaign, "nightly", "done", at);
      for (Seed.Stored p : programs) {
        String sub = "s-" + night + "-" + p.id().substring(0, 12);
        seed.submission(sub, p, campaign, at);
        for (String[] t : TARGETS) {
          String job = "j-" + (++jobs);
          long iterations = 2_000_000 + random.nextInt(1_000_000);
          seed.job(job, sub, p, t[0], "done", t[2], at);
          seed.batch(job, 0, iterations / 2, t[0], t[1], t[3], t[2], at.plusSeconds(30));
          seed.batch(job, 1, iterations - iterations / 2, t[0], t[1], t[3], t[2], at.plusSeconds(60));
          Map<String, Long> c = new LinkedHashMap<>();
          long left = iterations;
          for (var o : p.allowed().entrySet()) {
            boolean weak = o.getValue().equals("WEAK");
            if (weak && random.nextInt(3) == 0) {
              continue;
            }
            long n = weak ? 1 + random.nextInt(5000) : Math.max(1, left / 3);
            c.put(o.getKey(), n);
            left = Math.max(0, left - n);
          }
          if (t[1].startsWith("emulated") && random.nextInt(50) == 0 && !p.allowed().isEmpty()) {
            c.put(p.allowed().keySet().iterator().next().replaceFirst("=\\d+", "=7"), 1L + random.nextInt(40));
          }
          seed.counts(job, p, c, t[0], t[1], t[3], at.plusSeconds(60));
          counts += c.size();
        }
      }
      seed.flush();
      System.out.printf("  night %d: %,d outcome counts so far%n", night, counts);
    }
    return new Fill(counts, jobs, campaigns, programs.get(0).id());
  }

  private static void time(Http http, Fill fill) {
    String newest = fill.campaigns.get(fill.campaigns.size() - 1);
    String[] paths = {
      "/", "/violations", "/weak", "/weak?arch=arm64", "/weak?shape=SB", "/weak?state=new",
      "/programs/" + fill.busiestProgram, "/campaigns", "/campaigns/" + newest, "/fleet", "/submit",
      "/api/overview", "/api/violations", "/api/weak", "/api/programs/" + fill.busiestProgram, "/api/campaigns",
      "/api/campaigns/" + newest, "/api/fleet",
    };
    System.out.printf("%-40s %10s %10s %10s %10s%n", "page", "median ms", "min ms", "max ms", "KiB");
    for (String path : paths) {
      for (int i = 0; i < 3; i++) {
        check(http.get(path), path);
      }
      double[] ms = new double[RUNS];
      int size = 0;
      for (int i = 0; i < RUNS; i++) {
        long s = System.nanoTime();
        Http.Response r = http.get(path);
        ms[i] = (System.nanoTime() - s) / 1e6;
        check(r, path);
        size = r.body().length();
      }
      Arrays.sort(ms);
      String shown = path.length() > 40 ? path.substring(0, 37) + "..." : path;
      System.out.printf("%-40s %10.1f %10.1f %10.1f %10d%n", shown, ms[RUNS / 2], ms[0], ms[RUNS - 1], size / 1024);
    }
  }

  private static void check(Http.Response r, String path) {
    if (r.status() != 200) {
      throw new IllegalStateException(path + " answered " + r.status() + ": " + r.body());
    }
  }
}
