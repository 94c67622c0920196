package org.litmusfarm.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.litmusfarm.model.Diagnostic;
import org.litmusfarm.model.InvalidProgramException;

/** Each bad input and every diagnostic it must produce, as {@code line:col: message}. */
class RejectionTest {

  private static final String TAIL = "P0 {\n  r0 = x\n}\nexists (P0:r0 == 0)\n";

  static Arguments bad(String rule, String input, String... expected) {
    return Arguments.of(rule, input, String.join("\n", expected));
  }

  static Stream<Arguments> badInputs() {
    String many = IntStream.range(0, 65).mapToObj(i -> "  r0 = x\n").collect(Collectors.joining());
    String nine =
        IntStream.range(0, 9).mapToObj(i -> "P" + i + " {\n  r0 = x\n}\n").collect(Collectors.joining());
    String objects = IntStream.range(0, 33).mapToObj(i -> " v" + i).collect(Collectors.joining());
    return Stream.of(
        bad("missing header", "var x\n" + TAIL, "1:1: the first line must be 'litmus NAME'"),
        bad("empty file", "# only a comment\n\n", "3:1: the file is empty: it must start with 'litmus NAME'"),
        bad("no goroutine", "litmus t\nvar x\nexists (x == 0)\n", "1:1: a program needs at least one goroutine"),
        bad("junk after a block's brace", "litmus t\nvar x\nP0 { r0 = x\n  r1 = x\n}\nexists (P0:r1 == 0)\n",
            "3:6: expected end of line, found 'r0'"),
        bad("lexical error in a block header", "litmus t\nvar x\nP0 {\n  r0 = x\n  if r0 == 1_0 {\n    x = 1\n  }\n  r1 = x\n}\nexists (P0:r1 == 0)\n",
            "5:13: unexpected character '_' after a number"),
        bad("atomic without a function", "litmus t\nvar x\nP0 {\n  r0 = atomic.(&x)\n}\nexists (P0:r0 == 0)\n",
            "4:15: expected a function name after 'atomic.', found '('"),
        bad("missing test name", "litmus\nvar x\n" + TAIL,
            "1:7: missing test name after 'litmus': use letters, digits and _.+-"),
        bad("test name too long", "litmus " + "a".repeat(101) + "\nvar x\n" + TAIL,
            "1:8: test name is longer than 100 characters"),
        bad("second header", "litmus t\nlitmus u\nvar x\n" + TAIL, "2:1: only one litmus line is allowed"),
        bad("doc not after header", "litmus t\nvar x\ndoc \"d\"\n" + TAIL,
            "3:1: doc must come right after the litmus line"),
        bad("doc unknown escape", "litmus t\ndoc \"a\\nb\"\nvar x\n" + TAIL,
            "2:7: unknown escape in string: only \\\" and \\\\ are allowed"),
        bad("doc unterminated", "litmus t\ndoc \"abc\nvar x\n" + TAIL, "2:5: unterminated string"),
        bad("doc control character", "litmus t\ndoc \"a\u0001\"\nvar x\n" + TAIL,
            "2:7: control character U+0001 in string"),
        bad("lone carriage return", "litmus t\rvar x\n" + TAIL,
            "1:9: carriage return not followed by a line feed"),
        bad("single slash is not a comment", "litmus t\nvar x / y\n" + TAIL,
            "2:7: unexpected character '/'"),
        bad("non-ASCII outside strings", "litmus t\nvar x\u00e9\n" + TAIL,
            "2:6: unexpected character U+00E9"),
        bad("unknown statement", "litmus t\nvar x\nP0 {\n  r0 = x\n  foo\n}\nexists (P0:r0 == 0)\n",
            "5:3: unknown statement starting with 'foo'"),
        bad("statement outside a goroutine", "litmus t\nvar x\nx = 1\n" + TAIL,
            "3:1: unexpected 'x': expected a declaration, a goroutine 'P0 {', observe or exists"),
        bad("reserved identifier", "litmus t\nvar x func\n" + TAIL,
            "2:7: 'func' is reserved and cannot be used as an identifier"),
        bad("identifier too long", "litmus t\nvar x " + "a".repeat(33) + "\n" + TAIL,
            "2:7: identifier '" + "a".repeat(33) + "' is longer than 32 characters"),
        bad("register name as object", "litmus t\nvar x\nmutex r3\n" + TAIL,
            "3:7: 'r3' is a register name and cannot name a shared object"),
        bad("integer beyond int64", "litmus t\nvar x = 9223372036854775808\n" + TAIL,
            "2:9: integer literal 9223372036854775808 does not fit in int64"),
        bad("integer below int64", "litmus t\nvar x\nP0 {\n  x = -9223372036854775809\n  r0 = x\n}\nexists (P0:r0 == 0)\n",
            "4:7: integer literal -9223372036854775809 does not fit in int64"),
        bad("leading zero", "litmus t\nvar x = 07\n" + TAIL, "2:9: integer literal '07' has a leading zero"),
        bad("several names with a value", "litmus t\nvar x y = 1\n" + TAIL,
            "2:9: an initial value needs a var line of its own, as in 'var x = 5'"),
        bad("channel capacity", "litmus t\nvar x\nchan c cap 65\n" + TAIL, "3:12: channel capacity 65 is out of range 0..64"),
        bad("wait group without count", "litmus t\nvar x\nwaitgroup wg\n" + TAIL,
            "3:13: expected the wait group's initial count after its name, found end of line"),
        bad("too many goroutines", "litmus t\nvar x\n" + nine + "exists (P0:r0 == 0)\n",
            "27:1: too many goroutines: 9 (limit 8)"),
        bad("too many statements", "litmus t\nvar x\nP0 {\n" + many + "}\nexists (P0:r0 == 0)\n",
            "3:1: too many statements in P0: 65 (limit 64)"),
        bad("too many shared objects", "litmus t\nvar x" + objects + "\n" + TAIL,
            "2:121: too many shared objects: 34 (limit 32)"),
        bad("goroutines not dense", "litmus t\nvar x\n" + TAIL.replace("exists (P0:r0 == 0)\n", "") + "P2 {\n  r0 = x\n}\nexists (P0:r0 == 0)\n",
            "6:1: goroutines must be numbered densely from P0: expected P1, found P2"),
        bad("duplicate name", "litmus t\nvar x\nmutex x\n" + TAIL, "3:7: 'x' is already declared on line 2"),
        bad("declaration after goroutine", "litmus t\nvar x\n" + TAIL.replace("exists (P0:r0 == 0)\n", "") + "var y\nexists (P0:r0 == 0)\n",
            "6:1: declarations must come before the first goroutine"),
        bad("wrong kind of object", "litmus t\nvar x\nP0 {\n  r0 = x\n  x.Lock()\n}\nexists (P0:r0 == 0)\n",
            "5:3: 'x' is a variable, not a mutex"),
        bad("wrong kind of object on the right", "litmus t\nvar x\nmutex m\nP0 {\n  r0 = m\n}\nexists (P0:r0 == 0)\n",
            "5:8: 'm' is a mutex, not a variable"),
        bad("undeclared name", "litmus t\nvar x\nP0 {\n  r0 = x\n  c <- 1\n}\nexists (P0:r0 == 0)\n",
            "5:3: 'c' is not declared"),
        bad("nesting three deep", "litmus t\nvar x\nP0 {\n  r0 = x\n  if r0 == 1 {\n    if r0 == 1 {\n      if r0 == 1 {\n      }\n    }\n  }\n}\nexists (P0:r0 == 0)\n",
            "7:7: blocks nest at most 2 deep"),
        bad("if on a variable", "litmus t\nvar x\nP0 {\n  r0 = x\n  if x == 1 {\n    x = 2\n  }\n}\nexists (P0:r0 == 0)\n",
            "5:6: an if condition compares a register r0..r15, found 'x'"),
        bad("if on r16", "litmus t\nvar x\nP0 {\n  r0 = x\n  if r16 == 1 {\n  }\n}\nexists (P0:r0 == 0)\n",
            "5:6: an if condition compares a register r0..r15, found 'r16'"),
        bad("store to r16 of a variable", "litmus t\nvar x\nP0 {\n  r0 = x\n  r16 = x\n}\nexists (P0:r0 == 0)\n",
            "5:3: 'r16' is not a register: registers are r0..r15"),
        bad("register assigned a constant", "litmus t\nvar x\nP0 {\n  r0 = 1\n}\nexists (x == 0)\n",
            "4:8: a register cannot be assigned a constant, only a load, an atomic call or a receive"),
        bad("bare atomic load", "litmus t\nvar x\nP0 {\n  r0 = x\n  atomic.Load(&x)\n}\nexists (P0:r0 == 0)\n",
            "5:10: the result of atomic.Load must be assigned to a register"),
        bad("atomic store with a result", "litmus t\nvar x\nP0 {\n  r0 = atomic.Store(&x, 1)\n}\nexists (x == 0)\n",
            "4:15: atomic.Store has no result to assign"),
        bad("unknown atomic function", "litmus t\nvar x\nP0 {\n  r0 = atomic.AddInt64(&x, 1)\n}\nexists (x == 0)\n",
            "4:15: unknown function atomic.AddInt64: expected Load, Store, Add, Swap or CompareAndSwap"),
        bad("wrong argument count", "litmus t\nvar x\nP0 {\n  r0 = atomic.CompareAndSwap(&x, 1)\n}\nexists (x == 0)\n",
            "4:15: atomic.CompareAndSwap takes 3 arguments, found 2"),
        bad("missing ampersand", "litmus t\nvar x\nP0 {\n  atomic.Store(x, 1)\n  r0 = x\n}\nexists (P0:r0 == 0)\n",
            "4:16: expected '&' before the variable, found 'x'"),
        bad("unknown method", "litmus t\nvar x\nmutex m\nP0 {\n  m.TryLock()\n  r0 = x\n}\nexists (P0:r0 == 0)\n",
            "5:5: unknown method 'TryLock': expected Lock, Unlock, Done, Wait or Do"),
        bad("two registers without a receive", "litmus t\nvar x\nP0 {\n  r0, r1 = x\n}\nexists (x == 0)\n",
            "4:12: only a receive assigns two registers: expected '<-', found 'x'"),
        bad("same value and ok register", "litmus t\nvar x\nchan c\nP0 {\n  r0, r0 = <-c\n}\nexists (P0:r0 == 0)\n",
            "5:3: value and ok registers must differ"),
        bad("two statements on a line", "litmus t\nvar x\nP0 {\n  r0 = x x = 1\n}\nexists (P0:r0 == 0)\n",
            "4:10: expected end of line, found 'x'"),
        bad("unclosed parenthesis in a call", "litmus t\nvar x\nP0 {\n  atomic.Store(&x, 1\n  r0 = x\n}\nexists (P0:r0 == 0)\n",
            "4:21: expected ')', found end of line"),
        bad("missing closing brace", "litmus t\nvar x\nP0 {\n  r0 = x\nexists (P0:r0 == 0)\n",
            "3:4: '{' is never closed"),
        bad("extra closing brace", "litmus t\nvar x\n" + TAIL.replace("}\n", "}\n}\n"), "6:1: unmatched '}'"),
        bad("else", "litmus t\nvar x\nP0 {\n  r0 = x\n  if r0 == 1 {\n  } else {\n  }\n}\nexists (P0:r0 == 0)\n",
            "6:5: if has no else: write a second if with the opposite condition"),
        bad("unclosed parenthesis in exists", "litmus t\nvar x\n" + TAIL.replace("exists (", "exists (("),
            "6:8: '(' is never closed"),
        bad("extra parenthesis in exists", "litmus t\nvar x\n" + TAIL.replace("== 0)", "== 0))"), "6:20: unmatched ')'"),
        bad("missing exists", "litmus t\nvar x\nP0 {\n  r0 = x\n}\n",
            "6:1: missing exists line: a program ends with 'exists (...)'"),
        bad("anything after exists", "litmus t\nvar x\n" + TAIL + "P1 {\n}\n",
            "7:1: unexpected 'P1' after the exists line: exists must be last"),
        bad("observe after exists", "litmus t\nvar x\n" + TAIL + "observe x\n", "7:1: observe must come before exists"),
        bad("two observe lines", "litmus t\nvar x\n" + TAIL.replace("exists", "observe x\nobserve P0:r0\nexists"),
            "7:1: only one observe line is allowed"),
        bad("empty observe", "litmus t\nvar x\n" + TAIL.replace("exists", "observe\nexists"),
            "6:8: observe needs at least one location, as in 'observe P0:r0 x'"),
        bad("exists outside observe", "litmus t\nvar x\n" + TAIL.replace("exists", "observe x\nexists"),
            "7:9: P0:r0 is used in exists but not listed by observe"),
        bad("exists on an unassigned register", "litmus t\nvar x\n" + TAIL.replace("P0:r0 == 0", "x == 1 || P0:r1 == 0"),
            "6:19: no statement of P0 assigns r1"),
        bad("exists on a goroutine that does not exist", "litmus t\nvar x\n" + TAIL.replace("P0:r0 == 0", "P1:r0 == 0"),
            "6:9: there is no goroutine P1"),
        bad("exists beyond the goroutine limit", "litmus t\nvar x\n" + TAIL.replace("P0:r0 == 0", "P9:r0 == 0"),
            "6:9: there is no goroutine P9"),
        bad("exists on a mutex", "litmus t\nvar x\nmutex m\n" + TAIL.replace("P0:r0 == 0", "m == 0"),
            "7:9: 'm' is not a shared variable"),
        bad("exists with a bad operator", "litmus t\nvar x\n" + TAIL.replace("P0:r0 == 0", "P0:r0 = 0"),
            "6:15: expected '==' or '!=', found '='"),
        bad("every error in one file",
            "litmus t\nvar x func\nP0 {\n  r0 = x\n  foo\n  r1 = y\n}\nP2 {\n}\nexists (P0:r0 == 0)\n",
            "2:7: 'func' is reserved and cannot be used as an identifier",
            "5:3: unknown statement starting with 'foo'",
            "6:8: 'y' is not declared",
            "8:1: goroutines must be numbered densely from P0: expected P1, found P2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void rejectsWithEveryDiagnosticAtItsToken(String rule, String input, String expected) {
    InvalidProgramException e =
        assertThrows(InvalidProgramException.class, () -> Parser.parse("bad.litmus", input));
    String actual =
        e.diagnostics().stream().map(Diagnostic::renderWithoutPath).collect(Collectors.joining("\n"));
    assertEquals(expected, actual);
    e.diagnostics().forEach(d -> assertEquals("bad.litmus", d.path()));
  }
}
