package org.litmusfarm.oracle;

/**
 * One channel's state, never mutated once built: buffered values (with, in the weak pass, each
 * sender's clock and taint), counts of sends and receives, whether it is closed, the clock of the
 * close, and the clocks of the receives (the k-th receive is synchronized before send k+C).
 */
record ChanState(
    long[] vals,
    long[] taints,
    int[][] clocks,
    int sends,
    int recvs,
    boolean closed,
    int[] closeClock,
    int[][] recvClocks) {

  static final ChanState EMPTY =
      new ChanState(new long[0], new long[0], new int[0][], 0, 0, false, null, new int[0][]);

  int size() {
    return vals.length;
  }

  void hash(Hasher h) {
    h.add(vals).add(taints).add(sends).add(recvs).add(closed ? 1 : 0).add(closeClock);
    for (int[] c : clocks) {
      h.add(c);
    }
    for (int[] c : recvClocks) {
      h.add(c);
    }
  }
}
