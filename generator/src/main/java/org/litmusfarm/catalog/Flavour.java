package org.litmusfarm.catalog;

/** How a variant makes one abstract access of a shape concrete. */
enum Flavour {
  /** {@code x = v} / {@code r = x}. */
  PLAIN,
  /** {@code atomic.Store} / {@code atomic.Load}. */
  ATOMIC,
  /** {@code atomic.Swap} for writes, {@code atomic.Add(&x, 0)} for reads. */
  RMW
}
