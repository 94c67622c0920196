package org.litmusfarm.coordinator.submit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.litmusfarm.schema.v1.HarnessParams;

/**
 * A request to run a program: its {@code .litmus} text ({@code path} names it in diagnostics),
 * the architectures to run it on, the wire harness parameters (zero fields mean the default),
 * whether emulated workers may run it, how many attempts each job gets, the campaign it belongs
 * to, if any, and the Go toolchains to build it with (one job per architecture and toolchain;
 * {@code ""} is each worker's default), and the one execution mode its jobs must run in ({@code
 * ""} for any). {@link Submissions#submit} checks the contents.
 */
public record SubmitOrder(
    String path,
    String litmus,
    List<String> archs,
    HarnessParams params,
    boolean allowEmulated,
    int maxAttempts,
    Optional<String> campaignId,
    List<String> goVersions,
    String requiredMode) {
  public SubmitOrder {
    Objects.requireNonNull(requiredMode, "requiredMode");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(litmus, "litmus");
    archs = List.copyOf(archs);
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(campaignId, "campaignId");
    goVersions = List.copyOf(goVersions);
    if (goVersions.isEmpty()) {
      throw new IllegalArgumentException("give at least one toolchain (\"\" for the default)");
    }
  }

  /** An order built with each worker's default toolchain. */
  public SubmitOrder(
      String path, String litmus, List<String> archs, HarnessParams params, boolean allowEmulated, int maxAttempts,
      Optional<String> campaignId) {
    this(path, litmus, archs, params, allowEmulated, maxAttempts, campaignId, List.of(""), "");
  }

  /** An order built with the given toolchains, for workers in any mode. */
  public SubmitOrder(
      String path, String litmus, List<String> archs, HarnessParams params, boolean allowEmulated, int maxAttempts,
      Optional<String> campaignId, List<String> goVersions) {
    this(path, litmus, archs, params, allowEmulated, maxAttempts, campaignId, goVersions, "");
  }
}
