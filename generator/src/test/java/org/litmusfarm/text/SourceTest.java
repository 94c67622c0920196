package org.litmusfarm.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.litmusfarm.model.Diagnostic;
import org.litmusfarm.model.InvalidProgramException;
import org.litmusfarm.model.Problem;
import org.litmusfarm.model.Problem.Where;

/** Files, bytes and source positions: the parts of parsing beyond one program's grammar. */
class SourceTest {
  private static final String OK = "litmus t\nvar x\nP0 {\n  r0 = x\n}\nexists (P0:r0 == 0)\n";

  private static String render(InvalidProgramException e) {
    return e.diagnostics().stream().map(Diagnostic::render).collect(Collectors.joining("\n"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "LB+plain", "MP+atomic", "MP+bufchan", "MP+mutex", "MP+plain", "SB+atomic", "SB+plain-sc",
        "SB+plain"
      })
  void parsesEverySharedExampleWithItsName(String name) throws IOException {
    byte[] bytes;
    try (InputStream in = getClass().getResourceAsStream("/text/" + name + ".litmus")) {
      bytes = in.readAllBytes();
    }
    ParsedProgram p = Parser.parse(name + ".litmus", bytes);
    assertEquals(name, p.program().name());
    assertEquals(List.of(), p.warnings());
    String canonical = Printer.print(p.program());
    assertEquals(p.program(), Parser.parse("again", canonical).program());
  }

  @Test
  void rejectsAFileOverTheSizeLimitAtItsFirstExcessByte() {
    String text = OK + "#" + "a".repeat(70_000) + "\n";
    String expected =
        "big.litmus:7:65486: file is larger than the limit of 65536 bytes (64 KiB)";
    assertEquals(expected, render(assertThrows(InvalidProgramException.class, () -> Parser.parse("big.litmus", text))));
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    assertEquals(expected, render(assertThrows(InvalidProgramException.class, () -> Parser.parse("big.litmus", bytes))));
  }

  @Test
  void acceptsAFileOfExactlyTheSizeLimit() {
    String text = OK + "#a" + "é".repeat((65536 - OK.length() - 3) / 2) + "\n";
    assertEquals(65536, text.getBytes(StandardCharsets.UTF_8).length);
    assertEquals("t", Parser.parse("edge.litmus", text.getBytes(StandardCharsets.UTF_8)).program().name());
  }

  @Test
  void rejectsMalformedUtf8AtTheBadByte() {
    byte[] head = "litmus t\ndoc \"caf".getBytes(StandardCharsets.UTF_8);
    byte[] tail = "\"\nvar x\nP0 {\n  r0 = x\n}\nexists (P0:r0 == 0)\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 2 + tail.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xC3;
    bytes[head.length + 1] = (byte) 0x28;
    System.arraycopy(tail, 0, bytes, head.length + 2, tail.length);
    InvalidProgramException e =
        assertThrows(InvalidProgramException.class, () -> Parser.parse("u.litmus", bytes));
    assertEquals("u.litmus:2:9: invalid UTF-8: bad byte sequence starting with 0xC3", render(e));
  }

  @Test
  void acceptsUnicodeInDocAndComments() {
    String text = "litmus t # ünïcødé 🙂\ndoc \"naïve 🙂 \\\"q\\\"\"\nvar x\nP0 {\n  r0 = x // 🙂\n}\nexists (P0:r0 == 0)\n";
    ParsedProgram p = Parser.parse("u.litmus", text.getBytes(StandardCharsets.UTF_8));
    assertEquals("naïve 🙂 \"q\"", p.program().doc().orElseThrow());
  }

  @Test
  void countsColumnsInCharactersNotBytesOrUtf16Units() {
    String text = "litmus t\ndoc \"🙂é\" ?\nvar x\nP0 {\n  r0 = x\n}\nexists (P0:r0 == 0)\n";
    InvalidProgramException e =
        assertThrows(InvalidProgramException.class, () -> Parser.parse("c.litmus", text));
    assertEquals("c.litmus:2:10: unexpected character '?'", render(e));
  }

  @Test
  void reportsReadsBeforeAssignmentAsWarningsAtTheRegister() {
    String text =
        "litmus t\nvar x\nchan c cap 1\nP0 {\n  x = r2\n  if r3 == 0 {\n    c <- r3\n  }\n  r2 = x\n}\nexists (P0:r2 == 0)\n";
    ParsedProgram p = Parser.parse("w.litmus", text);
    assertEquals(
        List.of(
            "w.litmus:5:7: warning: register r2 is read before P0 assigns it; it reads 0",
            "w.litmus:6:6: warning: register r3 is read before P0 assigns it; it reads 0",
            "w.litmus:7:10: warning: register r3 is read before P0 assigns it; it reads 0"),
        p.warnings().stream().map(Diagnostic::render).collect(Collectors.toList()));
  }

  @Test
  void includesWarningsAmongTheDiagnosticsOfARejectedProgram() {
    String text = "litmus t\nvar x\nP0 {\n  x = r1\n  r0 = y\n}\nexists (P0:r0 == 0)\n";
    InvalidProgramException e =
        assertThrows(InvalidProgramException.class, () -> Parser.parse("w.litmus", text));
    assertEquals(
        "w.litmus:4:7: warning: register r1 is read before P0 assigns it; it reads 0\n"
            + "w.litmus:5:8: 'y' is not declared",
        render(e));
  }

  @Test
  void locatesProblemsFromLaterStagesAtTheirStatements() {
    String text =
        "litmus t\nvar x\nchan c\nmutex m\nP0 {\n  m.Lock()\n  if r0 == 0 {\n    r1 = <-c\n  }\n}\nP1 {\n  r0 = x\n}\nobserve P1:r0 x\nexists (x == 0 || P1:r0 == 1)\n";
    ParsedProgram p = Parser.parse("o.litmus", text);
    Stream.of(
            List.of(new Where.InStmt(0, List.of(0)), "6:3"),
            List.of(new Where.InStmt(0, List.of(1, 0)), "8:5"),
            List.of(new Where.InStmt(1, List.of(0)), "12:3"),
            List.of(new Where.InStmt(1, List.of(7)), "11:1"),
            List.of(new Where.InGoroutine(1), "11:1"),
            List.of(new Where.InDecl("c"), "3:6"),
            List.of(new Where.InObserve(1), "14:15"),
            List.of(new Where.InExists(1), "15:19"),
            List.of(new Where.Whole(), "1:1"))
        .forEach(
            c -> {
              Diagnostic d = p.locate(Problem.error("can block forever", (Where) c.get(0)));
              assertEquals("o.litmus:" + c.get(1) + ": can block forever", d.render());
            });
  }

  @Test
  void identifiesProgramsByTheirCanonicalText() {
    String messy = "litmus t\nvar x # c\nP0 {\n\tr0=x\n}\nexists P0:r0==0";
    assertEquals(
        Programs.id(Parser.parse("a", OK).program()),
        Programs.id(Parser.parse("b", messy).program()));
    assertTrue(
        !Programs.id(Parser.parse("a", OK).program())
            .equals(Programs.id(Parser.parse("c", OK.replace("== 0", "== 1")).program())));
  }
}
