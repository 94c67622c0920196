package org.litmusfarm.dashboard;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.catalog.CatalogEntry;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.OutcomeClass;
import org.litmusfarm.model.Program;
import org.litmusfarm.oracle.Decision;
import org.litmusfarm.oracle.Oracle;
import org.litmusfarm.text.Parser;
import org.litmusfarm.text.Printer;
import org.litmusfarm.text.Programs;
import org.postgresql.PGConnection;

/**
 * Writes farm rows the way the coordinator and its ingester do (programs decided by the real
 * oracle; jobs with batches, counts and violations), buffered and sent with COPY, for tests and
 * the benchmark. Not thread-safe.
 */
final class Seed {
  /** A program as stored, with the oracle's classes of its allowed outcomes. */
  record Stored(String id, String name, Map<String, String> allowed) {}

  private final DataSource db;
  private final Map<String, StringBuilder> copies = new LinkedHashMap<>();
  private final Map<String, long[]> violations = new LinkedHashMap<>();
  private final Map<String, Instant[]> violationTimes = new LinkedHashMap<>();

  Seed(DataSource db) {
    this.db = db;
  }

  /** Stores the catalog test {@code name}, decided by the oracle. */
  Stored catalog(String name) {
    CatalogEntry e = Catalog.load().find(name).orElseThrow();
    return program(e.text().orElseThrow());
  }

  /** Stores {@code text} as a program decided by the oracle, like a submission does. */
  Stored program(String text) {
    Program p = Parser.parse("seed.litmus", text).program();
    Decision d = new Oracle().decide(p);
    Map<String, String> allowed = new LinkedHashMap<>();
    d.allowed().forEach((o, c) -> allowed.put(o.toString(), c.name()));
    return store(Programs.id(p).hex(), p.name(), Printer.print(p), d.verdict().name(), d.racy(), allowed);
  }

  /** Stores a copy of {@code parent} named as a mutant of it (same outcomes, its own id). */
  Stored mutantOf(Stored parent, String parentText, int n) {
    String name = parent.name() + "-m" + String.format("%010x", n);
    String text = parentText.replaceFirst("litmus \\S+", "litmus " + name);
    return store(sha256(text), name, text, "WEAK", false, parent.allowed());
  }

  private Stored store(String id, String name, String text, String verdict, boolean racy, Map<String, String> allowed) {
    execute("INSERT INTO programs (id, name, litmus, verdict, racy) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        id, name, text, verdict, racy);
    for (var e : allowed.entrySet()) {
      execute("INSERT INTO program_outcomes (program_id, outcome, class) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
          id, e.getKey(), e.getValue());
    }
    return new Stored(id, name, allowed);
  }

  void worker(String id, String arch, String mode, String cpu, Instant heartbeat) {
    execute("INSERT INTO workers (id, name, arch, mode, cpu_model, cores, go_versions, farm_version, last_heartbeat, jobs_done)"
        + " VALUES (?, ?, ?, ?, ?, 8, ARRAY['go1.26.8'], 'test', ?, 42)", id, "worker-" + id, arch, mode, cpu, Timestamp.from(heartbeat));
  }

  void campaign(String id, String name, String state, Instant started) {
    execute("INSERT INTO campaigns (id, spec_name, spec_text, state, started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?)",
        id, name, "{\"programs\":[\"SB+plain\"],\"archs\":[\"amd64\",\"arm64\"],\"seconds\":10}", state, Timestamp.from(started),
        state.equals("running") ? null : Timestamp.from(started.plusSeconds(3600)));
  }

  /** A submission of {@code program}, in {@code campaign} if not null. */
  void submission(String id, Stored program, String campaign, Instant at) {
    row("submissions", id, program.id(), campaign, at);
  }

  /** A job, with the worker that last leased it (null if none). */
  void job(String id, String submission, Stored program, String arch, String state, String worker, Instant at) {
    row("jobs", id, submission, program.id(), arch, "", "{\"seconds\":10}", "t", state, state.equals("queued") ? 0 : 1, 3,
        worker, null, 0, null, at, at, "");
  }

  void batch(String job, int sequence, long iterations, String arch, String mode, String cpu, String worker, Instant at) {
    row("batches", job, 1, sequence, iterations, iterations * 50, arch, mode, cpu, 8, "go1.26.8", worker, at);
  }

  /**
   * Outcome counts of a job, classified by the program's oracle table (an outcome not in it is
   * FORBIDDEN and becomes a violation, as the ingester does).
   */
  void counts(String job, Stored program, Map<String, Long> counts, String arch, String mode, String cpu, Instant at) {
    for (var e : counts.entrySet()) {
      String cls = program.allowed().getOrDefault(e.getKey(), OutcomeClass.FORBIDDEN.name());
      row("outcome_counts", job, e.getKey(), cls, e.getValue(), at, at);
      if (cls.equals("FORBIDDEN")) {
        String key = String.join("\t", program.id(), arch, mode, cpu, "go1.26.8", e.getKey());
        violations.computeIfAbsent(key, k -> new long[1])[0] += e.getValue();
        violationTimes.merge(key, new Instant[] {at, at},
            (a, b) -> new Instant[] {a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
      }
    }
  }

  /** Sends every buffered row, then the violations. */
  void flush() {
    try (Connection c = db.getConnection()) {
      var copy = c.unwrap(PGConnection.class).getCopyAPI();
      for (var e : copies.entrySet()) {
        copy.copyIn("COPY " + e.getKey() + " FROM STDIN", new StringReader(e.getValue().toString()));
      }
      copies.clear();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (var e : violations.entrySet()) {
      String[] k = e.getKey().split("\t");
      Instant[] t = violationTimes.get(e.getKey());
      execute("INSERT INTO violations (program_id, arch, mode, cpu_model, go_version, outcome, count, first_seen, last_seen)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (program_id, arch, mode, cpu_model, go_version, outcome)"
          + " DO UPDATE SET count = violations.count + EXCLUDED.count, last_seen = EXCLUDED.last_seen",
          k[0], k[1], k[2], k[3], k[4], k[5], e.getValue()[0], Timestamp.from(t[0]), Timestamp.from(t[1]));
    }
    violations.clear();
    violationTimes.clear();
  }

  private void row(String table, Object... values) {
    StringBuilder b = copies.computeIfAbsent(table, k -> new StringBuilder());
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        b.append('\t');
      }
      Object v = values[i];
      if (v == null) {
        b.append("\\N");
      } else {
        String s = v.toString();
        b.append(s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n"));
      }
    }
    b.append('\n');
  }

  void execute(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The outcomes of {@code program} by class, for building counts. */
  static List<String> outcomes(Stored program, String cls) {
    List<String> out = new ArrayList<>();
    program.allowed().forEach((o, c) -> {
      if (c.equals(cls)) {
        out.add(o);
      }
    });
    return out;
  }

  /** An outcome string, for FORBIDDEN ones the oracle does not list. */
  static String outcome(String text) {
    return Outcome.parse(text).toString();
  }
}
