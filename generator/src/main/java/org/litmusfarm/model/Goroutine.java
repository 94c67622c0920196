package org.litmusfarm.model;

import java.util.List;

/** One goroutine {@code Pn { ... }}; its index is its position in {@link Program#goroutines()}. */
public record Goroutine(List<Stmt> body) {
  public Goroutine {
    body = List.copyOf(body);
  }

  /** Creates a goroutine from statements. */
  public static Goroutine of(Stmt... body) {
    return new Goroutine(List.of(body));
  }
}
