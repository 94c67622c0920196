package org.litmusfarm.catalog;

import java.util.Objects;
import java.util.Optional;
import org.litmusfarm.model.Names;
import org.litmusfarm.model.OutcomeClass;
import org.litmusfarm.model.Program;

/**
 * One catalog test: its name, the shape it instantiates, the verdict expected for its
 * {@code exists} condition (read from gomm.md, not computed), the gomm.md reference behind that
 * verdict, and either the model program (when generated) or the {@code .litmus} text (when loaded).
 */
public record CatalogEntry(
    String name,
    String shape,
    OutcomeClass expected,
    String reference,
    Optional<Program> program,
    Optional<String> text) {

  public CatalogEntry {
    Names.requireTestName(name);
    Objects.requireNonNull(shape);
    Objects.requireNonNull(expected);
    Objects.requireNonNull(reference);
    Objects.requireNonNull(program);
    Objects.requireNonNull(text);
    if (program.isEmpty() && text.isEmpty()) {
      throw new IllegalArgumentException("catalog entry " + name + " has neither program nor text");
    }
  }

  static CatalogEntry generated(String shape, OutcomeClass expected, String reference, Program p) {
    return new CatalogEntry(p.name(), shape, expected, reference, Optional.of(p), Optional.empty());
  }
}
