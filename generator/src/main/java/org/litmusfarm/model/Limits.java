package org.litmusfarm.model;

/** The size limits of the {@code .litmus} format. */
public final class Limits {
  /** Largest accepted file, in bytes. */
  public static final int MAX_FILE_BYTES = 64 * 1024;
  /** Most goroutines in one program. */
  public static final int MAX_GOROUTINES = 8;
  /** Most statements in one goroutine, counting statements nested in blocks. */
  public static final int MAX_STATEMENTS = 64;
  /** Most shared objects (variables, channels, mutexes, wait groups, onces) together. */
  public static final int MAX_SHARED = 32;
  /** Number of registers per goroutine ({@code r0}..{@code r15}). */
  public static final int REGISTERS = 16;
  /** Deepest nesting of {@code if}/{@code o.Do} blocks. */
  public static final int MAX_BLOCK_DEPTH = 2;
  /** Largest channel capacity. */
  public static final int MAX_CHANNEL_CAPACITY = 64;
  /** Largest initial wait-group counter. */
  public static final int MAX_WAITGROUP_COUNT = 64;

  private Limits() {}
}
