package org.litmusfarm.coordinator.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.coordinator.lease.JobQueue;
import org.litmusfarm.coordinator.lease.Lease;
import org.litmusfarm.coordinator.lease.WorkerProfile;
import org.litmusfarm.coordinator.store.FarmDatabase;
import org.litmusfarm.embedded.Database;
import org.litmusfarm.embedded.EmbeddedPostgres;
import org.litmusfarm.model.InvalidProgramException;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.OutcomeClass;
import org.litmusfarm.model.Program;
import org.litmusfarm.oracle.Decision;
import org.litmusfarm.oracle.Oracle;
import org.litmusfarm.schema.v1.HarnessParams;
import org.litmusfarm.schema.v1.Provenance;
import org.litmusfarm.text.Parser;
import org.litmusfarm.text.Printer;
import org.litmusfarm.text.Programs;

class SubmissionsTest {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final String SB = Catalog.load().find("SB+atomic").orElseThrow().text().orElseThrow();
  private static final HarnessParams PARAMS = HarnessParams.newBuilder().setIterations(5000).setSeed(7).build();
  private static final String BLOCKING =
      """
      litmus Blocks
      doc "P1 waits for a Done that never comes."

      var x
      waitgroup wg 1

      P0 {
        x = 1
      }

      P1 {
        wg.Wait()
        r0 = x
      }

      exists (P1:r0 == 0)
      """;

  private static EmbeddedPostgres server;
  private HikariDataSource pool;
  private JobQueue queue;
  private Submissions submissions;

  @BeforeAll
  static void startServer() {
    server = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void freshDatabase() {
    Database database = server.createDatabase("submit_" + NEXT.incrementAndGet());
    pool = FarmDatabase.open(database.jdbcUrl(), database.user(), database.password(), 4);
    FarmDatabase.migrate(pool);
    queue = new JobQueue(pool);
    submissions = new Submissions(pool, queue, new Oracle());
  }

  @AfterEach
  void closePool() {
    pool.close();
  }

  private static SubmitOrder order(String litmus, List<String> archs) {
    return new SubmitOrder("sb.litmus", litmus, archs, PARAMS, false, 3, Optional.empty());
  }

  @Test
  void aSubmissionStoresTheProgramWithItsOutcomeClassesAndOneQueuedJobPerArchitecture() {
    Submission s = submissions.submit(order(SB, List.of("amd64", "arm64")));

    Program program = Parser.parse("sb.litmus", SB).program();
    Decision decision = new Oracle().decide(program);
    assertEquals(Programs.id(program).hex(), s.programId());
    assertEquals("SB+atomic", s.programName());
    assertEquals(OutcomeClass.FORBIDDEN, s.verdict());
    assertTrue(s.submissionId().matches("s-[0-9a-f]{16}"), s.submissionId());
    assertEquals(2, s.jobIds().size());

    assertEquals(Optional.of(Printer.print(program)), submissions.litmus(s.programId()));
    assertEquals(
        List.of(List.of("SB+atomic", "FORBIDDEN", "false")),
        rows("SELECT name, verdict, racy::text FROM programs WHERE id = ?", s.programId()));
    Map<String, String> expected = new TreeMap<>();
    decision.allowed().forEach((o, c) -> expected.put(o.toString(), c.name()));
    assertEquals(3, expected.size(), "SB with atomics allows the three SC outcomes: " + expected);
    assertEquals(expected, storedOutcomes(s.programId()));
    assertTrue(expected.containsKey("P0:r0=1; P1:r0=1; x=1; y=1"), expected.toString());
    assertFalse(expected.containsKey("P0:r0=0; P1:r0=0; x=1; y=1"), expected.toString());

    assertEquals(
        List.of(List.of(s.jobIds().get(0), "amd64", "queued", "3", "false"),
            List.of(s.jobIds().get(1), "arm64", "queued", "3", "false")),
        rows("SELECT id, goarch, state, max_attempts::text, allow_emulated::text FROM jobs"
            + " WHERE submission_id = ? ORDER BY goarch", s.submissionId()));
  }

  @Test
  void aLeasedJobCarriesTheSubmittedParameters() {
    Submission s = submissions.submit(order(SB, List.of("riscv64")));
    insertWorker("w-rv", "riscv64");

    Lease lease = queue.lease(new WorkerProfile("w-rv", "riscv64", "native", List.of("go1.26.8")), Duration.ofMinutes(1))
        .orElseThrow();

    assertEquals(s.jobIds().get(0), lease.jobId());
    assertEquals(PARAMS, lease.params());
    assertEquals(PARAMS, Submissions.paramsOf(lease.paramsJson()));
    assertEquals(s.programId(), lease.programId());
  }

  @Test
  void theSameProgramSubmittedAgainKeepsItsStoredOutcomes() {
    Submission first = submissions.submit(order(SB, List.of("amd64")));
    String tampered = storedOutcomes(first.programId()).keySet().iterator().next();
    execute("UPDATE program_outcomes SET class = 'WEAK' WHERE program_id = ? AND outcome = ?",
        first.programId(), tampered);

    Submission second = submissions.submit(order(SB, List.of("amd64")));

    assertEquals(first.programId(), second.programId());
    assertFalse(first.submissionId().equals(second.submissionId()));
    assertEquals("WEAK", storedOutcomes(first.programId()).get(tampered));
    assertEquals(1, rows("SELECT id FROM programs").size());
    assertEquals(2, rows("SELECT id FROM submissions").size());
  }

  @Test
  void theSameProgramSubmittedConcurrentlyIsStoredOnce() throws Exception {
    int threads = 3;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Submission> done = Collections.synchronizedList(new ArrayList<>());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return done.add(submissions.submit(order(SB, List.of("amd64"))));
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(threads, done.size());
    assertEquals(1, rows("SELECT id FROM programs").size());
    assertEquals(3, rows("SELECT outcome FROM program_outcomes").size());
    assertEquals(threads, rows("SELECT id FROM jobs").size());
  }

  @Test
  void textThatDoesNotParseIsRefusedAtItsPositionAndNothingIsStored() {
    String broken = SB.replace("atomic.Store(&x, 1)", "atomic.Store(&x, )");

    InvalidProgramException e =
        assertThrows(InvalidProgramException.class, () -> submissions.submit(order(broken, List.of("amd64"))));

    assertTrue(e.getMessage().startsWith("sb.litmus:7:"), e.getMessage());
    assertNothingStored();
  }

  @Test
  void aProgramTheOracleRejectsIsRefusedAtTheStatementConcerned() {
    InvalidProgramException e =
        assertThrows(InvalidProgramException.class,
            () -> submissions.submit(new SubmitOrder("blocks.litmus", BLOCKING, List.of("amd64"), PARAMS, false, 3,
                Optional.empty())));

    assertTrue(e.getMessage().startsWith("blocks.litmus:12:3: "), e.getMessage());
    assertTrue(e.getMessage().contains("block forever"), e.getMessage());
    assertNothingStored();
  }

  @Test
  void badArchitecturesAreRefusedWithTheReasonAndNothingIsStored() {
    assertRefused("1 to 16", order(SB, List.of()));
    assertRefused("must match", order(SB, List.of("AMD64")));
    assertRefused("must match", order(SB, List.of("amd64", "a")));
    assertRefused("given twice", order(SB, List.of("amd64", "arm64", "amd64")));
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 17; i++) {
      many.add("arch" + i);
    }
    assertRefused("1 to 16", order(SB, many));
    assertNothingStored();
  }

  @Test
  void badParametersAreRefusedWithTheReasonAndNothingIsStored() {
    HarnessParams both = HarnessParams.newBuilder().setIterations(10).setSeconds(1).build();
    assertRefused("not both", new SubmitOrder("sb.litmus", SB, List.of("amd64"), both, false, 3, Optional.empty()));
    assertRefused("max attempts",
        new SubmitOrder("sb.litmus", SB, List.of("amd64"), PARAMS, false, 0, Optional.empty()));
    assertNothingStored();
  }

  @Test
  void anUnknownCampaignIsRefusedAndNothingIsStored() {
    assertRefused("unknown campaign",
        new SubmitOrder("sb.litmus", SB, List.of("amd64", "arm64"), PARAMS, true, 3, Optional.of("c-missing")));
    assertNothingStored();
  }

  @Test
  void aSubmissionInACampaignIsStoredWithIt() {
    execute("INSERT INTO campaigns (id, spec_name, spec_text, state) VALUES ('c-1', 'smoke', '', 'running')");

    Submission s = submissions.submit(
        new SubmitOrder("sb.litmus", SB, List.of("amd64"), PARAMS, true, 3, Optional.of("c-1")));

    assertEquals(List.of(List.of("c-1")), rows("SELECT campaign_id FROM submissions WHERE id = ?", s.submissionId()));
  }

  @Test
  void resultsGatherEachJobsCountsProvenanceAndState() {
    Submission s = submissions.submit(order(SB, List.of("arm64", "amd64")));
    String arm = s.jobIds().get(0);
    String amd = s.jobIds().get(1);
    insertWorker("w-a", "arm64");
    insertWorker("w-b", "arm64");
    WorkerProfile a = new WorkerProfile("w-a", "arm64", "native", List.of("go1.26.8"));
    WorkerProfile b = new WorkerProfile("w-b", "arm64", "native", List.of("go1.26.8"));
    Lease first = queue.lease(a, Duration.ofMinutes(1)).orElseThrow();
    queue.fail("w-a", arm, first.attempt(), "worker died");
    Lease second = queue.lease(b, Duration.ofMinutes(1)).orElseThrow();
    batch(arm, 1, 0, 1000, "w-a", "Cortex-A72");
    batch(arm, 2, 0, 3000, "w-b", "Neoverse-N1");
    batch(arm, 2, 1, 500, "w-b", "Neoverse-N1");
    counts(arm, "P0:r0=1; P1:r0=1; x=1; y=1", 4000, "SC");
    counts(arm, "P0:r0=0; P1:r0=0; x=1; y=1", 17, "FORBIDDEN");
    counts(arm, "P0:r0=0; P1:r0=1; x=1; y=1", 483, "SC");

    Results r = submissions.results(s.submissionId()).orElseThrow();

    assertEquals(s.programId(), r.programId());
    assertEquals("SB+atomic", r.programName());
    assertEquals(OutcomeClass.FORBIDDEN, r.verdict());
    assertFalse(r.finished());
    assertEquals(List.of("amd64", "arm64"), r.jobs().stream().map(JobResult::arch).toList());
    JobResult amdResult = r.jobs().get(0);
    assertEquals(new JobResult(amd, "amd64", "queued", 0, Optional.empty(), List.of()), amdResult);
    JobResult armResult = r.jobs().get(1);
    assertEquals("leased", armResult.state());
    assertEquals(4500, armResult.iterations());
    assertEquals(
        Optional.of(Provenance.newBuilder().setArch("arm64").setMode("native").setCpuModel("Neoverse-N1")
            .setCores(8).setGoVersion("go1.26.8").setWorkerId("w-b").build()),
        armResult.provenance());
    assertEquals(
        List.of(new ClassifiedCount("P0:r0=0; P1:r0=0; x=1; y=1", 17, OutcomeClass.FORBIDDEN),
            new ClassifiedCount("P0:r0=0; P1:r0=1; x=1; y=1", 483, OutcomeClass.SC),
            new ClassifiedCount("P0:r0=1; P1:r0=1; x=1; y=1", 4000, OutcomeClass.SC)),
        armResult.counts());

    queue.complete("w-b", arm, second.attempt(), 3500);
    insertWorker("w-x", "amd64");
    WorkerProfile x = new WorkerProfile("w-x", "amd64", "native", List.of("go1.26.8"));
    boolean retried = true;
    while (retried) {
      assertFalse(submissions.results(s.submissionId()).orElseThrow().finished());
      Lease l = queue.lease(x, Duration.ofMinutes(1)).orElseThrow();
      retried = queue.fail("w-x", amd, l.attempt(), "build failed");
    }
    Results end = submissions.results(s.submissionId()).orElseThrow();
    assertTrue(end.finished());
    assertEquals(List.of("failed", "done"), end.jobs().stream().map(JobResult::state).toList());
  }

  @Test
  void aDoneJobReadsAsIngestingUntilItsBatchesAddUpToWhatTheWorkerReportedOrTenMinutesPass() {
    Submission s = submissions.submit(order(SB, List.of("arm64")));
    String job = s.jobIds().get(0);
    insertWorker("w-a", "arm64");
    Lease l = queue.lease(new WorkerProfile("w-a", "arm64", "native", List.of("go1.26.8")), Duration.ofMinutes(1)).orElseThrow();
    batch(job, l.attempt(), 0, 3000, "w-a", "Neoverse-N1");
    queue.complete("w-a", job, l.attempt(), 5000);

    Results inFlight = submissions.results(s.submissionId()).orElseThrow();
    assertEquals("ingesting", inFlight.jobs().get(0).state());
    assertFalse(inFlight.finished(), "a batch is still on its way from Kafka");

    execute("UPDATE jobs SET updated_at = now() - interval '11 minutes' WHERE id = ?", job);
    Results given = submissions.results(s.submissionId()).orElseThrow();
    assertEquals("incomplete", given.jobs().get(0).state(), "a refused batch never arrives: waiting must end");
    assertTrue(given.finished());

    batch(job, l.attempt(), 1, 2000, "w-a", "Neoverse-N1");
    Results in = submissions.results(s.submissionId()).orElseThrow();
    assertEquals("done", in.jobs().get(0).state());
    assertTrue(in.finished());
  }

  @Test
  void aRetriedJobIsIngestedWhenItsLastAttemptsBatchesAreIn() {
    Submission s = submissions.submit(order(SB, List.of("arm64")));
    String job = s.jobIds().get(0);
    insertWorker("w-a", "arm64");
    insertWorker("w-b", "arm64");
    Lease first = queue.lease(new WorkerProfile("w-a", "arm64", "native", List.of("go1.26.8")), Duration.ofMinutes(1)).orElseThrow();
    queue.renew("w-a", job, first.attempt(), 9000, Duration.ofMinutes(1));
    batch(job, first.attempt(), 0, 4000, "w-a", "Cortex-A72");
    queue.fail("w-a", job, first.attempt(), "worker died");
    Lease second = queue.lease(new WorkerProfile("w-b", "arm64", "native", List.of("go1.26.8")), Duration.ofMinutes(1)).orElseThrow();
    batch(job, second.attempt(), 0, 5000, "w-b", "Neoverse-N1");
    queue.complete("w-b", job, second.attempt(), 5000);

    Results r = submissions.results(s.submissionId()).orElseThrow();
    assertEquals("done", r.jobs().get(0).state(), "the first attempt's progress is not the second's");
    assertEquals(9000, r.jobs().get(0).iterations(), "a dead attempt's batches still count");
    assertTrue(r.finished());
  }

  @Test
  void unknownSubmissionsAndProgramsReadAsEmpty() {
    assertEquals(Optional.empty(), submissions.results("s-none"));
    assertEquals(Optional.empty(), submissions.litmus("00".repeat(32)));
  }

  private void assertRefused(String reason, SubmitOrder order) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> submissions.submit(order));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  private void assertNothingStored() {
    for (String table : List.of("programs", "program_outcomes", "submissions", "jobs")) {
      assertEquals(List.of(List.of("0")), rows("SELECT count(*)::text FROM " + table), table);
    }
  }

  private Map<String, String> storedOutcomes(String programId) {
    Map<String, String> stored = new TreeMap<>();
    for (List<String> row : rows("SELECT outcome, class FROM program_outcomes WHERE program_id = ?", programId)) {
      stored.put(row.get(0), row.get(1));
    }
    return stored;
  }

  private void insertWorker(String id, String arch) {
    execute("INSERT INTO workers (id, name, arch, mode, cpu_model, cores, go_versions, farm_version)"
        + " VALUES (?, ?, ?, 'native', 'cpu', 2, ARRAY['go1.26.8'], 'test')", id, id, arch);
  }

  private void batch(String jobId, int attempt, int sequence, long iterations, String workerId, String cpu) {
    execute("INSERT INTO batches (job_id, attempt, sequence, iterations, elapsed_ns, arch, mode, cpu_model, cores,"
        + " go_version, worker_id) VALUES (?, ?, ?, ?, 1000, 'arm64', 'native', ?, 8, 'go1.26.8', ?)",
        jobId, attempt, sequence, iterations, cpu, workerId);
  }

  private void counts(String jobId, String outcome, long count, String outcomeClass) {
    Outcome.parse(outcome);
    execute("INSERT INTO outcome_counts (job_id, outcome, class, count) VALUES (?, ?, ?, ?)",
        jobId, outcome, outcomeClass, count);
  }

  private void execute(String sql, Object... args) {
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

  private List<List<String>> rows(String sql, Object... args) {
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        List<List<String>> rows = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            row.add(rs.getString(i));
          }
          rows.add(row);
        }
        return rows;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
