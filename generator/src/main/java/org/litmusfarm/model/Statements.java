package org.litmusfarm.model;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Small structural queries over statements, shared by every package that walks bodies. */
public final class Statements {
  private Statements() {}

  /** Visits every statement of {@code body} in program order, blocks before their contents. */
  public static void forEach(List<Stmt> body, Consumer<Stmt> visitor) {
    for (Stmt s : body) {
      visitor.accept(s);
      List<Stmt> inner = children(s);
      if (!inner.isEmpty()) {
        forEach(inner, visitor);
      }
    }
  }

  /** Number of statements in {@code body}, counting nested ones and the blocks themselves. */
  public static int count(List<Stmt> body) {
    int[] n = {0};
    forEach(body, s -> n[0]++);
    return n[0];
  }

  /** The statements nested directly in a block, or an empty list. */
  public static List<Stmt> children(Stmt s) {
    if (s instanceof Stmt.If i) {
      return i.body();
    }
    if (s instanceof Stmt.OnceDo o) {
      return o.body();
    }
    return List.of();
  }

  /** Registers this statement (not its nested ones) assigns. */
  public static Stream<Reg> assigned(Stmt s) {
    if (s instanceof Stmt.Load l) {
      return Stream.of(l.dst());
    }
    if (s instanceof Stmt.Rmw r) {
      return r.dst().stream();
    }
    if (s instanceof Stmt.Cas c) {
      return c.dst().stream();
    }
    if (s instanceof Stmt.Recv r) {
      return Stream.concat(r.dst().stream(), r.ok().stream());
    }
    return Stream.empty();
  }

  /** Registers this statement (not its nested ones) reads. */
  public static Stream<Reg> read(Stmt s) {
    if (s instanceof Stmt.Store st) {
      return reg(st.value());
    }
    if (s instanceof Stmt.Rmw r) {
      return reg(r.arg());
    }
    if (s instanceof Stmt.Cas c) {
      return Stream.concat(reg(c.expected()), reg(c.replacement()));
    }
    if (s instanceof Stmt.Send send) {
      return reg(send.value());
    }
    if (s instanceof Stmt.If i) {
      return Stream.of(i.reg());
    }
    return Stream.empty();
  }

  /** The shared object this statement operates on, if any ({@code if} has none). */
  public static Optional<String> object(Stmt s) {
    if (s instanceof Stmt.Store x) {
      return Optional.of(x.var());
    } else if (s instanceof Stmt.Load x) {
      return Optional.of(x.var());
    } else if (s instanceof Stmt.Rmw x) {
      return Optional.of(x.var());
    } else if (s instanceof Stmt.Cas x) {
      return Optional.of(x.var());
    } else if (s instanceof Stmt.Lock x) {
      return Optional.of(x.mutex());
    } else if (s instanceof Stmt.Unlock x) {
      return Optional.of(x.mutex());
    } else if (s instanceof Stmt.Send x) {
      return Optional.of(x.chan());
    } else if (s instanceof Stmt.Recv x) {
      return Optional.of(x.chan());
    } else if (s instanceof Stmt.Close x) {
      return Optional.of(x.chan());
    } else if (s instanceof Stmt.Done x) {
      return Optional.of(x.waitGroup());
    } else if (s instanceof Stmt.Wait x) {
      return Optional.of(x.waitGroup());
    } else if (s instanceof Stmt.OnceDo x) {
      return Optional.of(x.once());
    }
    return Optional.empty();
  }

  private static Stream<Reg> reg(Operand o) {
    return o instanceof Reg r ? Stream.of(r) : Stream.empty();
  }
}
