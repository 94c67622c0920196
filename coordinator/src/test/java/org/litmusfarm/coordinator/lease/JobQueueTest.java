package org.litmusfarm.coordinator.lease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.litmusfarm.embedded.EmbeddedPostgres;
import org.litmusfarm.schema.v1.HarnessParams;

class JobQueueTest {
  private static final Duration LONG = Duration.ofMinutes(5);
  private static final Duration SHORT = Duration.ofMillis(150);
  private static final Pattern BUFFERS = Pattern.compile("Buffers: shared hit=(\\d+)(?: read=(\\d+))?");

  private static EmbeddedPostgres server;
  private FarmDb db;
  private JobQueue queue;

  private final WorkerProfile amd64 = new WorkerProfile("w-amd64", "amd64", "native", List.of("go1.26.8"));
  private final WorkerProfile arm64 = new WorkerProfile("w-arm64", "arm64", "native", List.of("go1.26.8"));
  private final WorkerProfile arm64Emulated =
      new WorkerProfile("w-arm64-qemu", "arm64", "emulated:qemu-aarch64-static", List.of("go1.26.8"));

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
    db = FarmDb.create(server, "queue");
    db.worker(amd64.workerId(), "amd64", "native");
    db.worker(arm64.workerId(), "arm64", "native");
    db.worker(arm64Emulated.workerId(), "arm64", "emulated:qemu-aarch64-static");
    queue = new JobQueue(db.pool);
  }

  @AfterEach
  void closeDatabase() {
    db.close();
  }

  private void enqueue(String id, String goarch, boolean allowEmulated, int maxAttempts) {
    queue.enqueue(
        new NewJob(id, FarmDb.SUBMISSION_ID, FarmDb.PROGRAM_ID, goarch, "", "{\"iterations\":\"1000\"}",
            allowEmulated, "", maxAttempts));
  }

  @Test
  void atMostTwoLeasingStatementsRunAtOnceAndTheOthersWaitTheirTurn() throws Exception {
    for (int i = 0; i < 4; i++) {
      enqueue("j-" + i, "amd64", false, 3);
    }
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try (Connection locker = db.pool.getConnection();
        Connection monitor = server.dataSource().getConnection()) {
      String database = firstColumn(locker, "SELECT current_database()");
      locker.setAutoCommit(false);
      locker.createStatement().execute("LOCK TABLE jobs IN ACCESS EXCLUSIVE MODE");
      List<Future<Optional<Lease>>> leases = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        leases.add(callers.submit(() -> queue.lease(amd64, LONG)));
      }
      String blocked = "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database
          + "' AND wait_event_type = 'Lock' AND query LIKE '%next_job%'";
      long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!firstColumn(monitor, blocked).equals(String.valueOf(JobQueue.CONCURRENT_LEASES)) && System.nanoTime() < end) {
        Thread.sleep(20);
      }
      Thread.sleep(300);
      assertEquals(String.valueOf(JobQueue.CONCURRENT_LEASES), firstColumn(monitor, blocked),
          "leasing statements waiting in the database; the pool would have let 3 in");
      locker.rollback();
      Set<String> leased = new HashSet<>();
      for (Future<Optional<Lease>> f : leases) {
        leased.add(f.get(10, TimeUnit.SECONDS).orElseThrow().jobId());
      }
      assertEquals(Set.of("j-0", "j-1", "j-2", "j-3"), leased);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void aJobIsLeasedOnlyToAWorkerOfItsArchitecture() {
    enqueue("j-arm", "arm64", false, 3);

    assertEquals(Optional.empty(), queue.lease(amd64, LONG));
    Lease lease = queue.lease(arm64, LONG).orElseThrow();

    assertEquals("j-arm", lease.jobId());
    assertEquals("arm64", lease.goarch());
    assertEquals(1, lease.attempt());
    assertEquals(FarmDb.PROGRAM_ID, lease.programId());
    assertEquals(HarnessParams.newBuilder().setIterations(1000).build(), lease.params());
    assertEquals(Optional.of("leased"), queue.state("j-arm"));
  }

  @Test
  void anEmulatedWorkerGetsOnlyJobsThatAllowEmulation() {
    enqueue("j-native-only", "arm64", false, 3);
    enqueue("j-emulation-ok", "arm64", true, 3);

    Lease lease = queue.lease(arm64Emulated, LONG).orElseThrow();
    assertEquals("j-emulation-ok", lease.jobId());
    assertEquals(Optional.empty(), queue.lease(arm64Emulated, LONG));
    assertEquals("j-native-only", queue.lease(arm64, LONG).orElseThrow().jobId());
  }

  @Test
  void theOldestJobIsLeasedFirst() {
    enqueue("j-3-newest", "amd64", false, 3);
    db.execute("UPDATE jobs SET created_at = now() - interval '1 minute' WHERE id = 'j-3-newest'");
    enqueue("j-1-oldest", "amd64", false, 3);
    db.execute("UPDATE jobs SET created_at = now() - interval '3 minutes' WHERE id = 'j-1-oldest'");
    enqueue("j-2-middle", "amd64", false, 3);
    db.execute("UPDATE jobs SET created_at = now() - interval '2 minutes' WHERE id = 'j-2-middle'");

    List<String> order = new ArrayList<>();
    for (Optional<Lease> l = queue.lease(amd64, LONG); l.isPresent(); l = queue.lease(amd64, LONG)) {
      order.add(l.get().jobId());
    }
    assertEquals(List.of("j-1-oldest", "j-2-middle", "j-3-newest"), order);
  }

  @Test
  void aJobNeedingAGoVersionGoesOnlyToAWorkerOfferingIt() {
    queue.enqueue(new NewJob("j-go", FarmDb.SUBMISSION_ID, FarmDb.PROGRAM_ID, "amd64", "go1.25.0", "{}", false, "", 3));

    assertEquals(Optional.empty(), queue.lease(amd64, LONG));
    WorkerProfile withOld = new WorkerProfile("w-amd64", "amd64", "native", List.of("go1.26.8", "go1.25.0"));
    assertEquals("j-go", queue.lease(withOld, LONG).orElseThrow().jobId());
  }

  @Test
  void anExpiredLeaseIsRequeuedAndTheNextLeaseIsTheNextAttempt() throws Exception {
    enqueue("j-1", "amd64", false, 3);
    Lease first = queue.lease(amd64, SHORT).orElseThrow();

    assertEquals(0, queue.expireLeases(), "a live lease must not expire");
    Thread.sleep(SHORT.toMillis() + 50);
    assertEquals(1, queue.expireLeases());
    assertEquals(Optional.of("queued"), queue.state("j-1"));
    assertEquals("lease expired", column("last_error", "j-1"));

    Lease second = queue.lease(amd64, LONG).orElseThrow();
    assertEquals(first.attempt() + 1, second.attempt());
    assertThrows(LeaseLostException.class, () -> queue.complete("w-amd64", "j-1", first.attempt(), 10));
  }

  @Test
  void renewExtendsAHeldLeaseAndKeepsTheLargestProgress() {
    enqueue("j-1", "amd64", false, 3);
    Lease lease = queue.lease(amd64, Duration.ofSeconds(10)).orElseThrow();

    Instant renewed = queue.renew("w-amd64", "j-1", lease.attempt(), 500, Duration.ofMinutes(10));
    assertTrue(renewed.isAfter(lease.expiresAt().plusSeconds(500)), renewed + " vs " + lease.expiresAt());
    queue.renew("w-amd64", "j-1", lease.attempt(), 200, Duration.ofMinutes(10));
    assertEquals("500", column("iterations", "j-1"));
  }

  @Test
  void renewByAnyoneButTheHolderOfTheAttemptIsRefused() {
    enqueue("j-1", "amd64", false, 3);
    Lease lease = queue.lease(amd64, LONG).orElseThrow();

    assertThrows(LeaseLostException.class, () -> queue.renew("w-arm64", "j-1", lease.attempt(), 0, LONG));
    assertThrows(LeaseLostException.class, () -> queue.renew("w-amd64", "j-1", lease.attempt() + 1, 0, LONG));
    assertThrows(LeaseLostException.class, () -> queue.renew("w-amd64", "j-none", lease.attempt(), 0, LONG));
    queue.renew("w-amd64", "j-1", lease.attempt(), 0, LONG);
  }

  @Test
  void anExpiredLeaseCannotBeRenewedEvenBeforeItIsRequeued() throws Exception {
    enqueue("j-1", "amd64", false, 3);
    Lease lease = queue.lease(amd64, SHORT).orElseThrow();
    Thread.sleep(SHORT.toMillis() + 50);

    assertThrows(LeaseLostException.class, () -> queue.renew("w-amd64", "j-1", lease.attempt(), 0, LONG));
    assertThrows(LeaseLostException.class, () -> queue.complete("w-amd64", "j-1", lease.attempt(), 0));
    assertEquals(Optional.of("leased"), queue.state("j-1"));
  }

  @Test
  void onlyTheHolderCompletesAJobAndItCountsForThatWorker() {
    enqueue("j-1", "amd64", false, 3);
    Lease lease = queue.lease(amd64, LONG).orElseThrow();

    LeaseLostException refused =
        assertThrows(LeaseLostException.class, () -> queue.complete("w-arm64", "j-1", lease.attempt(), 7));
    assertTrue(refused.getMessage().contains("j-1"), refused.getMessage());
    assertEquals(Optional.of("leased"), queue.state("j-1"));

    queue.complete("w-amd64", "j-1", lease.attempt(), 1234);
    assertEquals(Optional.of("done"), queue.state("j-1"));
    assertEquals("1234", column("iterations", "j-1"));
    assertEquals(1L, jobsDone("w-amd64"));
    assertEquals(0L, jobsDone("w-arm64"));
    assertThrows(LeaseLostException.class, () -> queue.complete("w-amd64", "j-1", lease.attempt(), 1234));
    assertEquals(1L, jobsDone("w-amd64"));
  }

  @Test
  void aCompletionCanLeaseTheWorkersNextJobInTheSameCall() {
    enqueue("j-1", "amd64", false, 3);
    enqueue("j-arm", "arm64", false, 3);
    enqueue("j-2", "amd64", false, 3);
    Lease first = queue.lease(amd64, LONG).orElseThrow();

    Lease next = queue.completeAndLease(amd64, "j-1", first.attempt(), 500, LONG).orElseThrow();

    assertEquals("j-2", next.jobId());
    assertEquals(1, next.attempt());
    assertEquals(FarmDb.LITMUS, next.litmus());
    assertEquals(Optional.of("done"), queue.state("j-1"));
    assertEquals("500", column("iterations", "j-1"));
    assertEquals(Optional.of("leased"), queue.state("j-2"));
    assertEquals("w-amd64", column("worker_id", "j-2"));
    assertEquals(1L, jobsDone("w-amd64"));

    assertEquals(Optional.empty(), queue.completeAndLease(amd64, "j-2", next.attempt(), 500, LONG));
    assertEquals(Optional.of("done"), queue.state("j-2"));
    assertEquals(2L, jobsDone("w-amd64"));
    assertEquals(Optional.of("queued"), queue.state("j-arm"));
  }

  @Test
  void aRefusedCompletionLeasesNothing() {
    enqueue("j-1", "amd64", false, 3);
    enqueue("j-2", "amd64", false, 3);
    Lease first = queue.lease(amd64, LONG).orElseThrow();

    assertThrows(LeaseLostException.class, () -> queue.completeAndLease(amd64, "j-1", first.attempt() + 1, 7, LONG));

    assertEquals(Optional.of("leased"), queue.state("j-1"));
    assertEquals(Optional.of("queued"), queue.state("j-2"));
    assertEquals(0L, jobsDone("w-amd64"));
  }

  @Test
  void anIdleWorkerKindSkipsTheDatabaseUntilThisQueueQueuesAJob() {
    JobQueue hinted = new JobQueue(db.pool, Duration.ofHours(1));
    JobQueue otherCoordinator = new JobQueue(db.pool, Duration.ZERO);
    assertEquals(Optional.empty(), hinted.lease(amd64, LONG));

    otherCoordinator.enqueue(
        new NewJob("j-elsewhere", FarmDb.SUBMISSION_ID, FarmDb.PROGRAM_ID, "amd64", "", "{}", false, "", 3));

    assertEquals(Optional.empty(), hinted.lease(amd64, LONG), "within the hint the empty answer stands");
    assertEquals(Optional.of("queued"), hinted.state("j-elsewhere"));
    hinted.enqueue(new NewJob("j-here", FarmDb.SUBMISSION_ID, FarmDb.PROGRAM_ID, "amd64", "", "{}", false, "", 3));
    assertEquals("j-elsewhere", hinted.lease(amd64, LONG).orElseThrow().jobId());
  }

  @Test
  void aRequeuedJobEndsTheEmptyAnswer() {
    JobQueue hinted = new JobQueue(db.pool, Duration.ofHours(1));
    hinted.enqueue(new NewJob("j-1", FarmDb.SUBMISSION_ID, FarmDb.PROGRAM_ID, "amd64", "", "{}", false, "", 3));
    Lease lease = hinted.lease(amd64, LONG).orElseThrow();
    assertEquals(Optional.empty(), hinted.lease(amd64, LONG));

    assertTrue(hinted.fail("w-amd64", "j-1", lease.attempt(), "flaky"));

    assertEquals("j-1", hinted.lease(amd64, LONG).orElseThrow().jobId());
  }

  @Test
  void onlyTheHolderFailsAJob() {
    enqueue("j-1", "amd64", false, 3);
    Lease lease = queue.lease(amd64, LONG).orElseThrow();

    assertThrows(LeaseLostException.class, () -> queue.fail("w-arm64", "j-1", lease.attempt(), "not mine"));
    assertThrows(LeaseLostException.class, () -> queue.fail("w-amd64", "j-1", lease.attempt() - 1, "stale"));
    assertEquals(Optional.of("leased"), queue.state("j-1"));
    assertEquals(null, column("last_error", "j-1"));
  }

  @Test
  void aFailedJobIsRetriedUntilItsAttemptBoundThenFailsWithTheLastReason() {
    enqueue("j-1", "amd64", false, 2);

    Lease first = queue.lease(amd64, LONG).orElseThrow();
    assertTrue(queue.fail("w-amd64", "j-1", first.attempt(), "build failed: first"));
    assertEquals(Optional.of("queued"), queue.state("j-1"));

    Lease second = queue.lease(amd64, LONG).orElseThrow();
    assertEquals(2, second.attempt());
    assertFalse(queue.fail("w-amd64", "j-1", second.attempt(), "run crashed: second"));
    assertEquals(Optional.of("failed"), queue.state("j-1"));
    assertEquals("run crashed: second", column("last_error", "j-1"));
    assertEquals(Optional.empty(), queue.lease(amd64, LONG));
  }

  @Test
  void aReleasedJobIsRequeuedWithoutUsingUpAnAttemptAndItsNextAttemptHasANewNumber() {
    enqueue("j-1", "amd64", false, 1);

    Lease first = queue.lease(amd64, LONG).orElseThrow();
    assertThrows(LeaseLostException.class, () -> queue.release("w-arm64", "j-1", first.attempt(), "not mine"));
    queue.release("w-amd64", "j-1", first.attempt(), "worker shutting down");
    assertEquals(Optional.of("queued"), queue.state("j-1"));

    Lease second = queue.lease(amd64, LONG).orElseThrow();
    assertEquals(first.attempt() + 1, second.attempt());
    queue.complete("w-amd64", "j-1", second.attempt(), 10);
    assertEquals(Optional.of("done"), queue.state("j-1"));
  }

  @Test
  void anExpiredLeaseOnTheLastAttemptFailsTheJob() throws Exception {
    enqueue("j-1", "amd64", false, 1);
    queue.lease(amd64, SHORT).orElseThrow();
    Thread.sleep(SHORT.toMillis() + 50);

    assertEquals(1, queue.expireLeases());
    assertEquals(Optional.of("failed"), queue.state("j-1"));
    assertEquals(Optional.empty(), queue.lease(amd64, LONG));
  }

  @Test
  void aVeryLongFailureReasonIsCutNotRefused() {
    enqueue("j-1", "amd64", false, 3);
    Lease lease = queue.lease(amd64, LONG).orElseThrow();

    queue.fail("w-amd64", "j-1", lease.attempt(), "x".repeat(100_000));
    assertEquals(JobQueue.MAX_REASON_CHARS, column("last_error", "j-1").length());
  }

  @Test
  void twoThreadsLeasingConcurrentlyNeverGetTheSameJob() throws Exception {
    int jobs = 20;
    for (int i = 0; i < jobs; i++) {
      enqueue(String.format("j-%02d", i), "amd64", false, 3);
    }
    db.worker("w-amd64-b", "amd64", "native");
    WorkerProfile other = new WorkerProfile("w-amd64-b", "amd64", "native", List.of("go1.26.8"));
    CountDownLatch start = new CountDownLatch(1);
    List<String> leased = Collections.synchronizedList(new ArrayList<>());
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (WorkerProfile w : List.of(amd64, other)) {
        Callable<Integer> drain = () -> {
          start.await();
          int n = 0;
          for (Optional<Lease> l = queue.lease(w, LONG); l.isPresent(); l = queue.lease(w, LONG)) {
            leased.add(l.get().jobId());
            n++;
          }
          return n;
        };
        done.add(threads.submit(drain));
      }
      start.countDown();
      int first = done.get(0).get();
      int second = done.get(1).get();
      assertEquals(jobs, first + second);
    } finally {
      threads.shutdownNow();
    }
    Set<String> distinct = new HashSet<>(leased);
    assertEquals(jobs, leased.size(), "every job leased once: " + leased);
    assertEquals(jobs, distinct.size(), "no job leased twice: " + leased);
    assertEquals(jobs, count("SELECT count(*) FROM jobs WHERE state = 'leased' AND attempt = 1"));
  }

  @Test
  void theLeaseWalksTheQueueFromItsHeadWhateverThePlannerWouldRatherDo() {
    db.execute("INSERT INTO jobs (id, submission_id, program_id, goarch, params, allow_emulated, state, created_at)"
        + " SELECT 'j-' || lpad(n::text, 5, '0'), ?, ?, 'amd64', '{}', false, 'queued', now() + n * interval '1 ms'"
        + " FROM generate_series(1, 20000) AS n",
        FarmDb.SUBMISSION_ID, FarmDb.PROGRAM_ID);
    String unpinned =
        "SELECT id FROM jobs WHERE state = 'queued' AND goarch = 'amd64' AND (allow_emulated OR NOT false)"
            + " AND (go_version = '' OR go_version = ANY ('{go1.26.8}')) AND (required_mode = '' OR required_mode = 'native')"
            + " ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED";
    String unpinnedPlan = explainWithoutIndexScans(unpinned);
    assertTrue(unpinnedPlan.contains("Sort"), "a planner that shuns the index sorts the queue:\n" + unpinnedPlan);

    long leaseBuffers = buffers(explainWithoutIndexScans("SELECT next_job('amd64', false, '{go1.26.8}', 'native')"));

    long unpinnedBuffers = buffers(unpinnedPlan);
    assertTrue(unpinnedBuffers > 200, "the sort reads every queued job:\n" + unpinnedPlan);
    assertTrue(leaseBuffers < 40, "next_job reads the head of the index only, not " + leaseBuffers + " buffers;"
        + " the sort read " + unpinnedBuffers);
    assertEquals("j-00001", queue.lease(amd64, LONG).orElseThrow().jobId());
  }

  /**
   * EXPLAIN ANALYZE of {@code sql} in a session where the planner would rather not scan indexes,
   * as it would with statistics that say the queue is nearly empty.
   */
  private String explainWithoutIndexScans(String sql) {
    try (Connection c = db.pool.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement set = c.prepareStatement("SET LOCAL enable_indexscan = off");
          PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) " + sql)) {
        set.execute();
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            plan.append(rs.getString(1)).append('\n');
          }
        }
        return plan.toString();
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Shared buffers the whole statement touched: the first "Buffers:" line is the top node's. */
  private static long buffers(String plan) {
    Matcher m = BUFFERS.matcher(plan);
    assertTrue(m.find(), plan);
    return Long.parseLong(m.group(1)) + (m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
  }

  private static String firstColumn(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void aNonPositiveLeaseTimeIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> queue.lease(amd64, Duration.ZERO));
  }

  @Test
  void enqueueingADuplicateJobFailsWithoutQuotingItsValues() {
    enqueue("j-secret-looking-id", "amd64", false, 3);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> enqueue("j-secret-looking-id", "amd64", false, 3));
    assertTrue(e.getMessage().contains("duplicate key"), e.getMessage());
    assertTrue(e.getMessage().contains("23505"), e.getMessage());
    assertFalse(e.getMessage().contains("(id)=("), e.getMessage());
  }

  private String column(String name, String jobId) {
    try (Connection c = db.pool.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT " + name + "::text FROM jobs WHERE id = ?")) {
      ps.setString(1, jobId);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        return rs.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private long jobsDone(String workerId) {
    return count("SELECT jobs_done FROM workers WHERE id = ?", workerId);
  }

  private long count(String sql, Object... args) {
    try (Connection c = db.pool.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
