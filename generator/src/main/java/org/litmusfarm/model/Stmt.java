package org.litmusfarm.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One statement of a goroutine body. Blocks ({@link If}, {@link OnceDo}) hold nested statements;
 * everything else is one operation on one shared object.
 */
public sealed interface Stmt {

  /** {@code x = v} (plain) or {@code atomic.Store(&x, v)} (atomic). */
  record Store(Access access, String var, Operand value) implements Stmt {
    public Store {
      Objects.requireNonNull(access);
      Names.requireIdentifier(var);
      Objects.requireNonNull(value);
    }
  }

  /** {@code r = x} (plain) or {@code r = atomic.Load(&x)} (atomic). */
  record Load(Access access, Reg dst, String var) implements Stmt {
    public Load {
      Objects.requireNonNull(access);
      Objects.requireNonNull(dst);
      Names.requireIdentifier(var);
    }
  }

  /** {@code r = atomic.Add(&x, v)} (new value) or {@code r = atomic.Swap(&x, v)} (old value). */
  record Rmw(RmwOp op, Optional<Reg> dst, String var, Operand arg) implements Stmt {
    public Rmw {
      Objects.requireNonNull(op);
      Objects.requireNonNull(dst);
      Names.requireIdentifier(var);
      Objects.requireNonNull(arg);
    }
  }

  /** {@code r = atomic.CompareAndSwap(&x, old, new)}: r gets 1 if swapped, else 0. */
  record Cas(Optional<Reg> dst, String var, Operand expected, Operand replacement)
      implements Stmt {
    public Cas {
      Objects.requireNonNull(dst);
      Names.requireIdentifier(var);
      Objects.requireNonNull(expected);
      Objects.requireNonNull(replacement);
    }
  }

  /** {@code m.Lock()}. */
  record Lock(String mutex) implements Stmt {
    public Lock {
      Names.requireIdentifier(mutex);
    }
  }

  /** {@code m.Unlock()}. */
  record Unlock(String mutex) implements Stmt {
    public Unlock {
      Names.requireIdentifier(mutex);
    }
  }

  /** {@code c <- v}. */
  record Send(String chan, Operand value) implements Stmt {
    public Send {
      Names.requireIdentifier(chan);
      Objects.requireNonNull(value);
    }
  }

  /**
   * {@code r = <-c}, {@code r, ok = <-c} or a bare {@code <-c}. The value register gets 0 when the
   * channel is closed and empty; the ok register gets 1 if a value was received, else 0.
   */
  record Recv(String chan, Optional<Reg> dst, Optional<Reg> ok) implements Stmt {
    public Recv {
      Names.requireIdentifier(chan);
      Objects.requireNonNull(dst);
      Objects.requireNonNull(ok);
      if (ok.isPresent() && dst.isEmpty()) {
        throw new IllegalArgumentException("a receive with an ok register needs a value register");
      }
    }
  }

  /** {@code close(c)}. */
  record Close(String chan) implements Stmt {
    public Close {
      Names.requireIdentifier(chan);
    }
  }

  /** {@code wg.Done()}. */
  record Done(String waitGroup) implements Stmt {
    public Done {
      Names.requireIdentifier(waitGroup);
    }
  }

  /** {@code wg.Wait()}. */
  record Wait(String waitGroup) implements Stmt {
    public Wait {
      Names.requireIdentifier(waitGroup);
    }
  }

  /** {@code o.Do { ... }}: the body runs at most once across all goroutines. */
  record OnceDo(String once, List<Stmt> body) implements Stmt {
    public OnceDo {
      Names.requireIdentifier(once);
      body = List.copyOf(body);
    }
  }

  /** {@code if r == k { ... }}: a control dependency on a register; no else. */
  record If(Reg reg, CmpOp op, long value, List<Stmt> body) implements Stmt {
    public If {
      Objects.requireNonNull(reg);
      Objects.requireNonNull(op);
      body = List.copyOf(body);
    }
  }
}
