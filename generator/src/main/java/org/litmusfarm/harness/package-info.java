/**
 * Builds emitted Go harness programs with the Go toolchain and runs them natively or under a
 * user-mode emulator, turning their JSON output into {@link org.litmusfarm.harness.RunResult}s.
 */
package org.litmusfarm.harness;
