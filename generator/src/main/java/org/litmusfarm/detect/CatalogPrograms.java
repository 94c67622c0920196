package org.litmusfarm.detect;

import java.util.List;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.catalog.CatalogEntry;
import org.litmusfarm.model.Program;
import org.litmusfarm.text.Parser;

/** The checked-in catalog as programs, the pool mutants are run over. */
public final class CatalogPrograms {
  private CatalogPrograms() {}

  /** Every catalog program, in index order; throws IllegalStateException if one does not parse. */
  public static List<Program> load() {
    return Catalog.load().entries().stream().map(CatalogPrograms::parse).toList();
  }

  private static Program parse(CatalogEntry e) {
    String text = e.text().orElseThrow(() -> new IllegalStateException("catalog entry " + e.name() + " has no text"));
    return Parser.parse(Catalog.RESOURCE_DIR + e.name() + ".litmus", text).program();
  }
}
