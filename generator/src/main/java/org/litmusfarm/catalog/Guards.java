package org.litmusfarm.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.Goroutine;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Statements;
import org.litmusfarm.model.Stmt;

/** Mutex variants of a shape: whole bodies or single accesses inside critical sections. */
final class Guards {
  private Guards() {}

  /** Wraps every goroutine body in one critical section of {@code mutex}. */
  static Program wholeBodies(Program p, String mutex) {
    List<Goroutine> gs = new ArrayList<>();
    for (Goroutine g : p.goroutines()) {
      List<Stmt> body = new ArrayList<>();
      body.add(new Stmt.Lock(mutex));
      body.addAll(g.body());
      body.add(new Stmt.Unlock(mutex));
      gs.add(new Goroutine(body));
    }
    return withMutexes(p.withGoroutines(gs), Set.of(mutex));
  }

  /**
   * Puts each top-level access in its own critical section of {@code mutexOf.apply(var)}; a null
   * mutex leaves the access unguarded.
   */
  static Program eachAccess(Program p, Function<String, String> mutexOf) {
    Set<String> used = new LinkedHashSet<>();
    List<Goroutine> gs = new ArrayList<>();
    for (Goroutine g : p.goroutines()) {
      List<Stmt> body = new ArrayList<>();
      for (Stmt s : g.body()) {
        Optional<String> var = Statements.object(s);
        String m = var.map(mutexOf).orElse(null);
        if (m == null) {
          body.add(s);
        } else {
          used.add(m);
          body.add(new Stmt.Lock(m));
          body.add(s);
          body.add(new Stmt.Unlock(m));
        }
      }
      gs.add(new Goroutine(body));
    }
    return withMutexes(p.withGoroutines(gs), used);
  }

  private static Program withMutexes(Program p, Set<String> mutexes) {
    List<Decl> decls = new ArrayList<>(p.decls());
    for (String m : mutexes) {
      decls.add(new Decl.Mutex(m));
    }
    return p.withDecls(decls);
  }
}
