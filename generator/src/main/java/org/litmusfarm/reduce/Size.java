package org.litmusfarm.reduce;

import java.util.Comparator;
import org.litmusfarm.model.Const;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.Goroutine;
import org.litmusfarm.model.Operand;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Statements;
import org.litmusfarm.model.Stmt;

/**
 * How large a program is, compared in this order: goroutines, statements (nested ones and blocks
 * included), shared objects (variables, channels, mutexes, wait groups, onces), then {@code
 * detail}, a weight that falls when a read-modify-write becomes a load or store, a register
 * operand becomes a constant, a constant or initial value gets smaller, or a channel's capacity
 * shrinks. Every candidate of {@link Candidates} is strictly smaller than its parent.
 *
 * @param goroutines goroutines
 * @param statements statements of all goroutines
 * @param objects shared objects declared
 * @param detail the tie-breaking weight described above
 */
public record Size(int goroutines, int statements, int objects, long detail) implements Comparable<Size> {
  private static final Comparator<Size> ORDER =
      Comparator.comparingInt(Size::goroutines)
          .thenComparingInt(Size::statements)
          .thenComparingInt(Size::objects)
          .thenComparingLong(Size::detail);
  private static final long REGISTER_OPERAND = 3;
  private static final long LARGE = 1_000_000;

  /** The size of {@code p}. */
  public static Size of(Program p) {
    int statements = 0;
    long[] detail = {0};
    for (Goroutine g : p.goroutines()) {
      statements += Statements.count(g.body());
      Statements.forEach(g.body(), s -> detail[0] += weight(s));
    }
    for (Decl d : p.decls()) {
      if (d instanceof Decl.Var v) {
        detail[0] += valueCost(v.initial());
      } else if (d instanceof Decl.Chan c) {
        detail[0] += c.capacity();
      } else if (d instanceof Decl.WaitGroup w) {
        detail[0] += w.count();
      }
    }
    return new Size(p.goroutines().size(), statements, p.decls().size(), detail[0]);
  }

  /** Whether this size is at most {@code other} in goroutines, statements and objects alike. */
  public boolean fitsWithin(Size other) {
    return goroutines <= other.goroutines && statements <= other.statements && objects <= other.objects;
  }

  /**
   * What simplifying a constant to {@code v} costs: small non-negative values are cheapest, a
   * negative value costs a little more than its magnitude.
   */
  static long valueCost(long v) {
    long magnitude = v == Long.MIN_VALUE ? LARGE : Math.min(Math.abs(v), LARGE);
    return 2 * magnitude + (v < 0 ? 1 : 0);
  }

  private static long weight(Stmt s) {
    if (s instanceof Stmt.Store st) {
      return 1 + operand(st.value());
    } else if (s instanceof Stmt.Rmw r) {
      return 3 + operand(r.arg());
    } else if (s instanceof Stmt.Cas c) {
      return 4 + operand(c.expected()) + operand(c.replacement());
    } else if (s instanceof Stmt.Send send) {
      return 2 + operand(send.value());
    } else if (s instanceof Stmt.Recv r) {
      return 2 + (r.ok().isPresent() ? 1 : 0);
    } else if (s instanceof Stmt.If i) {
      return 1 + valueCost(i.value());
    }
    return 1;
  }

  private static long operand(Operand o) {
    return o instanceof Const c ? valueCost(c.value()) : REGISTER_OPERAND;
  }

  @Override
  public int compareTo(Size o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return goroutines + " goroutines, " + statements + " statements, " + objects + " shared objects";
  }
}
