package org.litmusfarm.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.litmusfarm.worker.Worker;
import org.litmusfarm.worker.WorkerConfig;
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
      "SIGTERM finishes the current batch and gives the job back."
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
    if (arch != null && Targets.hostGoarch().equals(arch) && emulator == null) {
      arch = null;
    }
    WorkerConfig config =
        new WorkerConfig(
            coordinator,
            Optional.of(token),
            name != null ? name : hostName(),
            Optional.ofNullable(arch),
            Optional.ofNullable(emulator),
            goToolchains,
            CacheDir.of("worker"),
            Duration.ofSeconds(batchSeconds),
            Duration.ofSeconds(1),
            Map.of());
    try (Worker worker = Worker.connect(config, tls.clientTls())) {
      Runtime.getRuntime().addShutdownHook(new Thread(worker::close));
      spec.commandLine().getErr().println("farm worker: serving " + coordinator);
      spec.commandLine().getErr().flush();
      worker.run();
    }
    return ExitStatus.OK;
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "worker";
    }
  }
}
