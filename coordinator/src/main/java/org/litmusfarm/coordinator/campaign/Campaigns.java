package org.litmusfarm.coordinator.campaign;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.catalog.CatalogEntry;
import org.litmusfarm.coordinator.lease.DatabaseFailure;
import org.litmusfarm.coordinator.submit.SubmitOrder;
import org.litmusfarm.coordinator.submit.Submissions;

/**
 * Campaigns: a named spec turned into one submission per catalog program and harness set (one job
 * per architecture and toolchain), all tagged with the campaign, plus the campaign's fuzzing
 * budget when it has one (spent by the fuzzer). The spec text is stored whole with the campaign
 * and every state lives in the database, so a campaign survives coordinator restarts. A campaign
 * is done once all its jobs are done or failed and its fuzzer has spent its budget.
 */
public final class Campaigns {
  private static final SecureRandom RANDOM = new SecureRandom();
  /** A campaign whose jobs are still not all created after this long had its start interrupted. */
  static final int STALE_START_MINUTES = 10;

  private final DataSource db;
  private final Submissions submissions;
  private final Catalog catalog;
  private final SpecLibrary specs;

  public Campaigns(DataSource db, Submissions submissions, Catalog catalog, SpecLibrary specs) {
    this.db = db;
    this.submissions = submissions;
    this.catalog = catalog;
    this.specs = specs;
  }

  /** A campaign's state and progress. */
  public record Progress(
      String id,
      String specName,
      String state,
      Instant startedAt,
      int jobsTotal,
      int jobsDone,
      int jobsFailed,
      int specVersion,
      Optional<Instant> finishedAt) {}

  /** The catalog campaigns select from. */
  public Catalog catalog() {
    return catalog;
  }

  /**
   * Reads and checks a spec, resolving its catalog selection.
   *
   * @throws InvalidSpecException naming {@code origin} and the field at fault
   */
  public CampaignSpec parse(String origin, String specText) {
    return CampaignSpec.parse(origin, specText, catalog);
  }

  /**
   * The spec named {@code name} from the spec library.
   *
   * @throws IllegalArgumentException if there is none, or it is invalid, or its name field differs
   */
  public CampaignSpec named(String name) {
    SpecLibrary.Found found = specs.find(name).orElseThrow(() -> new IllegalArgumentException("no campaign spec named '" + name + "'"));
    CampaignSpec spec = parse(found.origin(), found.text());
    if (!spec.name().equals(name)) {
      throw new InvalidSpecException(found.origin(), "name", "is '" + spec.name() + "' but the file is named " + name + ".json");
    }
    return spec;
  }

  /** Starts the spec named {@code name} from the spec library. */
  public Progress startNamed(String name) {
    return start(named(name));
  }

  /**
   * Starts a campaign from {@code specText}, or from the library spec {@code specName} when the
   * text is empty. A given text must name {@code specName} (when that is not empty).
   *
   * @throws IllegalArgumentException if the spec is missing or invalid
   */
  public Progress start(String specName, String specText) {
    if (specText == null || specText.isBlank()) {
      if (specName == null || specName.isBlank()) {
        throw new IllegalArgumentException("give a campaign spec name or the spec text");
      }
      return startNamed(specName);
    }
    CampaignSpec spec = parse(specName == null || specName.isBlank() ? "spec" : specName, specText);
    if (specName != null && !specName.isBlank() && !spec.name().equals(specName)) {
      throw new IllegalArgumentException("the spec text names '" + spec.name() + "', not '" + specName + "'");
    }
    return start(spec);
  }

  /** Starts {@code spec}; its JSON ({@link CampaignSpec#toJson}) is stored with the campaign. */
  public Progress start(CampaignSpec spec) {
    List<CatalogEntry> entries = spec.programs().stream().map(n -> catalog.find(n).orElseThrow()).toList();
    String id = "c-" + HexFormat.of().formatHex(RANDOM.generateSeed(6));
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        update(c, "INSERT INTO campaigns (id, spec_name, spec_text, state, spec_version, jobs_created)"
            + " VALUES (?, ?, ?, 'running', ?, false)", id, spec.name(), spec.toJson(), spec.version());
        if (spec.fuzz().isPresent()) {
          update(c, "INSERT INTO fuzz_state (campaign_id, seed, budget) VALUES (?, ?, ?)", id, spec.seed(), spec.fuzz().get().mutants());
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw DatabaseFailure.of("store campaign " + spec.name(), e);
    }
    try {
      for (int h = 0; h < spec.harness().size(); h++) {
        HarnessSet set = spec.harness().get(h);
        for (CatalogEntry e : entries) {
          submissions.submit(
              new SubmitOrder(
                  "catalog/" + e.name() + ".litmus", e.text().orElseThrow(), spec.archs(),
                  set.toWire(spec.seconds(), spec.iterations(), spec.seed() + h), spec.allowEmulated(), 3,
                  Optional.of(id), spec.toolchains()));
        }
      }
      execute("UPDATE campaigns SET jobs_created = true WHERE id = ?", id);
    } catch (RuntimeException e) {
      execute("UPDATE campaigns SET state = 'failed', finished_at = now() WHERE id = ?", id);
      throw e;
    }
    return progress(id).orElseThrow();
  }

  /** The campaign {@code id}, with its state brought up to date. */
  public Optional<Progress> progress(String id) {
    finishDone();
    List<Progress> found = query("WHERE c.id = ?", id, 1);
    return found.stream().findFirst();
  }

  /** The newest {@code limit} campaigns. */
  public List<Progress> list(int limit) {
    return query("", null, Math.max(1, Math.min(limit, 1000)));
  }

  /** The stored spec text of campaign {@code id}. */
  public Optional<String> specText(String id) {
    return string("SELECT spec_text FROM campaigns WHERE id = ?", id);
  }

  /** The campaign of the same spec started last before {@code id}, if any. */
  public Optional<String> previous(String id) {
    return string(
        "SELECT p.id FROM campaigns c JOIN campaigns p ON p.spec_name = c.spec_name AND p.id <> c.id"
            + " AND (p.started_at, p.id) < (c.started_at, c.id) WHERE c.id = ?"
            + " ORDER BY p.started_at DESC, p.id DESC LIMIT 1",
        id);
  }

  /**
   * Marks done every running campaign whose jobs are all done or failed and whose fuzzer has
   * finished, and failed every campaign whose start was interrupted; returns the ids marked done.
   */
  public List<String> finishDone() {
    List<String> done = new ArrayList<>();
    try (Connection c = db.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE campaigns SET state = 'done', finished_at = now() WHERE state = 'running' AND jobs_created"
              + " AND NOT EXISTS (SELECT 1 FROM submissions s JOIN jobs j ON j.submission_id = s.id"
              + " WHERE s.campaign_id = campaigns.id AND j.state IN ('queued', 'leased'))"
              + " AND NOT EXISTS (SELECT 1 FROM fuzz_state f WHERE f.campaign_id = campaigns.id AND f.finished_at IS NULL)"
              + " RETURNING id")) {
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            done.add(rs.getString(1));
          }
        }
      }
      update(c, "UPDATE campaigns SET state = 'failed', finished_at = now() WHERE state = 'running' AND NOT jobs_created"
          + " AND started_at < now() - make_interval(mins => " + STALE_START_MINUTES + ")");
    } catch (SQLException e) {
      throw DatabaseFailure.of("finish campaigns", e);
    }
    return done;
  }

  private List<Progress> query(String where, String id, int limit) {
    String sql =
        "SELECT c.id, c.spec_name, c.state, c.started_at,"
            + " count(j.id), count(j.id) FILTER (WHERE j.state = 'done'), count(j.id) FILTER (WHERE j.state = 'failed'),"
            + " c.spec_version, c.finished_at"
            + " FROM campaigns c LEFT JOIN submissions s ON s.campaign_id = c.id"
            + " LEFT JOIN jobs j ON j.submission_id = s.id "
            + where
            + " GROUP BY c.id ORDER BY c.started_at DESC, c.id LIMIT ?";
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      if (id != null) {
        ps.setString(i++, id);
      }
      ps.setInt(i, limit);
      List<Progress> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Timestamp finished = rs.getTimestamp(9);
          out.add(
              new Progress(
                  rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                  rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
                  Optional.ofNullable(finished).map(Timestamp::toInstant)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw DatabaseFailure.of("read campaigns", e);
    }
  }

  private Optional<String> string(String sql, String arg) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw DatabaseFailure.of("read campaign " + arg, e);
    }
  }

  private void execute(String sql, Object... args) {
    try (Connection c = db.getConnection()) {
      update(c, sql, args);
    } catch (SQLException e) {
      throw DatabaseFailure.of("update campaign", e);
    }
  }

  private static void update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }
}
