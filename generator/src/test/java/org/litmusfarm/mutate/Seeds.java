package org.litmusfarm.mutate;

import java.util.List;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.catalog.CatalogEntry;
import org.litmusfarm.model.Program;

/** Catalog programs used as mutation seeds in tests and the benchmark. */
final class Seeds {
  static final List<String> NAMES = List.of(
      "MP+plain", "SB+atomic", "IRIW+plain", "LB+ctrl+plain", "MP+chan0", "MP+mutex", "ONCE+plain",
      "WG2+plain", "MP.close+chan1+send", "2+2W+rmw", "MP+plain+casflag", "ISA2+plain+chan1");

  private Seeds() {}

  static List<Program> programs() {
    Catalog catalog = Catalog.generate();
    return NAMES.stream().map(n -> catalog.find(n).flatMap(CatalogEntry::program).orElseThrow()).toList();
  }
}
