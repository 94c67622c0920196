package org.litmusfarm.oracle;

/** A 128-bit fingerprint of a state, built from two independent 64-bit mixes. */
final class Hasher {
  private long a = 0x9E3779B97F4A7C15L;
  private long b = 0xC2B2AE3D27D4EB4FL;

  Hasher add(long v) {
    a = mix(a ^ v) * 0xFF51AFD7ED558CCDL;
    b = Long.rotateLeft(b + v * 0x9E3779B97F4A7C15L, 31) * 0xC4CEB9FE1A85EC53L;
    return this;
  }

  Hasher add(long[] vs) {
    if (vs == null) {
      return add(-7);
    }
    add(vs.length);
    for (long v : vs) {
      add(v);
    }
    return this;
  }

  Hasher add(int[] vs) {
    if (vs == null) {
      return add(-7);
    }
    add(vs.length);
    for (int v : vs) {
      add(v);
    }
    return this;
  }

  long high() {
    return mix(a ^ (b >>> 7));
  }

  long low() {
    return mix(b + 0x632BE59BD9B4E019L) ^ a;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
