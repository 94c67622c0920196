package org.litmusfarm.coordinator.ingest;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.litmusfarm.model.OutcomeClass;

/**
 * Writes one poll's batches in one transaction: refuses batches the jobs table contradicts, stores
 * each new (job, attempt, sequence) once, and only for new ones adds their counts to outcome_counts
 * and their FORBIDDEN outcomes to violations. Rows are written in a fixed order so that concurrent
 * ingesters cannot deadlock each other. Used by the ingest thread only.
 */
final class BatchWriter {
  private static final String JOBS =
      "SELECT j.id, j.program_id, j.goarch, j.attempt, p.name"
          + " FROM jobs j JOIN programs p ON p.id = j.program_id WHERE j.id = ANY (?)";
  private static final String INSERT_BATCHES =
      "INSERT INTO batches (job_id, attempt, sequence, iterations, elapsed_ns, arch, mode,"
          + " cpu_model, cores, go_version, worker_id)"
          + " SELECT * FROM unnest(?::text[], ?::int[], ?::int[], ?::bigint[], ?::bigint[],"
          + " ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[])"
          + " ON CONFLICT (job_id, attempt, sequence) DO NOTHING"
          + " RETURNING job_id, attempt, sequence";
  private static final String UPSERT_COUNTS =
      "INSERT INTO outcome_counts (job_id, outcome, class, count)"
          + " SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[])"
          + " ON CONFLICT (job_id, outcome)"
          + " DO UPDATE SET count = outcome_counts.count + EXCLUDED.count, last_seen = now()";
  private static final String UPSERT_VIOLATIONS =
      "INSERT INTO violations (program_id, arch, mode, cpu_model, go_version, outcome, count)"
          + " SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
          + " ?::text[], ?::bigint[])"
          + " ON CONFLICT (program_id, arch, mode, cpu_model, go_version, outcome)"
          + " DO UPDATE SET count = violations.count + EXCLUDED.count, last_seen = now()"
          + " RETURNING program_id, arch, mode, cpu_model, go_version, outcome, count";

  private static final Comparator<ValidBatch.Key> KEY_ORDER =
      Comparator.comparing(ValidBatch.Key::jobId)
          .thenComparingInt(ValidBatch.Key::attempt)
          .thenComparingInt(ValidBatch.Key::sequence);

  private final DataSource db;
  private final ProgramClasses classes = new ProgramClasses();

  BatchWriter(DataSource db) {
    this.db = db;
  }

  /** What the jobs table says about a job. */
  private record JobFacts(String programId, String goarch, int attempt, String programName) {}

  /** One violation row's identity. */
  private record ViolationKey(
      String programId, String arch, String mode, String cpuModel, String goVersion, String outcome)
      implements Comparable<ViolationKey> {
    private static final Comparator<ViolationKey> ORDER =
        Comparator.comparing(ViolationKey::programId)
            .thenComparing(ViolationKey::arch)
            .thenComparing(ViolationKey::mode)
            .thenComparing(ViolationKey::cpuModel)
            .thenComparing(ViolationKey::goVersion)
            .thenComparing(ViolationKey::outcome);

    @Override
    public int compareTo(ViolationKey o) {
      return ORDER.compare(this, o);
    }
  }

  /** Writes {@code received} in one transaction; on any failure nothing is written. */
  WriteResult write(List<Received> received) throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        WriteResult result = write(c, received);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException rollbackFailure) {
          e.addSuppressed(rollbackFailure);
        }
        throw e;
      }
    }
  }

  private WriteResult write(Connection c, List<Received> received) throws SQLException {
    Map<String, JobFacts> jobs = jobs(c, received);
    List<Rejection> rejected = new ArrayList<>();
    TreeMap<ValidBatch.Key, ValidBatch> accepted = new TreeMap<>(KEY_ORDER);
    int duplicates = 0;
    for (Received r : received) {
      ValidBatch b = r.batch();
      JobFacts job = jobs.get(b.jobId());
      Rejection refusal = refusal(r, job);
      if (refusal != null) {
        rejected.add(refusal);
      } else if (accepted.putIfAbsent(b.key(), b) != null) {
        duplicates++;
      }
    }
    if (accepted.isEmpty()) {
      return new WriteResult(List.of(), duplicates, rejected, List.of());
    }
    Set<ValidBatch.Key> fresh = insertBatches(c, accepted.values());
    List<ValidBatch> inserted = new ArrayList<>();
    for (ValidBatch b : accepted.values()) {
      if (fresh.contains(b.key())) {
        inserted.add(b);
      }
    }
    duplicates += accepted.size() - inserted.size();
    classes.load(c, inserted.stream().map(ValidBatch::programId).toList());

    TreeMap<String, TreeMap<String, Long>> counts = new TreeMap<>();
    TreeMap<ViolationKey, Long> forbidden = new TreeMap<>();
    for (ValidBatch b : inserted) {
      TreeMap<String, Long> ofJob = counts.computeIfAbsent(b.jobId(), j -> new TreeMap<>());
      b.counts().forEach((outcome, n) -> {
        ofJob.merge(outcome, n, Math::addExact);
        if (classes.classify(b.programId(), outcome) == OutcomeClass.FORBIDDEN) {
          ViolationKey k =
              new ViolationKey(b.programId(), b.arch(), b.mode(), b.cpuModel(), b.goVersion(), outcome);
          forbidden.merge(k, n, Math::addExact);
        }
      });
    }
    upsertCounts(c, counts, jobs);
    List<ViolationUpdate> violations = upsertViolations(c, forbidden, programNames(jobs));
    return new WriteResult(inserted, duplicates, rejected, violations);
  }

  private static Rejection refusal(Received r, JobFacts job) {
    ValidBatch b = r.batch();
    if (job == null) {
      return new Rejection(r.ref(), RejectReason.UNKNOWN_JOB, "no job '" + b.jobId() + "'");
    }
    if (!job.programId().equals(b.programId())) {
      return new Rejection(
          r.ref(),
          RejectReason.PROGRAM_MISMATCH,
          "job " + b.jobId() + " runs program " + job.programId() + ", batch says " + b.programId());
    }
    if (!job.goarch().equals(b.arch())) {
      return new Rejection(
          r.ref(),
          RejectReason.ARCH_MISMATCH,
          "job " + b.jobId() + " is for " + job.goarch() + ", batch says it ran on " + b.arch());
    }
    if (b.attempt() > job.attempt()) {
      return new Rejection(
          r.ref(),
          RejectReason.UNKNOWN_ATTEMPT,
          "job " + b.jobId() + " has been leased " + job.attempt() + " times, batch says attempt "
              + b.attempt());
    }
    return null;
  }

  private static Map<String, JobFacts> jobs(Connection c, List<Received> received) throws SQLException {
    String[] ids = received.stream().map(r -> r.batch().jobId()).distinct().toArray(String[]::new);
    Map<String, JobFacts> jobs = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(JOBS)) {
      ps.setArray(1, c.createArrayOf("text", ids));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          jobs.put(
              rs.getString(1),
              new JobFacts(rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5)));
        }
      }
    }
    return jobs;
  }

  private static Map<String, String> programNames(Map<String, JobFacts> jobs) {
    Map<String, String> names = new HashMap<>();
    jobs.values().forEach(j -> names.put(j.programId(), j.programName()));
    return names;
  }

  private static Set<ValidBatch.Key> insertBatches(Connection c, Iterable<ValidBatch> batches)
      throws SQLException {
    List<ValidBatch> list = new ArrayList<>();
    batches.forEach(list::add);
    int n = list.size();
    String[] jobIds = new String[n];
    Integer[] attempts = new Integer[n];
    Integer[] sequences = new Integer[n];
    Long[] iterations = new Long[n];
    Long[] elapsed = new Long[n];
    String[] archs = new String[n];
    String[] modes = new String[n];
    String[] cpus = new String[n];
    Integer[] cores = new Integer[n];
    String[] goVersions = new String[n];
    String[] workers = new String[n];
    for (int i = 0; i < n; i++) {
      ValidBatch b = list.get(i);
      jobIds[i] = b.jobId();
      attempts[i] = b.attempt();
      sequences[i] = b.sequence();
      iterations[i] = b.iterations();
      elapsed[i] = b.elapsedNs();
      archs[i] = b.arch();
      modes[i] = b.mode();
      cpus[i] = b.cpuModel();
      cores[i] = b.cores();
      goVersions[i] = b.goVersion();
      workers[i] = b.workerId();
    }
    Set<ValidBatch.Key> fresh = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(INSERT_BATCHES)) {
      bind(
          c, ps, texts(jobIds), ints(attempts), ints(sequences), longs(iterations), longs(elapsed),
          texts(archs), texts(modes), texts(cpus), ints(cores), texts(goVersions), texts(workers));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          fresh.add(new ValidBatch.Key(rs.getString(1), rs.getInt(2), rs.getInt(3)));
        }
      }
    }
    return fresh;
  }

  private void upsertCounts(
      Connection c, TreeMap<String, TreeMap<String, Long>> counts, Map<String, JobFacts> jobs)
      throws SQLException {
    List<String> jobIds = new ArrayList<>();
    List<String> outcomes = new ArrayList<>();
    List<String> classNames = new ArrayList<>();
    List<Long> ns = new ArrayList<>();
    counts.forEach((jobId, ofJob) -> ofJob.forEach((outcome, n) -> {
      jobIds.add(jobId);
      outcomes.add(outcome);
      classNames.add(classes.classify(jobs.get(jobId).programId(), outcome).name());
      ns.add(n);
    }));
    if (jobIds.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(UPSERT_COUNTS)) {
      bind(
          c,
          ps,
          texts(jobIds.toArray(new String[0])),
          texts(outcomes.toArray(new String[0])),
          texts(classNames.toArray(new String[0])),
          longs(ns.toArray(new Long[0])));
      ps.executeUpdate();
    }
  }

  private static List<ViolationUpdate> upsertViolations(
      Connection c, TreeMap<ViolationKey, Long> forbidden, Map<String, String> names)
      throws SQLException {
    if (forbidden.isEmpty()) {
      return List.of();
    }
    int n = forbidden.size();
    String[][] columns = new String[6][n];
    Long[] counts = new Long[n];
    int i = 0;
    for (Map.Entry<ViolationKey, Long> e : forbidden.entrySet()) {
      ViolationKey k = e.getKey();
      columns[0][i] = k.programId();
      columns[1][i] = k.arch();
      columns[2][i] = k.mode();
      columns[3][i] = k.cpuModel();
      columns[4][i] = k.goVersion();
      columns[5][i] = k.outcome();
      counts[i] = e.getValue();
      i++;
    }
    Map<ViolationKey, Long> totals = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(UPSERT_VIOLATIONS)) {
      bind(
          c, ps, texts(columns[0]), texts(columns[1]), texts(columns[2]), texts(columns[3]),
          texts(columns[4]), texts(columns[5]), longs(counts));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          totals.put(
              new ViolationKey(
                  rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                  rs.getString(5), rs.getString(6)),
              rs.getLong(7));
        }
      }
    }
    List<ViolationUpdate> updates = new ArrayList<>();
    forbidden.forEach((k, added) -> updates.add(new ViolationUpdate(
        names.getOrDefault(k.programId(), k.programId()), k.programId(), k.arch(), k.mode(),
        k.cpuModel(), k.goVersion(), k.outcome(), added, totals.getOrDefault(k, added))));
    return updates;
  }

  /** An array parameter: its SQL element type and values. */
  private record Column(String type, Object[] values) {}

  private static Column texts(String[] values) {
    return new Column("text", values);
  }

  private static Column ints(Integer[] values) {
    return new Column("int4", values);
  }

  private static Column longs(Long[] values) {
    return new Column("int8", values);
  }

  private static void bind(Connection c, PreparedStatement ps, Column... columns) throws SQLException {
    for (int i = 0; i < columns.length; i++) {
      Array array = c.createArrayOf(columns[i].type(), columns[i].values());
      ps.setArray(i + 1, array);
    }
  }
}
