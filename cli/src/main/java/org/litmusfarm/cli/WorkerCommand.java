package org.litmusfarm.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.litmusfarm.worker.Worker;
import org.litmusfarm.worker.WorkerConfig;
import org.litmusfarm.worker.job.CoreShare;
import org.litmusfarm.worker.platform.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code farm worker}: registers with a coordinator and serves jobs until stopped. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
      "Serve jobs for a coordinator: build with Go, hammer, publish outcome counts.",
      "Detects this machine's architecture; with --arch for another one it cross-builds and runs",
      "under an emulator (qemu-ARCH-static by default) and marks its results emulated.",
      "With --jobs N it runs up to N jobs at once as N registered workers sharing this machine's cores:",
      "a batch starts only when it has one core per goroutine, a build when it has them all.",
      "SIGTERM finishes the current batches and gives the jobs back."
    })
final class WorkerCommand implements Callable<Integer> {
  @Option(names = "--coordinator", paramLabel = "HOST:PORT", required = true, description = "the coordinator")
  String coordinator;

  @Option(names = "--arch", paramLabel = "GOARCH", description = "serve this architecture (emulated when it is not this machine's)")
  String arch;

  @Option(names = "--emulator", paramLabel = "CMD", description = "emulator command for --arch (default qemu-ARCH-static)")
  String emulator;

  @Option(names = "--go", paramLabel = "PATH", description = "a go command to offer (repeatable; default $FARM_GO or go on the PATH)")
  List<Path> goToolchains = List.of();

  @Option(names = "--name", paramLabel = "NAME", description = "worker name (default: host name)")
  String name;

  @Option(names = "--batch-seconds", paramLabel = "S", defaultValue = "5", description = "publish outcome counts every S seconds of a long run (default ${DEFAULT-VALUE})")
  int batchSeconds;

  @Option(names = "--jobs", paramLabel = "N", defaultValue = "1", description = "run up to N jobs at once, at most one per core (default ${DEFAULT-VALUE})")
  int jobs;

  @Mixin TlsOptions tls;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String token = System.getenv("FARM_TOKEN");
    if (token == null || token.isBlank()) {
      throw new UserInputException("set FARM_TOKEN to the farm token");
    }
    if (emulator != null && arch == null) {
      throw new UserInputException("--emulator needs --arch");
    }
    if (batchSeconds < 1) {
      throw new UserInputException("--batch-seconds must be at least 1");
    }
    CoreShare cores = CoreShare.ofThisMachine();
    if (jobs < 1 || jobs > cores.cores()) {
      throw new UserInputException("--jobs must be between 1 and this machine's " + cores.cores() + " cores");
    }
    if (arch != null && Targets.hostGoarch().equals(arch) && emulator == null) {
      arch = null;
    }
    String baseName = name != null ? name : hostName();
    List<Worker> workers = new ArrayList<>();
    try {
      for (int i = 1; i <= jobs; i++) {
        WorkerConfig config =
            new WorkerConfig(
                coordinator,
                Optional.of(token),
                jobs == 1 ? baseName : baseName + "-" + i,
                Optional.ofNullable(arch),
                Optional.ofNullable(emulator),
                goToolchains,
                CacheDir.of("worker"),
                Duration.ofSeconds(batchSeconds),
                Duration.ofSeconds(1),
                Map.of());
        workers.add(Worker.connect(config, tls.clientTls(), cores));
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> workers.parallelStream().forEach(Worker::close)));
      Platform p = workers.get(0).platform();
      spec.commandLine().getErr().println("farm worker: serving " + coordinator + " as " + p.goarch() + " " + p.mode()
          + (p.hardwareEvidence() ? "" : " (results are not hardware evidence)") + " on " + p.cpuModel()
          + (jobs == 1 ? "" : ", " + jobs + " workers sharing " + cores.cores() + " cores"));
      spec.commandLine().getErr().flush();
      runAll(workers);
    } finally {
      workers.forEach(Worker::close);
    }
    return ExitStatus.OK;
  }

  /**
   * Runs every worker on a thread of its own until all stop, or throws the first failure (the
   * caller then closes every worker).
   */
  private static void runAll(List<Worker> workers) {
    ExecutorService threads = Executors.newFixedThreadPool(workers.size(), r -> new Thread(r, "farm-worker"));
    try {
      CompletionService<Void> running = new ExecutorCompletionService<>(threads);
      workers.forEach(w -> running.submit(w::run, null));
      for (int i = 0; i < workers.size(); i++) {
        try {
          running.take().get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      threads.shutdown();
    }
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "worker";
    }
  }
}
