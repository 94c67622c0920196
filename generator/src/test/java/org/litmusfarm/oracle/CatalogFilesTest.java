package org.litmusfarm.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.litmusfarm.text.Printer;

/**
 * The {@code .litmus} files under {@code src/test/resources/oracle} are the catalog programs in
 * text form, each doc line naming its verdict. Run with {@code -Doracle.writeLitmus=true} to
 * rewrite them after changing the catalog.
 */
class CatalogFilesTest {
  private static final Path DIR = Path.of("src/test/resources/oracle");

  @Test
  void everyCatalogProgramHasAnUpToDateLitmusFileStatingItsVerdict() throws IOException {
    boolean write = Boolean.getBoolean("oracle.writeLitmus");
    for (VerdictCatalog.Case c : VerdictCatalog.all()) {
      Path file = DIR.resolve(c.id() + ".litmus");
      String text = Printer.print(c.program());
      if (write) {
        Files.createDirectories(DIR);
        Files.writeString(file, text, StandardCharsets.UTF_8);
      }
      assertTrue(Files.exists(file), () -> "missing " + file);
      assertEquals(text, Files.readString(file, StandardCharsets.UTF_8), file.toString());
      assertTrue(text.contains("Verdict: " + c.expected() + "."), file.toString());
    }
  }

  @Test
  void noLitmusFileIsLeftWithoutACatalogEntry() throws IOException {
    Set<String> ids = VerdictCatalog.all().stream().map(c -> c.id() + ".litmus")
        .collect(Collectors.toSet());
    try (Stream<Path> files = Files.list(DIR)) {
      files.map(f -> f.getFileName().toString())
          .forEach(f -> assertTrue(ids.contains(f), () -> "stale file " + f));
    }
  }
}
