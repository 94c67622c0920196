package org.litmusfarm.oracle;

import java.util.Arrays;

/** Operations on the writes one variable has seen in the weak pass, ordered by happens-before. */
final class Writes {
  private Writes() {}

  /** An executed write is visible unless another write is between it and the reader in hb. */
  static boolean visible(Write w, Write[] ws, int[] readerClock) {
    for (Write other : ws) {
      if (other != w && w.hbBefore(other) && other.hbBefore(readerClock)) {
        return false;
      }
    }
    return true;
  }

  /** {@code ws} with {@code w} added at the end. */
  static Write[] append(Write[] ws, Write w) {
    Write[] out = Arrays.copyOf(ws, ws.length + 1);
    out[ws.length] = w;
    return out;
  }

  /** The values of the writes that no other write happens after: the final read may see any. */
  static long[] finalValues(Write[] ws) {
    return Arrays.stream(ws)
        .filter(w -> Arrays.stream(ws).noneMatch(o -> o != w && w.hbBefore(o)))
        .mapToLong(Write::value)
        .distinct()
        .toArray();
  }
}
