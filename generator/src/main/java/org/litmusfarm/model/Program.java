package org.litmusfarm.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A whole litmus program: header, declarations, goroutines, an optional {@code observe} list and
 * the {@code exists} condition. Immutable; its identity is the hash of its canonical text (see
 * {@link ProgramId}).
 */
public record Program(
    String name,
    Optional<String> doc,
    List<Decl> decls,
    List<Goroutine> goroutines,
    Optional<List<Location>> observe,
    Prop exists) {

  public Program {
    Names.requireTestName(name);
    Objects.requireNonNull(doc);
    decls = List.copyOf(decls);
    goroutines = List.copyOf(goroutines);
    observe = observe.map(List::copyOf);
    Objects.requireNonNull(exists);
  }

  /** The declaration named {@code name}, if any. */
  public Optional<Decl> decl(String name) {
    for (Decl d : decls) {
      if (d.name().equals(name)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** The shared variables, in declaration order. */
  public List<Decl.Var> vars() {
    List<Decl.Var> vars = new ArrayList<>();
    for (Decl d : decls) {
      if (d instanceof Decl.Var v) {
        vars.add(v);
      }
    }
    return vars;
  }

  /** Registers that some statement of goroutine {@code g} assigns, ascending. */
  public TreeSet<Integer> assignedRegisters(int g) {
    TreeSet<Integer> regs = new TreeSet<>();
    Statements.forEach(goroutines.get(g).body(), s -> Statements.assigned(s).forEach(r -> regs.add(r.index())));
    return regs;
  }

  /**
   * What makes up an outcome, in canonical order: the {@code observe} list if given, else every
   * assigned register (goroutines ascending, registers ascending) then every shared variable in
   * declaration order.
   */
  public List<Location> outcomeLocations() {
    if (observe.isPresent()) {
      return canonicalOrder(observe.get());
    }
    List<Location> locs = new ArrayList<>();
    for (int g = 0; g < goroutines.size(); g++) {
      for (int r : assignedRegisters(g)) {
        locs.add(new Location.RegLoc(g, new Reg(r)));
      }
    }
    for (Decl.Var v : vars()) {
      locs.add(new Location.VarLoc(v.name()));
    }
    return locs;
  }

  private List<Location> canonicalOrder(List<Location> chosen) {
    List<Location> regs = new ArrayList<>();
    for (Location l : chosen) {
      if (l instanceof Location.RegLoc) {
        regs.add(l);
      }
    }
    regs.sort(null);
    List<Location> locs = new ArrayList<>(regs);
    for (Decl.Var v : vars()) {
      Location l = new Location.VarLoc(v.name());
      if (chosen.contains(l)) {
        locs.add(l);
      }
    }
    return locs;
  }

  /** A copy with another name. */
  public Program withName(String newName) {
    return new Program(newName, doc, decls, goroutines, observe, exists);
  }

  /** A copy with other goroutines. */
  public Program withGoroutines(List<Goroutine> newGoroutines) {
    return new Program(name, doc, decls, newGoroutines, observe, exists);
  }

  /** A copy with other declarations. */
  public Program withDecls(List<Decl> newDecls) {
    return new Program(name, doc, newDecls, goroutines, observe, exists);
  }
}
