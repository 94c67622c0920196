package org.litmusfarm.reduce;

import java.util.Objects;

/**
 * A checked, smaller program that may still show the violation: the candidate program with the
 * parent's outcome projected onto it (FORBIDDEN by the oracle), the edit that made it and its size.
 *
 * @param violation the candidate program and the outcome a run must show to reproduce
 * @param edit what was changed from the parent
 * @param size the candidate's size, strictly smaller than the parent's
 */
public record Candidate(Violation violation, String edit, Size size) {
  public Candidate {
    Objects.requireNonNull(violation);
    Objects.requireNonNull(edit);
    Objects.requireNonNull(size);
  }
}
