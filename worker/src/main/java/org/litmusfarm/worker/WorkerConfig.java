package org.litmusfarm.worker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a worker is set up. Defaults ({@link #defaults}): no token, the host name as name, the host's
 * architecture run natively, the Go toolchain named by {@code FARM_GO} or found on {@code PATH},
 * binaries cached in {@code ~/.cache/litmus-farm/worker}, 5 s batches, a lease poll every second
 * when there is no work, no labels.
 *
 * @param coordinator the coordinator's gRPC address, {@code host:port}
 * @param token the bearer token sent on every call, if the coordinator wants one
 * @param name a human-readable name for logs and the fleet page
 * @param goarch the GOARCH to serve; another than the host's makes the worker emulated
 * @param emulator the emulator command for an emulated worker (default {@code qemu-<arch>-static})
 * @param goToolchains the {@code go} commands to build with, default first; empty to find one
 * @param cacheDir where built harness binaries are kept
 * @param batchInterval how long each batch of a long run lasts; every batch is published
 * @param idlePoll how long to wait before asking for work again when there was none
 * @param labels free-form labels sent at registration
 */
public record WorkerConfig(
    String coordinator,
    Optional<String> token,
    String name,
    Optional<String> goarch,
    Optional<String> emulator,
    List<Path> goToolchains,
    Path cacheDir,
    Duration batchInterval,
    Duration idlePoll,
    Map<String, String> labels) {
  /** Default length of a batch. */
  public static final Duration DEFAULT_BATCH_INTERVAL = Duration.ofSeconds(5);
  /** Default wait between lease requests while there is no work. */
  public static final Duration DEFAULT_IDLE_POLL = Duration.ofSeconds(1);

  public WorkerConfig {
    Objects.requireNonNull(coordinator, "coordinator");
    if (!coordinator.matches("[^\\s:]+:\\d{1,5}") && !coordinator.matches("\\[[0-9A-Fa-f:.]+]:\\d{1,5}")) {
      throw new IllegalArgumentException("coordinator must be host:port, got '" + coordinator + "'");
    }
    Objects.requireNonNull(token, "token");
    token.ifPresent(
        t -> {
          if (t.isBlank() || t.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("the token must be printable ASCII without spaces");
          }
        });
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("the worker name must not be blank");
    }
    Objects.requireNonNull(goarch, "goarch");
    Objects.requireNonNull(emulator, "emulator");
    goToolchains = List.copyOf(goToolchains);
    Objects.requireNonNull(cacheDir, "cacheDir");
    requirePositive(batchInterval, "batch interval");
    requirePositive(idlePoll, "idle poll");
    labels = Map.copyOf(labels);
  }

  /** The defaults for a worker of the coordinator at {@code coordinator}. */
  public static WorkerConfig defaults(String coordinator) {
    return new WorkerConfig(
        coordinator,
        Optional.empty(),
        hostName(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Path.of(System.getProperty("user.home"), ".cache", "litmus-farm", "worker"),
        DEFAULT_BATCH_INTERVAL,
        DEFAULT_IDLE_POLL,
        Map.of());
  }

  /** A copy sending {@code bearerToken} on every call. */
  public WorkerConfig withToken(String bearerToken) {
    return new WorkerConfig(coordinator, Optional.of(bearerToken), name, goarch, emulator, goToolchains, cacheDir, batchInterval, idlePoll, labels);
  }

  /** A copy named {@code workerName}. */
  public WorkerConfig withName(String workerName) {
    return new WorkerConfig(coordinator, token, workerName, goarch, emulator, goToolchains, cacheDir, batchInterval, idlePoll, labels);
  }

  /** A copy serving {@code arch} under {@code emulatorCommand} (empty for the default emulator). */
  public WorkerConfig withArch(String arch, Optional<String> emulatorCommand) {
    return new WorkerConfig(coordinator, token, name, Optional.of(arch), emulatorCommand, goToolchains, cacheDir, batchInterval, idlePoll, labels);
  }

  /** A copy building with the {@code go} commands {@code goCommands}, default first. */
  public WorkerConfig withGoToolchains(List<Path> goCommands) {
    return new WorkerConfig(coordinator, token, name, goarch, emulator, goCommands, cacheDir, batchInterval, idlePoll, labels);
  }

  /** A copy caching binaries in {@code dir}. */
  public WorkerConfig withCacheDir(Path dir) {
    return new WorkerConfig(coordinator, token, name, goarch, emulator, goToolchains, dir, batchInterval, idlePoll, labels);
  }

  /** A copy with batches of {@code interval} and a lease poll of {@code poll} when idle. */
  public WorkerConfig withTiming(Duration interval, Duration poll) {
    return new WorkerConfig(coordinator, token, name, goarch, emulator, goToolchains, cacheDir, interval, poll, labels);
  }

  /** A copy with {@code workerLabels}. */
  public WorkerConfig withLabels(Map<String, String> workerLabels) {
    return new WorkerConfig(coordinator, token, name, goarch, emulator, goToolchains, cacheDir, batchInterval, idlePoll, workerLabels);
  }

  /** Never shows the token. */
  @Override
  public String toString() {
    return "WorkerConfig[coordinator=" + coordinator + ", token=" + (token.isPresent() ? "(set)" : "(none)")
        + ", name=" + name + ", goarch=" + goarch.orElse("(host)") + ", emulator=" + emulator.orElse("(default)")
        + ", goToolchains=" + goToolchains + ", cacheDir=" + cacheDir + ", batchInterval=" + batchInterval
        + ", idlePoll=" + idlePoll + ", labels=" + labels + "]";
  }

  private static void requirePositive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, got " + d);
    }
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      String env = System.getenv("HOSTNAME");
      return env == null || env.isBlank() ? "worker" : env;
    }
  }
}
