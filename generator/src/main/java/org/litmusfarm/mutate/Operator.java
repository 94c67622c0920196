package org.litmusfarm.mutate;

/** The mutation operators of {@link Mutator}; each mutant's doc line names the one applied. */
public enum Operator {
  /** Plain, atomic or RMW: Store, atomic Store, Swap; Load, atomic Load, Add(&x, 0), CompareAndSwap. */
  CHANGE_KIND("change-kind"),
  /** Wraps a run of memory accesses in a critical section of a mutex. */
  WRAP_MUTEX("wrap-mutex"),
  /** Adds a send in one goroutine and the matching receive in another, on a new channel. */
  ADD_CHANNEL_HANDOFF("add-channel-handoff"),
  /** Adds an atomic flag store in one goroutine and a load plus {@code if} in another. */
  ADD_ATOMIC_FLAG("add-atomic-flag"),
  /** Removes every use of one mutex, channel, wait group or once (once bodies are inlined). */
  REMOVE_SYNC("remove-sync"),
  /** Adds a goroutine: a copy of one without channel or wait-group operations, or a small new one. */
  ADD_GOROUTINE("add-goroutine"),
  /** Inserts one memory access. */
  ADD_STATEMENT("add-statement"),
  /** Removes one memory access. */
  REMOVE_STATEMENT("remove-statement"),
  /** Changes one constant: a stored value, an {@code if} or exists value, an initial value. */
  CHANGE_CONSTANT("change-constant"),
  /** Makes a stored or sent constant a register assigned earlier in the goroutine. */
  ADD_DATA_DEPENDENCY("add-data-dependency"),
  /** Swaps two adjacent memory accesses that touch different variables and share no register. */
  SWAP_ADJACENT("swap-adjacent"),
  /** Changes a channel's capacity. */
  CHANGE_CAPACITY("change-capacity");

  private final String label;

  Operator(String label) {
    this.label = label;
  }

  /** The name written after {@code op=} in a mutant's doc line. */
  public String label() {
    return label;
  }
}
