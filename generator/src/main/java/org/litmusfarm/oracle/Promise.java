package org.litmusfarm.oracle;

/**
 * A weak read that returned {@code value} of variable {@code var} from a write not yet executed:
 * a later write of that value that the read (event {@code g}, {@code idx}) does not happen before
 * must fulfil it, or the execution is discarded. An atomic read may only be fulfilled by a plain
 * write ({@code plainOnly}): it sees atomic writes through the total order instead.
 */
record Promise(int id, int var, long value, int g, int idx, boolean plainOnly) {
  void hash(Hasher h) {
    h.add(id).add(var).add(value).add(g).add(idx).add(plainOnly ? 1 : 0);
  }
}
