package org.litmusfarm.coordinator.campaign;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.coordinator.ingest.WorkerResults;
import org.litmusfarm.coordinator.lease.JobQueue;
import org.litmusfarm.coordinator.lease.Lease;
import org.litmusfarm.coordinator.report.CampaignReport;
import org.litmusfarm.coordinator.store.FarmDatabase;
import org.litmusfarm.coordinator.submit.Submissions;
import org.litmusfarm.embedded.Database;
import org.litmusfarm.embedded.EmbeddedPostgres;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.OutcomeClass;
import org.litmusfarm.oracle.Oracle;
import org.litmusfarm.text.Parser;

/**
 * For tests: a fresh migrated farm database on a shared embedded PostgreSQL, with campaigns over
 * the real catalog and specs in a directory, and {@link WorkerResults} to play workers. {@link
 * #restarted()} opens a second coordinator's view of the same database.
 */
public final class CampaignFarm implements AutoCloseable {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final Catalog CATALOG = Catalog.load();
  private static EmbeddedPostgres server;

  public final HikariDataSource pool;
  public final Submissions submissions;
  public final Campaigns campaigns;
  public final CampaignReport report;
  public final WorkerResults workers;
  private final Database database;
  private final Path specs;

  private CampaignFarm(Database database, Path specs) {
    this.database = database;
    this.specs = specs;
    this.pool = FarmDatabase.open(database.jdbcUrl(), database.user(), database.password(), 4);
    this.submissions = new Submissions(pool, new JobQueue(pool), new Oracle());
    this.campaigns = new Campaigns(pool, submissions, CATALOG, new SpecLibrary(Optional.of(specs)));
    this.report = new CampaignReport(pool);
    this.workers = new WorkerResults(pool);
  }

  /**
   * A new database, migrated, with specs looked up in {@code specs}, on the embedded PostgreSQL
   * these tests share (started on first use, stopped when the test JVM exits).
   */
  public static CampaignFarm create(Path specs) {
    Database database = server().createDatabase("campaign_" + NEXT.incrementAndGet());
    CampaignFarm farm = new CampaignFarm(database, specs);
    FarmDatabase.migrate(farm.pool);
    return farm;
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      EmbeddedPostgres started = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(started::close));
      server = started;
    }
    return server;
  }

  /** Another coordinator's view of the same database, with its own pool. */
  public CampaignFarm restarted() {
    return new CampaignFarm(database, specs);
  }

  /** Writes {@code spec} as {@code NAME.json} into the spec directory. */
  public void writeSpec(String name, String spec) {
    try {
      Files.writeString(specs.resolve(name + ".json"), spec);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every outcome the oracle allows for the program, each seen {@code count} times. */
  public static Map<String, Long> allowed(String litmus, long count) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Map.Entry<Outcome, OutcomeClass> e : new Oracle().decide(Parser.parse("p.litmus", litmus).program()).allowed().entrySet()) {
      out.put(e.getKey().toString(), count);
    }
    return out;
  }

  /** Only the SC outcomes the oracle allows for the program. */
  public static Map<String, Long> scOnly(String litmus) {
    Map<String, Long> out = new LinkedHashMap<>();
    new Oracle().decide(Parser.parse("p.litmus", litmus).program()).allowed().forEach((o, c) -> {
      if (c == OutcomeClass.SC) {
        out.put(o.toString(), 10L);
      }
    });
    return out;
  }

  /** The name of the program a lease is for. */
  public String programName(Lease lease) {
    return strings("SELECT name FROM programs WHERE id = ?", lease.programId()).get(0);
  }

  /** The first column of every row of {@code sql}. */
  public List<String> strings(String sql, Object... args) {
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      List<String> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs one update statement. */
  public void execute(String sql, Object... args) {
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
