package org.litmusfarm.coordinator.campaign;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.catalog.CatalogEntry;
import org.litmusfarm.coordinator.submit.SubmitOrder;
import org.litmusfarm.coordinator.submit.Submissions;
import org.litmusfarm.schema.v1.HarnessParams;

/**
 * Campaigns: a named spec turned into one submission per catalog program, all tagged with the
 * campaign. A campaign is done when every one of its jobs is done or failed; its state lives in
 * the database, so it survives coordinator restarts.
 */
public final class Campaigns {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DataSource db;
  private final Submissions submissions;
  private final Catalog catalog;

  public Campaigns(DataSource db, Submissions submissions, Catalog catalog) {
    this.db = db;
    this.submissions = submissions;
    this.catalog = catalog;
  }

  /** A campaign's state and progress. */
  public record Progress(String id, String specName, String state, java.time.Instant startedAt, int jobsTotal, int jobsDone, int jobsFailed) {}

  /**
   * Starts the campaign {@code specName} described by {@code specText}.
   *
   * @throws IllegalArgumentException if the spec is invalid or names a program the catalog lacks
   */
  public Progress start(String specName, String specText) {
    if (specName == null || !specName.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw new IllegalArgumentException("campaign name must be 1-64 letters, digits, '.', '_' or '-'");
    }
    CampaignSpec spec = CampaignSpec.parse(specText);
    List<CatalogEntry> entries = new ArrayList<>();
    for (String name : spec.programs()) {
      entries.add(catalog.find(name).orElseThrow(() -> new IllegalArgumentException("no catalog test named '" + name + "'")));
    }
    String id = "c-" + HexFormat.of().formatHex(RANDOM.generateSeed(6));
    execute(
        "INSERT INTO campaigns (id, spec_name, spec_text, state) VALUES (?, ?, ?, 'running')",
        id, specName, spec.toJson());
    HarnessParams params = HarnessParams.newBuilder().setSeconds(spec.seconds()).build();
    for (CatalogEntry e : entries) {
      submissions.submit(
          new SubmitOrder(
              "catalog/" + e.name() + ".litmus", e.text().orElseThrow(), spec.archs(), params,
              spec.allowEmulated(), 3, Optional.of(id)));
    }
    return progress(id).orElseThrow();
  }

  /** The campaign {@code id}, with its state brought up to date. */
  public Optional<Progress> progress(String id) {
    finishIfDone(id);
    List<Progress> found = query("WHERE c.id = ?", id, 1);
    return found.stream().findFirst();
  }

  /** The newest {@code limit} campaigns. */
  public List<Progress> list(int limit) {
    return query("", null, Math.max(1, Math.min(limit, 1000)));
  }

  private void finishIfDone(String id) {
    execute(
        "UPDATE campaigns SET state = 'done', finished_at = now() WHERE id = ? AND state = 'running'"
            + " AND NOT EXISTS (SELECT 1 FROM jobs j JOIN submissions s ON s.id = j.submission_id"
            + " WHERE s.campaign_id = ? AND j.state IN ('queued', 'leased'))",
        id, id);
  }

  private List<Progress> query(String where, String id, int limit) {
    String sql =
        "SELECT c.id, c.spec_name, c.state, c.started_at,"
            + " count(j.id), count(j.id) FILTER (WHERE j.state = 'done'), count(j.id) FILTER (WHERE j.state = 'failed')"
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
          out.add(
              new Progress(
                  rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                  rs.getInt(5), rs.getInt(6), rs.getInt(7)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read campaigns: " + e.getMessage(), e);
    }
  }

  private void execute(String sql, String... args) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot update campaign: " + e.getMessage(), e);
    }
  }
}
