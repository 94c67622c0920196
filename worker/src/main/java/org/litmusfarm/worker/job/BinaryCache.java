package org.litmusfarm.worker.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.litmusfarm.harness.GoBuild;
import org.litmusfarm.harness.GoTarget;
import org.litmusfarm.harness.GoToolchain;

/**
 * Harness binaries built once and reused. A binary is keyed by program id, {@link #HARNESS_VERSION},
 * a hash of the emitted Go source (which covers the emitter's own version and the harness
 * parameters), the Go version and the GOARCH; a binary of the same key is never built twice.
 *
 * <p>Layout: {@code <cacheDir>/<go version>-<goarch>/} is one Go module (see {@link GoBuild}), with
 * one package directory per key holding {@code main.go}, the binary and a {@code built} marker
 * written only after a successful build.
 */
public final class BinaryCache {
  /** Bump when the way binaries are built changes in a way the emitted source does not show. */
  public static final String HARNESS_VERSION = "h1";

  private static final ConcurrentMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

  private final Path cacheDir;
  private final CoreShare cores;
  private final AtomicLong builds = new AtomicLong();
  private final AtomicLong hits = new AtomicLong();

  /**
   * A cache under {@code cacheDir}, created when first used; a build holds every core of {@code
   * cores} while it runs.
   */
  public BinaryCache(Path cacheDir, CoreShare cores) {
    this.cacheDir = cacheDir.toAbsolutePath();
    this.cores = cores;
  }

  /**
   * The binary of {@code source} for program {@code programId}, built with {@code toolchain}
   * (whose version is {@code goVersion}) for {@code goarch} and {@code target} unless cached.
   *
   * @throws IllegalStateException with the compiler's output when the build fails
   */
  public Path binary(
      GoToolchain toolchain, String goVersion, String goarch, GoTarget target, String programId, String source) {
    Path moduleDir = cacheDir.resolve(safe(goVersion) + "-" + safe(goarch));
    String key = safe(programId.length() > 16 ? programId.substring(0, 16) : programId) + "-" + sha256(HARNESS_VERSION + "\n" + source).substring(0, 24);
    synchronized (LOCKS.computeIfAbsent(moduleDir.resolve(key), k -> new Object())) {
      GoBuild build = new GoBuild(toolchain, moduleDir);
      Path dir = build.packageDir(key);
      Path marker = dir.resolve("built");
      Path binary = dir.resolve("harness-" + target.goarch().orElse("host"));
      if (Files.isRegularFile(marker) && Files.isExecutable(binary)) {
        hits.incrementAndGet();
        return binary;
      }
      builds.incrementAndGet();
      Path built;
      try (CoreShare.Hold all = cores.forBuild()) {
        built = build.build(key, source, target);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the cores to build " + key, e);
      }
      try {
        Path tmp = dir.resolve("built.tmp");
        Files.writeString(tmp, goVersion + " " + goarch + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot mark " + built + " as built", e);
      }
      return built;
    }
  }

  /** How many binaries this cache built (each a {@code go build} run). */
  public long builds() {
    return builds.get();
  }

  /** How many times a cached binary was reused instead of built. */
  public long hits() {
    return hits.get();
  }

  private static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
