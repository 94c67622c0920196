package org.litmusfarm.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.litmusfarm.text.Printer;

/**
 * The checked-in {@code .litmus} files and {@code index.tsv} are exactly what the generator builds.
 * Run with {@code -Dcatalog.write=true} to rewrite them from the generator first.
 */
class CatalogFilesTest {
  private static final Path DIR = Path.of("src/main/resources/catalog");

  @Test
  void checkedInFilesMatchTheGenerator() throws IOException {
    List<CatalogEntry> generated = CatalogGenerator.generate();
    if (Boolean.getBoolean("catalog.write")) {
      write(generated);
    }
    List<String> index = new ArrayList<>();
    for (CatalogEntry e : generated) {
      index.add(e.name() + "\t" + e.expected() + "\t" + e.reference());
      String expectedText = Printer.print(e.program().orElseThrow());
      assertEquals(expectedText, Files.readString(DIR.resolve(e.name() + ".litmus")), e.name());
    }
    assertEquals(String.join("\n", index) + "\n", Files.readString(DIR.resolve("index.tsv")));
    TreeSet<String> onDisk = litmusFilesOnDisk();
    TreeSet<String> names = new TreeSet<>(generated.stream().map(CatalogEntry::name).toList());
    assertEquals(names, onDisk, "the catalog folder holds exactly the generated files");
  }

  @Test
  void loadReadsTheIndexAndEveryListedFile() throws IOException {
    Catalog loaded = Catalog.load();
    List<CatalogEntry> generated = CatalogGenerator.generate();
    assertEquals(generated.size(), loaded.entries().size());
    for (int i = 0; i < generated.size(); i++) {
      CatalogEntry g = generated.get(i);
      CatalogEntry l = loaded.entries().get(i);
      assertEquals(g.name(), l.name());
      assertEquals(g.expected(), l.expected(), g.name());
      assertEquals(g.reference(), l.reference(), g.name());
      assertEquals(g.shape(), l.shape(), g.name());
      assertEquals(Files.readString(DIR.resolve(g.name() + ".litmus")), l.text().orElseThrow());
    }
  }

  private static TreeSet<String> litmusFilesOnDisk() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".litmus"))
          .map(n -> n.substring(0, n.length() - ".litmus".length()))
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }

  private static void write(List<CatalogEntry> entries) throws IOException {
    for (String stale : litmusFilesOnDisk()) {
      Files.delete(DIR.resolve(stale + ".litmus"));
    }
    StringBuilder index = new StringBuilder();
    for (CatalogEntry e : entries) {
      Files.writeString(DIR.resolve(e.name() + ".litmus"), Printer.print(e.program().orElseThrow()),
          StandardCharsets.UTF_8);
      index.append(e.name()).append('\t').append(e.expected()).append('\t').append(e.reference()).append('\n');
    }
    Files.writeString(DIR.resolve("index.tsv"), index.toString(), StandardCharsets.UTF_8);
  }
}
