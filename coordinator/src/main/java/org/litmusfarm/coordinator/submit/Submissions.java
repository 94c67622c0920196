package org.litmusfarm.coordinator.submit;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.litmusfarm.coordinator.lease.DatabaseFailure;
import org.litmusfarm.coordinator.lease.JobQueue;
import org.litmusfarm.coordinator.lease.NewJob;
import org.litmusfarm.coordinator.lease.ParamsJson;
import org.litmusfarm.model.InvalidProgramException;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.OutcomeClass;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.RejectedProgramException;
import org.litmusfarm.oracle.Decision;
import org.litmusfarm.oracle.Oracle;
import org.litmusfarm.schema.convert.Params;
import org.litmusfarm.schema.v1.HarnessParams;
import org.litmusfarm.text.ParsedProgram;
import org.litmusfarm.text.Parser;
import org.litmusfarm.text.Printer;
import org.litmusfarm.text.Programs;

/**
 * Accepts programs to run and reads their results back. A submission is checked completely
 * (parsed, architectures and parameters checked, decided by the oracle) before anything is
 * stored; then the program (once, with every outcome the oracle allows and its class), the
 * submission and one queued job per architecture and toolchain are stored in one transaction, so a refused or
 * failed submission leaves nothing behind. Thread-safe.
 */
public final class Submissions {
  static final Pattern ARCH = Pattern.compile("[a-z0-9]{2,16}");
  static final int MAX_ARCHS = 16;
  static final int MAX_ATTEMPTS = 100;

  private final DataSource db;
  private final JobQueue queue;
  private final Oracle oracle;
  private final SecureRandom random = new SecureRandom();

  public Submissions(DataSource db, JobQueue queue, Oracle oracle) {
    this.db = Objects.requireNonNull(db);
    this.queue = Objects.requireNonNull(queue);
    this.oracle = Objects.requireNonNull(oracle);
  }

  /**
   * Checks and stores {@code order}.
   *
   * @throws InvalidProgramException if the text does not parse or the oracle rejects the program
   *     (it can block or panic, or is too large to decide), with {@code path:line:col} diagnostics
   * @throws IllegalArgumentException with the reason if an architecture, the parameters, the
   *     attempt bound or the campaign is wrong
   * @throws IllegalStateException if the database fails; nothing is stored then
   */
  public Submission submit(SubmitOrder order) {
    Checked checked = check(order);
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        Submission s = store(c, checked);
        c.commit();
        return s;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failure(checked, e);
    }
  }

  /**
   * Checks {@code order} and stores it inside the caller's transaction on {@code tx}, which the
   * caller commits (or rolls back, leaving nothing). Throws as {@link #submit(SubmitOrder)}.
   */
  public Submission submit(Connection tx, SubmitOrder order) {
    Checked checked = check(order);
    try {
      return store(tx, checked);
    } catch (SQLException e) {
      throw failure(checked, e);
    }
  }

  /** An order that passed every check, with the oracle's decision. */
  private record Checked(SubmitOrder order, Program program, List<String> archs, Decision decision) {}

  private Checked check(SubmitOrder order) {
    ParsedProgram parsed = Parser.parse(order.path(), order.litmus());
    Program program = parsed.program();
    List<String> archs = checkArchs(order.archs());
    if (order.maxAttempts() < 1 || order.maxAttempts() > MAX_ATTEMPTS) {
      throw new IllegalArgumentException("max attempts must be between 1 and " + MAX_ATTEMPTS);
    }
    Params.toHarness(program, order.params());
    Decision decision;
    try {
      decision = oracle.decide(program);
    } catch (RejectedProgramException e) {
      throw new InvalidProgramException(e.problems().stream().map(parsed::locate).toList());
    }
    return new Checked(order, program, archs, decision);
  }

  private Submission store(Connection c, Checked checked) throws SQLException {
    SubmitOrder order = checked.order();
    Program program = checked.program();
    String programId = Programs.id(program).hex();
    String submissionId = "s-" + hex(8);
    String paramsJson = ParamsJson.toJson(order.params());
    List<String> jobIds = new ArrayList<>();
    storeProgram(c, programId, program, checked.decision());
    insertSubmission(c, submissionId, programId, order.campaignId());
    for (String arch : checked.archs()) {
      for (String goVersion : order.goVersions()) {
        String jobId = "j-" + hex(8);
        queue.enqueue(
            c,
            new NewJob(jobId, submissionId, programId, arch, goVersion, paramsJson, order.allowEmulated(), order.requiredMode(),
                order.maxAttempts()));
        jobIds.add(jobId);
      }
    }
    return new Submission(submissionId, programId, program.name(), checked.decision().verdict(), jobIds);
  }

  private static RuntimeException failure(Checked checked, SQLException e) {
    if (DatabaseFailure.isForeignKeyViolation(e) && checked.order().campaignId().isPresent()) {
      return new IllegalArgumentException("unknown campaign " + checked.order().campaignId().get(), e);
    }
    return DatabaseFailure.of("store submission of program " + checked.program().name(), e);
  }

  /** The canonical {@code .litmus} text of a stored program. */
  public Optional<String> litmus(String programId) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT litmus FROM programs WHERE id = ?")) {
      ps.setString(1, programId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw DatabaseFailure.of("read program " + programId, e);
    }
  }

  /** The wire harness parameters stored with a job ({@code jobs.params}). */
  public static HarnessParams paramsOf(String json) {
    return ParamsJson.fromJson(json);
  }

  /** The results of a submission so far, read in one snapshot; empty if there is no such submission. */
  public Optional<Results> results(String submissionId) {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      try {
        Optional<Results> results = new ResultsReader(c, submissionId).read();
        c.commit();
        return results;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw DatabaseFailure.of("read results of submission " + submissionId, e);
    }
  }

  private static List<String> checkArchs(List<String> archs) {
    if (archs.isEmpty() || archs.size() > MAX_ARCHS) {
      throw new IllegalArgumentException("give 1 to " + MAX_ARCHS + " architectures, got " + archs.size());
    }
    Set<String> seen = new HashSet<>();
    for (String arch : archs) {
      if (!ARCH.matcher(arch).matches()) {
        throw new IllegalArgumentException("architecture must match " + ARCH.pattern() + ": " + printable(arch));
      }
      if (!seen.add(arch)) {
        throw new IllegalArgumentException("architecture " + arch + " given twice");
      }
    }
    return archs;
  }

  /** Inserts the program and its allowed outcomes unless it is already stored. */
  private static void storeProgram(Connection c, String programId, Program program, Decision decision)
      throws SQLException {
    String insert =
        "INSERT INTO programs (id, name, litmus, verdict, racy) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (id) DO NOTHING";
    try (PreparedStatement ps = c.prepareStatement(insert)) {
      ps.setString(1, programId);
      ps.setString(2, program.name());
      ps.setString(3, Printer.print(program));
      ps.setString(4, decision.verdict().name());
      ps.setBoolean(5, decision.racy());
      if (ps.executeUpdate() == 0) {
        return;
      }
    }
    Map<Outcome, OutcomeClass> allowed = new LinkedHashMap<>(decision.allowed());
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO program_outcomes (program_id, outcome, class) VALUES (?, ?, ?)")) {
      for (Map.Entry<Outcome, OutcomeClass> e : allowed.entrySet()) {
        ps.setString(1, programId);
        ps.setString(2, e.getKey().toString());
        ps.setString(3, e.getValue().name());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void insertSubmission(Connection c, String id, String programId, Optional<String> campaignId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO submissions (id, program_id, campaign_id) VALUES (?, ?, ?)")) {
      ps.setString(1, id);
      ps.setString(2, programId);
      ps.setString(3, campaignId.orElse(null));
      ps.executeUpdate();
    }
  }

  private String hex(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static String printable(String s) {
    String cut = s.length() > 32 ? s.substring(0, 32) + "..." : s;
    return '"' + cut.replaceAll("\\p{Cntrl}", "?") + '"';
  }
}
