package org.litmusfarm.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.litmusfarm.catalog.Catalog;

/** Test programs written to files: catalog tests by name, or literal text. */
final class Programs {
  private Programs() {}

  /** Writes the catalog test {@code name} into {@code dir} and returns its path. */
  static Path catalog(Path dir, String name) {
    return write(dir, name + ".litmus", Catalog.load().find(name).orElseThrow().text().orElseThrow());
  }

  /** Writes {@code text} as {@code dir/fileName}. */
  static Path write(Path dir, String fileName, String text) {
    try {
      return Files.writeString(dir.resolve(fileName), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
