package org.litmusfarm.worker.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.litmusfarm.emit.GoEmitter;
import org.litmusfarm.emit.HarnessParams;
import org.litmusfarm.harness.GoToolchain;
import org.litmusfarm.harness.RunResult;
import org.litmusfarm.harness.Runner;
import org.litmusfarm.model.InvalidProgramException;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.Program;
import org.litmusfarm.schema.convert.Params;
import org.litmusfarm.schema.v1.Job;
import org.litmusfarm.schema.v1.OutcomeBatch;
import org.litmusfarm.schema.v1.OutcomeCount;
import org.litmusfarm.schema.v1.Provenance;
import org.litmusfarm.text.Parser;
import org.litmusfarm.text.Programs;
import org.litmusfarm.worker.job.JobResult.StopReason;
import org.litmusfarm.worker.platform.Platform;
import org.litmusfarm.worker.platform.Toolchains;
import org.litmusfarm.worker.publish.JobPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs leased jobs on one platform: validates the job's {@code .litmus} text (never Go source),
 * builds its harness through the {@link BinaryCache}, runs it batch by batch under a hard time
 * limit, and publishes every batch before running the next. Talks to no coordinator: it returns a
 * {@link JobResult} for the caller to report.
 */
public final class JobRunner {
  /** Time a batch may run past its budget before it is killed as hung, by default. */
  public static final Duration DEFAULT_RUN_SLACK = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

  private final Platform platform;
  private final Toolchains toolchains;
  private final BinaryCache cache;
  private final JobPublisher publisher;
  private final String workerId;
  private final Duration batchInterval;
  private final Duration runSlack;
  private final CoreShare cores;

  /**
   * A runner for {@code workerId}'s jobs; each batch runs for about {@code batchInterval}, holding
   * one core of {@code cores} per goroutine, and is killed {@code runSlack} after its budget.
   */
  public JobRunner(
      Platform platform,
      Toolchains toolchains,
      BinaryCache cache,
      JobPublisher publisher,
      String workerId,
      Duration batchInterval,
      Duration runSlack,
      CoreShare cores) {
    this.platform = Objects.requireNonNull(platform);
    this.toolchains = Objects.requireNonNull(toolchains);
    this.cache = Objects.requireNonNull(cache);
    this.publisher = Objects.requireNonNull(publisher);
    this.workerId = Objects.requireNonNull(workerId);
    this.batchInterval = Objects.requireNonNull(batchInterval);
    this.runSlack = Objects.requireNonNull(runSlack);
    this.cores = Objects.requireNonNull(cores);
  }

  /**
   * Runs {@code job}. {@code stop} is asked before the build and after every batch whether to stop
   * early; {@code iterationsDone} hears the iterations run so far after every batch.
   */
  public JobResult run(Job job, Supplier<Optional<StopReason>> stop, LongConsumer iterationsDone) {
    Prepared prepared;
    try {
      prepared = prepare(job);
    } catch (RuntimeException e) {
      return new JobResult.Failed(reason(e));
    }
    Optional<StopReason> early = stop.get();
    if (early.isPresent()) {
      return new JobResult.Stopped(0, 0, early.get());
    }
    return hammer(job, prepared, stop, iterationsDone);
  }

  private static String reason(RuntimeException e) {
    return e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
  }

  private record Prepared(
      Program program, String programId, HarnessParams params, BatchPlan plan, Path binary) {}

  private Prepared prepare(Job job) {
    Program program;
    try {
      program = Parser.parse("job-" + job.getJobId() + ".litmus", job.getLitmus()).program();
    } catch (InvalidProgramException e) {
      throw new IllegalArgumentException("invalid litmus program:\n" + e.getMessage(), e);
    }
    String textId = Programs.id(program).hex();
    String programId = job.getProgramId().isEmpty() ? textId : job.getProgramId();
    if (!programId.equals(textId)) {
      log.warn("job {}: program id {} differs from the id {} of its text; reporting the job's", job.getJobId(), programId, textId);
    }
    if (!job.getGoarch().isEmpty() && !job.getGoarch().equals(platform.goarch())) {
      throw new IllegalArgumentException(
          "job is for GOARCH " + job.getGoarch() + " but this worker runs " + platform.goarch());
    }
    GoToolchain toolchain = toolchains.select(job.getGoVersion());
    String goVersion = job.getGoVersion().isEmpty() ? toolchains.defaultVersion() : job.getGoVersion();
    HarnessParams params;
    try {
      params = Params.toHarness(program, job.getParams());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid harness parameters: " + e.getMessage(), e);
    }
    BatchPlan plan = BatchPlan.of(params, batchInterval);
    String source = GoEmitter.emit(program, plan.batchParams(params));
    Path binary = cache.binary(toolchain, goVersion, platform.goarch(), platform.target(), programId, source);
    return new Prepared(program, programId, params, plan, binary);
  }

  private JobResult hammer(
      Job job, Prepared p, Supplier<Optional<StopReason>> stop, LongConsumer iterationsDone) {
    Duration limit = p.plan().batchBudget().plus(runSlack);
    String programId = p.programId();
    int batches = 0;
    long iterations = 0;
    Provenance provenance = null;
    int goroutines = p.program().goroutines().size();
    while (true) {
      RunResult r;
      try {
        Optional<CoreShare.Hold> held = cores.forRun(goroutines, () -> stop.get().isPresent());
        if (held.isEmpty()) {
          return new JobResult.Stopped(batches, iterations, stop.get().orElse(StopReason.SHUTDOWN));
        }
        try (CoreShare.Hold h = held.get()) {
          r = Runner.run(p.binary(), platform.target(), limit, line -> {});
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new JobResult.Stopped(batches, iterations, StopReason.SHUTDOWN);
      } catch (RuntimeException e) {
        return new JobResult.Failed(reason(e));
      }
      provenance = provenance(r);
      iterations += r.iterations();
      Optional<StopReason> early = stop.get();
      boolean last = p.plan().done(batches + 1, iterations) || early.isPresent();
      OutcomeBatch batch = batch(job, programId, p.params(), provenance, batches, r, last);
      try {
        publisher.publish(batch);
      } catch (Exception e) {
        return new JobResult.Failed("publishing outcome batch " + batches + " failed: " + e.getMessage());
      }
      batches++;
      iterationsDone.accept(iterations);
      if (early.isPresent()) {
        return new JobResult.Stopped(batches, iterations, early.get());
      }
      if (last) {
        return new JobResult.Completed(batches, iterations, provenance);
      }
    }
  }

  private Provenance provenance(RunResult r) {
    return Provenance.newBuilder()
        .setArch(r.goarch())
        .setMode(platform.mode())
        .setCpuModel(platform.cpuModel())
        .setCores(r.cpus())
        .setGoVersion(r.goVersion())
        .setWorkerId(workerId)
        .build();
  }

  private static OutcomeBatch batch(
      Job job, String programId, HarnessParams params, Provenance provenance, int sequence, RunResult r, boolean last) {
    OutcomeBatch.Builder b =
        OutcomeBatch.newBuilder()
            .setJobId(job.getJobId())
            .setAttempt(job.getAttempt())
            .setSequence(sequence)
            .setProgramId(programId)
            .setProvenance(provenance)
            .setParams(Params.toWire(params))
            .setIterations(r.iterations())
            .setElapsedNs(r.elapsed().toNanos())
            .setLast(last);
    for (Map.Entry<Outcome, Long> e : r.histogram().entrySet()) {
      b.addCounts(OutcomeCount.newBuilder().setOutcome(e.getKey().toString()).setCount(e.getValue()));
    }
    return b.build();
  }
}
