package org.litmusfarm.oracle;

/** The kind of one compiled instruction. */
enum Op {
  STORE,
  LOAD,
  RMW,
  CAS,
  LOCK,
  UNLOCK,
  SEND,
  RECV,
  CLOSE,
  DONE,
  WAIT,
  /** Enters the block of an {@code if}, or jumps past it. */
  IF,
  /** Starts {@code o.Do}: runs the body, waits for another goroutine's run, or skips it. */
  ONCE,
  /** The end of a once body: marks the once done. */
  ONCE_END
}
