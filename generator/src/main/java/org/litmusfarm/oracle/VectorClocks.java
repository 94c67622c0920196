package org.litmusfarm.oracle;

/** Vector clocks of happens-before; {@code null} is the clock of nothing yet. */
final class VectorClocks {
  private VectorClocks() {}

  /** The pointwise maximum of two clocks, either of which may be null. */
  static int[] joined(int[] a, int[] b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    int[] c = a.clone();
    for (int i = 0; i < c.length; i++) {
      c[i] = Math.max(c[i], b[i]);
    }
    return c;
  }
}
