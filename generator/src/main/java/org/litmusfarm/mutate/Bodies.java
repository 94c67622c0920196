package org.litmusfarm.mutate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.litmusfarm.model.Stmt;

/**
 * Addresses the statement lists of a goroutine body: list 0 is the body itself, then the bodies
 * of its blocks in pre-order. Lets operators edit one nested list and rebuild the rest.
 */
final class Bodies {
  private Bodies() {}

  /** How many statement lists {@code body} holds, itself included. */
  static int count(List<Stmt> body) {
    int n = 1;
    for (Stmt s : body) {
      if (s instanceof Stmt.If i) {
        n += count(i.body());
      } else if (s instanceof Stmt.OnceDo o) {
        n += count(o.body());
      }
    }
    return n;
  }

  /** List {@code k} of {@code body}. */
  static List<Stmt> get(List<Stmt> body, int k) {
    List<List<Stmt>> found = new ArrayList<>(1);
    map(body, k, l -> {
      found.add(l);
      return l;
    });
    return found.get(0);
  }

  /** {@code body} with list {@code k} replaced by {@code f} of it. */
  static List<Stmt> map(List<Stmt> body, int k, UnaryOperator<List<Stmt>> f) {
    int[] counter = {0};
    return walk(body, k, f, counter);
  }

  /** The block depth of list {@code k} (0 for the body itself). */
  static int depth(List<Stmt> body, int k) {
    int[] counter = {0};
    return depthWalk(body, k, counter, 0);
  }

  private static int depthWalk(List<Stmt> body, int k, int[] counter, int depth) {
    if (counter[0]++ == k) {
      return depth;
    }
    for (Stmt s : body) {
      List<Stmt> inner = s instanceof Stmt.If i ? i.body() : s instanceof Stmt.OnceDo o ? o.body() : null;
      if (inner != null) {
        int d = depthWalk(inner, k, counter, depth + 1);
        if (d >= 0) {
          return d;
        }
      }
    }
    return -1;
  }

  private static List<Stmt> walk(List<Stmt> body, int k, UnaryOperator<List<Stmt>> f, int[] counter) {
    if (counter[0]++ == k) {
      return f.apply(body);
    }
    List<Stmt> out = new ArrayList<>(body.size());
    for (Stmt s : body) {
      if (s instanceof Stmt.If i) {
        out.add(new Stmt.If(i.reg(), i.op(), i.value(), walk(i.body(), k, f, counter)));
      } else if (s instanceof Stmt.OnceDo o) {
        out.add(new Stmt.OnceDo(o.once(), walk(o.body(), k, f, counter)));
      } else {
        out.add(s);
      }
    }
    return out;
  }
}
