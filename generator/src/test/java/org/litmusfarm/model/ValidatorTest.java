package org.litmusfarm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValidatorTest {
  private static final Prop TRUE_OF_X = new Prop.Atom(new Location.VarLoc("x"), CmpOp.EQ, 0);

  private static Program program(List<Decl> decls, Goroutine... gs) {
    return new Program("T", Optional.empty(), decls, List.of(gs), Optional.empty(), TRUE_OF_X);
  }

  @Test
  void acceptsStoreBuffering() {
    Program sb =
        program(
            List.of(new Decl.Var("x", 0), new Decl.Var("y", 0)),
            Goroutine.of(
                new Stmt.Store(Access.PLAIN, "x", new Const(1)),
                new Stmt.Load(Access.PLAIN, new Reg(0), "y")),
            Goroutine.of(
                new Stmt.Store(Access.PLAIN, "y", new Const(1)),
                new Stmt.Load(Access.PLAIN, new Reg(0), "x")));
    assertEquals(List.of(), Validator.check(sb));
  }

  @Test
  void reportsObjectsOfTheWrongKindAndUndeclaredNames() {
    Program p =
        program(
            List.of(new Decl.Var("x", 0)),
            Goroutine.of(new Stmt.Lock("x"), new Stmt.Unlock("m")));
    List<String> messages = Validator.check(p).stream().map(Problem::message).toList();
    assertEquals(List.of("'x' is a variable, not a mutex", "'m' is not declared"), messages);
  }

  @Test
  void warnsWhenARegisterIsReadBeforeItIsAssigned() {
    Program p =
        program(
            List.of(new Decl.Var("x", 0)), Goroutine.of(new Stmt.Store(Access.PLAIN, "x", new Reg(3))));
    Problem only = Validator.check(p).get(0);
    assertEquals("register r3 is read before P0 assigns it; it reads 0", only.message());
    assertTrue(!only.isError());
    assertEquals(new Problem.Where.InStmt(0, List.of(0)), only.where());
  }

  @Test
  void enforcesTheStatementLimit() {
    List<Stmt> body = new ArrayList<>();
    for (int i = 0; i <= Limits.MAX_STATEMENTS; i++) {
      body.add(new Stmt.Store(Access.PLAIN, "x", new Const(i)));
    }
    Program p = program(List.of(new Decl.Var("x", 0)), new Goroutine(body));
    assertEquals(
        List.of("too many statements in P0: 65 (limit 64)"),
        Validator.check(p).stream().map(Problem::message).toList());
  }

  @Test
  void rejectsConditionsOnRegistersNoStatementAssigns() {
    Program p =
        new Program(
            "T",
            Optional.empty(),
            List.of(new Decl.Var("x", 0)),
            List.of(Goroutine.of(new Stmt.Store(Access.PLAIN, "x", new Const(1)))),
            Optional.empty(),
            new Prop.Atom(new Location.RegLoc(0, new Reg(1)), CmpOp.EQ, 0));
    assertEquals(
        List.of(Problem.error("no statement of P0 assigns r1", new Problem.Where.InExists(0))),
        Validator.check(p));
  }

  @Test
  void identifiersOutsideTheFormatCannotEnterTheModel() {
    assertThrows(IllegalArgumentException.class, () -> new Decl.Var("x\"); os.Exit(1); //", 0));
    assertThrows(IllegalArgumentException.class, () -> new Decl.Var("func", 0));
    assertThrows(IllegalArgumentException.class, () -> new Decl.Var("r3", 0));
    assertThrows(IllegalArgumentException.class, () -> new Decl.Mutex("a".repeat(33)));
  }
}
