package org.litmusfarm.mutate;

import java.util.Objects;
import org.litmusfarm.model.Program;

/** A mutant program and the operator that produced it from its parent. */
public record Mutant(Program program, Operator operator) {
  public Mutant {
    Objects.requireNonNull(program);
    Objects.requireNonNull(operator);
  }
}
