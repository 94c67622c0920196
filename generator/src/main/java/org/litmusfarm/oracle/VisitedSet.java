package org.litmusfarm.oracle;

/**
 * The set of visited states, as 128-bit fingerprints in an open-addressing table of longs: 16
 * bytes a state at most twice over, so a million states take at most 32 MiB.
 */
final class VisitedSet {
  private long[] table = new long[2 * 1024];
  private int size;

  /** Adds a fingerprint; returns false if it was already present. */
  boolean add(long high, long low) {
    if (high == 0 && low == 0) {
      low = 1;
    }
    if ((size + 1) * 2 > table.length / 2) {
      grow();
    }
    int slots = table.length / 2;
    int i = (int) (high ^ (high >>> 32)) & (slots - 1);
    while (true) {
      long h = table[2 * i];
      long l = table[2 * i + 1];
      if (h == 0 && l == 0) {
        table[2 * i] = high;
        table[2 * i + 1] = low;
        size++;
        return true;
      }
      if (h == high && l == low) {
        return false;
      }
      i = (i + 1) & (slots - 1);
    }
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    size = 0;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != 0 || old[i + 1] != 0) {
        add(old[i], old[i + 1]);
      }
    }
  }
}
