package org.litmusfarm.detect;

import org.litmusfarm.model.Program;
import org.litmusfarm.text.Parser;

/** Test programs: parsed text and catalog entries. */
final class Programs {
  private Programs() {}

  static Program parse(String text) {
    return Parser.parse("test.litmus", text).program();
  }

  static Program catalog(String name) {
    return CatalogPrograms.load().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }
}
