package org.litmusfarm.model;

/** A shared object declared before the goroutines. Every declaration names exactly one object. */
public sealed interface Decl {
  /** The object's identifier. */
  String name();

  /** A shared int64 word with its initial value ({@code var x} or {@code var x = 5}). */
  record Var(String name, long initial) implements Decl {
    public Var {
      Names.requireIdentifier(name);
    }
  }

  /** A channel of int64; capacity 0 is unbuffered ({@code chan c} or {@code chan c cap 2}). */
  record Chan(String name, int capacity) implements Decl {
    public Chan {
      Names.requireIdentifier(name);
      if (capacity < 0 || capacity > Limits.MAX_CHANNEL_CAPACITY) {
        throw new IllegalArgumentException("channel capacity out of range: " + capacity);
      }
    }
  }

  /** A {@code sync.Mutex} ({@code mutex m}). */
  record Mutex(String name) implements Decl {
    public Mutex {
      Names.requireIdentifier(name);
    }
  }

  /** A {@code sync.WaitGroup} whose counter starts at {@code count} ({@code waitgroup wg 2}). */
  record WaitGroup(String name, int count) implements Decl {
    public WaitGroup {
      Names.requireIdentifier(name);
      if (count < 0 || count > Limits.MAX_WAITGROUP_COUNT) {
        throw new IllegalArgumentException("wait group count out of range: " + count);
      }
    }
  }

  /** A {@code sync.Once} ({@code once o}). */
  record Once(String name) implements Decl {
    public Once {
      Names.requireIdentifier(name);
    }
  }
}
