package org.litmusfarm.oracle;

/**
 * One executed write of the weak pass: its value, its event (goroutine {@code g}, event number
 * {@code idx}; g = -1 for the initial value, which happens before everything), the writer's vector
 * clock, whether it was atomic, and the promised reads it depends on ({@code taint}, a bit set).
 */
record Write(long value, int g, int idx, int[] vc, boolean atomic, long taint) {
  static Write initial(long value) {
    return new Write(value, -1, 0, null, false, 0);
  }

  /** Whether this write happens before an event whose vector clock is {@code later}. */
  boolean hbBefore(int[] later) {
    return g < 0 || later[g] >= idx;
  }

  /** Whether this write happens before write {@code other}. */
  boolean hbBefore(Write other) {
    return g < 0 || (other.g >= 0 && other.vc[g] >= idx);
  }

  void hash(Hasher h) {
    h.add(value).add(g).add(idx).add(atomic ? 1 : 0).add(taint).add(vc);
  }
}
