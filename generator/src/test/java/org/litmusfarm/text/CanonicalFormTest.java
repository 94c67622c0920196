package org.litmusfarm.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CanonicalFormTest {

  static Stream<Arguments> goodInputs() {
    return Stream.of(
        Arguments.of(
            "message passing with comments, CRLF and odd spacing",
            "# leading comment\r\n"
                + "litmus MP+atomic   // trailing\r\n"
                + "doc \"say \\\"hi\\\" \\\\ # not a comment\"\r\n"
                + "var x   y\r\n"
                + "\r\n"
                + "P0 {\r\n"
                + "\tatomic.Store(&x,1)\r\n"
                + "  atomic.Store( &y , 1 )  # c\r\n"
                + "}\r\n"
                + "P1{\r\n"
                + "  r0=atomic.Load(&y)\r\n"
                + "  r1 = atomic.Load(&x)\r\n"
                + "}\r\n"
                + "exists (P1:r0 == 1 && P1:r1 == 0)",
            """
            litmus MP+atomic
            doc "say \\"hi\\" \\\\ # not a comment"

            var x y

            P0 {
              atomic.Store(&x, 1)
              atomic.Store(&y, 1)
            }

            P1 {
              r0 = atomic.Load(&y)
              r1 = atomic.Load(&x)
            }

            exists (P1:r0 == 1 && P1:r1 == 0)
            """),
        Arguments.of(
            "every declaration; zero vars merge, initialised vars stand alone",
            """
            litmus decls
            var a
            var b c
            var d = -5
            var e
            chan c0
            chan c2 cap 2
            mutex m
            waitgroup wg 2
            once o
            var f = 0
            P0 {
              r0 = a
            }
            exists (P0:r0 == 0)
            """,
            """
            litmus decls

            var a b c
            var d = -5
            var e
            chan c0
            chan c2 cap 2
            mutex m
            waitgroup wg 2
            once o
            var f

            P0 {
              r0 = a
            }

            exists (P0:r0 == 0)
            """),
        Arguments.of(
            "every statement form, blocks two deep, observe",
            """
            litmus all-statements
            var x
            var y = 3
            chan c cap 1
            chan d
            mutex m
            waitgroup wg 1
            once o
            P0 {
              x = 1
              x = r3
              r0 = x
              atomic.Store(&x, -9223372036854775808)
              atomic.Store(&x, r0)
              r1 = atomic.Load(&x)
              r2 = atomic.Add(&x, 1)
              atomic.Add(&x, r2)
              r3 = atomic.Swap(&x, 2)
              atomic.Swap(&x, 9223372036854775807)
              r4 = atomic.CompareAndSwap(&x, 0, r1)
              atomic.CompareAndSwap(&x, r4, 1)
              m.Lock()
              m.Unlock()
              c <- 1
              c <- r0
              r5 = <-c
              r6, r7 = <-c
              <-c
              close(d)
              wg.Done()
              wg.Wait()
              o.Do {
                if r0 != -1 {
                  y = 2
                }
              }
              if r1 == 1 {
                o.Do {
                }
              }
            }
            observe P0:r0 x
            exists (P0:r0 == 1 || !(x == 2))
            """,
            """
            litmus all-statements

            var x
            var y = 3
            chan c cap 1
            chan d
            mutex m
            waitgroup wg 1
            once o

            P0 {
              x = 1
              x = r3
              r0 = x
              atomic.Store(&x, -9223372036854775808)
              atomic.Store(&x, r0)
              r1 = atomic.Load(&x)
              r2 = atomic.Add(&x, 1)
              atomic.Add(&x, r2)
              r3 = atomic.Swap(&x, 2)
              atomic.Swap(&x, 9223372036854775807)
              r4 = atomic.CompareAndSwap(&x, 0, r1)
              atomic.CompareAndSwap(&x, r4, 1)
              m.Lock()
              m.Unlock()
              c <- 1
              c <- r0
              r5 = <-c
              r6, r7 = <-c
              <-c
              close(d)
              wg.Done()
              wg.Wait()
              o.Do {
                if r0 != -1 {
                  y = 2
                }
              }
              if r1 == 1 {
                o.Do {
                }
              }
            }

            observe P0:r0 x
            exists (P0:r0 == 1 || !(x == 2))
            """),
        Arguments.of(
            "condition precedence: && binds tighter, redundant parentheses go, needed ones stay",
            """
            litmus prec
            var x
            P0 {
              r0 = x
            }
            P1 {
              r0 = x
            }
            exists ((x == 1 && (P0:r0 == 1)) || (x != 2 || P1:r0 == 0) && !x == 3 || ((x == 4 || x == 5) && x == 6))
            """,
            """
            litmus prec

            var x

            P0 {
              r0 = x
            }

            P1 {
              r0 = x
            }

            exists (x == 1 && P0:r0 == 1 || (x != 2 || P1:r0 == 0) && !(x == 3) || (x == 4 || x == 5) && x == 6)
            """),
        Arguments.of(
            "exists without outer parentheses and a file without a final newline",
            "litmus n\nvar x\nP0 {\n  r0 = x\n}\nexists P0:r0 == 0 && x == 0",
            """
            litmus n

            var x

            P0 {
              r0 = x
            }

            exists (P0:r0 == 0 && x == 0)
            """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goodInputs")
  void printsTheCanonicalFormOfGoodInput(String what, String input, String canonical) {
    String printed = Printer.print(Parser.parse("in.litmus", input).program());
    assertEquals(canonical, printed);
    assertEquals(printed, Printer.print(Parser.parse("in.litmus", printed).program()));
  }
}
