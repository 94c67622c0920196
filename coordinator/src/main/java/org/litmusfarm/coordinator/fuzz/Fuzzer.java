package org.litmusfarm.coordinator.fuzz;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.litmusfarm.catalog.CatalogEntry;
import org.litmusfarm.coordinator.campaign.CampaignSpec;
import org.litmusfarm.coordinator.campaign.Campaigns;
import org.litmusfarm.coordinator.campaign.FuzzBudget;
import org.litmusfarm.coordinator.lease.DatabaseFailure;
import org.litmusfarm.coordinator.submit.Submission;
import org.litmusfarm.coordinator.submit.SubmitOrder;
import org.litmusfarm.coordinator.submit.Submissions;
import org.litmusfarm.model.InvalidProgramException;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.RejectedProgramException;
import org.litmusfarm.mutate.MutateOptions;
import org.litmusfarm.mutate.Mutant;
import org.litmusfarm.mutate.Mutator;
import org.litmusfarm.oracle.Budget;
import org.litmusfarm.oracle.Oracle;
import org.litmusfarm.text.Parser;
import org.litmusfarm.text.Printer;
import org.litmusfarm.text.Programs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spends the fuzzing budgets of running campaigns, one step at a time (the coordinator steps it
 * every few seconds). A step of a campaign, in one transaction under a lock on its {@code
 * fuzz_state} row (other coordinators skip it meanwhile): seed the corpus from the campaign's
 * catalog programs once; record the WEAK signatures catalog jobs showed, giving their seeds energy;
 * once every catalog job has finished and been ingested (so energy reflects where the hardware
 * behaves weakly), evaluate every mutant whose jobs all finished and whose batches are all
 * ingested (see {@link Energy}), and schedule new mutants while the budget and the parallelism
 * allow; mark the fuzzer finished once the budget is spent and every mutant evaluated.
 */
public final class Fuzzer {
  private static final Logger LOG = LoggerFactory.getLogger(Fuzzer.class);
  /** Mutants whose interleavings the oracle cannot all explore within this many states are dropped. */
  static final long ACCEPT_BUDGET = 200_000;
  /** Failed draws (no valid mutant, a duplicate, refused) per step, at most. */
  static final int MAX_MISSES_PER_STEP = 20;
  /** Failed draws over a campaign before the fuzzer gives up on the rest of its budget. */
  static final int MAX_MISSES = 500;

  private static final String LOCK =
      "SELECT f.seed, f.budget, f.scheduled, f.draws, f.refused, c.spec_text FROM fuzz_state f"
          + " JOIN campaigns c ON c.id = f.campaign_id"
          + " WHERE f.campaign_id = ? AND f.finished_at IS NULL AND c.state = 'running' AND c.jobs_created"
          + " FOR UPDATE OF f SKIP LOCKED";
  private static final String CATALOG_SIGNATURES =
      "WITH cj AS (SELECT j.id, j.program_id FROM jobs j JOIN submissions s ON s.id = j.submission_id"
          + "  WHERE s.campaign_id = ? AND NOT EXISTS (SELECT 1 FROM fuzz_mutants m WHERE m.submission_id = s.id)),"
          + " jm AS (SELECT DISTINCT ON (b.job_id) b.job_id, b.arch, b.mode, cj.program_id FROM batches b"
          + "  JOIN cj ON cj.id = b.job_id ORDER BY b.job_id, b.attempt DESC, b.sequence DESC)"
          + " INSERT INTO fuzz_signatures (campaign_id, shape, arch, mode, outcome, program_id, source)"
          + " SELECT DISTINCT ON (fc.shape, jm.arch, jm.mode, oc.outcome) fc.campaign_id, fc.shape, jm.arch, jm.mode,"
          + " oc.outcome, jm.program_id, 'catalog'"
          + " FROM jm JOIN outcome_counts oc ON oc.job_id = jm.job_id"
          + " JOIN fuzz_corpus fc ON fc.campaign_id = ? AND fc.program_id = jm.program_id AND fc.origin = 'seed'"
          + " WHERE oc.class = 'WEAK' ORDER BY fc.shape, jm.arch, jm.mode, oc.outcome, oc.first_seen, jm.program_id"
          + " ON CONFLICT DO NOTHING RETURNING program_id";
  private static final String CATALOG_UNFINISHED =
      "SELECT count(*) FROM jobs j JOIN submissions s ON s.id = j.submission_id WHERE s.campaign_id = ?"
          + " AND NOT EXISTS (SELECT 1 FROM fuzz_mutants m WHERE m.submission_id = s.id)"
          + " AND (j.state IN ('queued', 'leased') OR (j.state = 'done' AND j.iterations > coalesce("
          + "  (SELECT sum(b.iterations) FROM batches b WHERE b.job_id = j.id AND b.attempt = j.attempt), 0)))";
  private static final String FINISHED_MUTANTS =
      "SELECT m.seq, m.submission_id, m.program_id, m.parent_id, m.shape FROM fuzz_mutants m"
          + " WHERE m.campaign_id = ? AND m.state = 'running' AND NOT EXISTS (SELECT 1 FROM jobs j"
          + "  WHERE j.submission_id = m.submission_id AND (j.state IN ('queued', 'leased') OR (j.state = 'done'"
          + "  AND j.iterations > coalesce((SELECT sum(b.iterations) FROM batches b"
          + "  WHERE b.job_id = j.id AND b.attempt = j.attempt), 0))))"
          + " ORDER BY m.seq";
  private static final String MUTANT_SIGNATURES =
      "WITH jm AS (SELECT DISTINCT ON (b.job_id) b.job_id, b.arch, b.mode FROM batches b"
          + "  JOIN jobs j ON j.id = b.job_id WHERE j.submission_id = ?"
          + "  ORDER BY b.job_id, b.attempt DESC, b.sequence DESC)"
          + " INSERT INTO fuzz_signatures (campaign_id, shape, arch, mode, outcome, program_id, source)"
          + " SELECT DISTINCT ?, ?, jm.arch, jm.mode, oc.outcome, ?, 'fuzz'"
          + " FROM jm JOIN outcome_counts oc ON oc.job_id = jm.job_id WHERE oc.class = 'WEAK'"
          + " ON CONFLICT DO NOTHING RETURNING arch";
  private static final String MUTANT_VIOLATIONS =
      "SELECT count(DISTINCT (j.goarch, oc.outcome)) FROM outcome_counts oc JOIN jobs j ON j.id = oc.job_id"
          + " WHERE j.submission_id = ? AND oc.class = 'FORBIDDEN'";

  private final DataSource db;
  private final Submissions submissions;
  private final Campaigns campaigns;
  private final Oracle acceptOracle = new Oracle(Budget.states(ACCEPT_BUDGET));

  public Fuzzer(DataSource db, Submissions submissions, Campaigns campaigns) {
    this.db = db;
    this.submissions = submissions;
    this.campaigns = campaigns;
  }

  /** Steps every running campaign whose fuzzer has not finished. */
  public void stepAll() {
    List<String> ids = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT f.campaign_id FROM fuzz_state f JOIN campaigns c ON c.id = f.campaign_id"
                + " WHERE f.finished_at IS NULL AND c.state = 'running' AND c.jobs_created ORDER BY c.started_at");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw DatabaseFailure.of("list fuzzing campaigns", e);
    }
    ids.forEach(this::step);
  }

  /** One step of campaign {@code campaignId}; nothing if another coordinator is stepping it. */
  public void step(String campaignId) {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        step(c, campaignId);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw DatabaseFailure.of("fuzz campaign " + campaignId, e);
    }
  }

  /** The locked state of one campaign's fuzzer. */
  private record State(long seed, int budget, int scheduled, int draws, int refused, CampaignSpec spec) {}

  private void step(Connection c, String campaignId) throws SQLException {
    Optional<State> locked = lock(c, campaignId);
    if (locked.isEmpty()) {
      return;
    }
    State s = locked.get();
    Corpus corpus = new Corpus(c, campaignId);
    if (corpus.isEmpty() && s.scheduled() == 0) {
      seed(c, campaignId, s.spec(), corpus);
    }
    recordCatalogSignatures(c, campaignId, corpus);
    if (catalogUnfinished(c, campaignId)) {
      return;
    }
    int running = evaluate(c, campaignId, corpus);
    FuzzBudget budget = s.spec().fuzz().orElseThrow();
    int scheduled = s.scheduled();
    int draws = s.draws();
    int refused = s.refused();
    int misses = 0;
    while (scheduled < s.budget() && running < budget.parallel() && misses < MAX_MISSES_PER_STEP
        && refused < MAX_MISSES && !corpus.isEmpty()) {
      RandomGenerator rng = ParentDraw.random(s.seed(), draws);
      draws++;
      Corpus.Entry parent = corpus.entries().get(ParentDraw.pick(corpus.energies(), rng));
      Optional<Program> mutant = mutate(parent, rng);
      String programId = mutant.map(m -> Programs.id(m).hex()).orElse("");
      if (mutant.isEmpty() || corpus.contains(programId) || scheduledBefore(c, campaignId, programId)) {
        misses++;
        refused++;
        continue;
      }
      Optional<Submission> submitted = submit(c, campaignId, s.spec(), mutant.get(), scheduled);
      if (submitted.isEmpty()) {
        misses++;
        refused++;
        continue;
      }
      update(c, "INSERT INTO fuzz_mutants (campaign_id, seq, program_id, parent_id, shape, submission_id, state)"
          + " VALUES (?, ?, ?, ?, ?, ?, 'running')",
          campaignId, scheduled, submitted.get().programId(), parent.programId(), parent.shape(), submitted.get().submissionId());
      corpus.picked(parent);
      scheduled++;
      running++;
    }
    boolean spent = scheduled >= s.budget() || refused >= MAX_MISSES || corpus.isEmpty();
    update(c, "UPDATE fuzz_state SET scheduled = ?, draws = ?, refused = ?"
        + (spent && running == 0 ? ", finished_at = now()" : "") + " WHERE campaign_id = ?",
        scheduled, draws, refused, campaignId);
    if (refused >= MAX_MISSES && s.refused() < MAX_MISSES) {
      LOG.warn("campaign {}: the mutator found no new valid mutant in {} draws; the fuzzer stops at {} of {} mutants",
          campaignId, MAX_MISSES, scheduled, s.budget());
    }
  }

  private Optional<State> lock(Connection c, String campaignId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(LOCK)) {
      ps.setString(1, campaignId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        CampaignSpec spec = campaigns.parse("campaign " + campaignId, rs.getString(6));
        return Optional.of(new State(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), spec));
      }
    }
  }

  /** Records the signatures catalog jobs showed first; each gives the seed that showed it energy. */
  private static void recordCatalogSignatures(Connection c, String campaignId, Corpus corpus) throws SQLException {
    Map<String, Integer> fresh = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(CATALOG_SIGNATURES)) {
      ps.setString(1, campaignId);
      ps.setString(2, campaignId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          fresh.merge(rs.getString(1), 1, Integer::sum);
        }
      }
    }
    for (Map.Entry<String, Integer> e : fresh.entrySet()) {
      corpus.setEnergy(e.getKey(), Energy.seedAfterCatalog(corpus.energy(e.getKey()), e.getValue()));
    }
  }

  private static boolean catalogUnfinished(Connection c, String campaignId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(CATALOG_UNFINISHED)) {
      ps.setString(1, campaignId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1) > 0;
      }
    }
  }

  /** The corpus starts as the campaign's catalog programs, in spec order. */
  private void seed(Connection c, String campaignId, CampaignSpec spec, Corpus corpus) throws SQLException {
    for (String name : spec.programs()) {
      CatalogEntry e = campaigns.catalog().find(name).orElseThrow();
      Program p = Parser.parse("catalog/" + name + ".litmus", e.text().orElseThrow()).program();
      corpus.add(Programs.id(p).hex(), e.shape(), "seed", Energy.SEED);
    }
  }

  /** Evaluates every finished mutant; returns how many are still running. */
  private int evaluate(Connection c, String campaignId, Corpus corpus) throws SQLException {
    record Finished(int seq, String submissionId, String programId, String parentId, String shape) {}
    List<Finished> finished = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(FINISHED_MUTANTS)) {
      ps.setString(1, campaignId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          finished.add(new Finished(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
        }
      }
    }
    for (Finished m : finished) {
      int fresh = 0;
      try (PreparedStatement ps = c.prepareStatement(MUTANT_SIGNATURES)) {
        ps.setString(1, m.submissionId());
        ps.setString(2, campaignId);
        ps.setString(3, m.shape());
        ps.setString(4, m.programId());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            fresh++;
          }
        }
      }
      int violations;
      try (PreparedStatement ps = c.prepareStatement(MUTANT_VIOLATIONS)) {
        ps.setString(1, m.submissionId());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          violations = rs.getInt(1);
        }
      }
      if (Energy.joins(fresh, violations)) {
        corpus.add(m.programId(), m.shape(), "mutant", Energy.joined(fresh, violations));
      }
      corpus.setEnergy(m.parentId(), Energy.parentAfter(corpus.energy(m.parentId()), fresh, violations));
      update(c, "UPDATE fuzz_mutants SET state = 'evaluated', new_signatures = ?, violations = ?, evaluated_at = now()"
          + " WHERE campaign_id = ? AND seq = ?", fresh, violations, campaignId, m.seq());
    }
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT count(*) FROM fuzz_mutants WHERE campaign_id = ? AND state = 'running'")) {
      ps.setString(1, campaignId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private Optional<Program> mutate(Corpus.Entry parent, RandomGenerator rng) {
    Program program = Parser.parse("corpus.litmus", parent.litmus()).program();
    Mutator mutator = new Mutator(MutateOptions.DEFAULTS, rng, p -> {
      try {
        acceptOracle.checkCompletes(p);
        return true;
      } catch (RejectedProgramException e) {
        return false;
      }
    });
    return mutator.mutate(program).map(Mutant::program);
  }

  private static boolean scheduledBefore(Connection c, String campaignId, String programId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM fuzz_mutants WHERE campaign_id = ? AND program_id = ?")) {
      ps.setString(1, campaignId);
      ps.setString(2, programId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Submits mutant {@code seq} inside the step's transaction; empty if the oracle refuses it (the
   * refusal comes before anything is written).
   */
  private Optional<Submission> submit(Connection c, String campaignId, CampaignSpec spec, Program mutant, int seq)
      throws SQLException {
    FuzzBudget budget = spec.fuzz().orElseThrow();
    SubmitOrder order =
        new SubmitOrder(
            "mutant.litmus", Printer.print(mutant), spec.archs(),
            spec.harness().get(0).toWire(budget.seconds(), 0, spec.seed() + seq), spec.allowEmulated(), 3,
            Optional.of(campaignId), List.of(spec.toolchains().get(0)));
    try {
      return Optional.of(submissions.submit(c, order));
    } catch (InvalidProgramException e) {
      return Optional.empty();
    }
  }

  static void update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }
}
