package org.litmusfarm.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.litmusfarm.model.OutcomeClass;

/**
 * The catalog of classic litmus tests with their expected verdicts. {@link #load()} reads the
 * checked-in {@code catalog/index.tsv} and {@code catalog/NAME.litmus} resources (entries carry
 * text); {@link #generate()} builds the same tests as model programs (entries carry programs).
 */
public final class Catalog {
  /** Classpath folder of the checked-in catalog. */
  public static final String RESOURCE_DIR = "catalog/";
  /** Index file: {@code name<TAB>expected verdict<TAB>gomm reference}, one test a line. */
  public static final String INDEX = RESOURCE_DIR + "index.tsv";

  private final List<CatalogEntry> entries;

  private Catalog(List<CatalogEntry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The catalog as generated model programs. */
  public static Catalog generate() {
    return new Catalog(CatalogGenerator.generate());
  }

  /**
   * The checked-in catalog, read from the classpath: the index first, then each listed file.
   * Entries carry text only; their shape is the part of the name before the last variant.
   *
   * @throws IllegalStateException if the index or a listed file is missing or malformed
   */
  public static Catalog load() {
    ClassLoader loader = Catalog.class.getClassLoader();
    List<CatalogEntry> entries = new ArrayList<>();
    String index = read(loader, INDEX);
    int lineNo = 0;
    for (String line : index.split("\n", -1)) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length != 3) {
        throw new IllegalStateException(INDEX + ":" + lineNo + ": expected 3 tab-separated columns");
      }
      OutcomeClass expected;
      try {
        expected = OutcomeClass.valueOf(cols[1]);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(INDEX + ":" + lineNo + ": unknown verdict '" + cols[1] + "'");
      }
      String text = read(loader, RESOURCE_DIR + cols[0] + ".litmus");
      entries.add(new CatalogEntry(cols[0], shapeOf(cols[0]), expected, cols[2], Optional.empty(), Optional.of(text)));
    }
    return new Catalog(entries);
  }

  /** Every entry, in index (or generation) order. */
  public List<CatalogEntry> entries() {
    return entries;
  }

  /** The entry named {@code name}, if any. */
  public Optional<CatalogEntry> find(String name) {
    return entries.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** The shape part of a catalog name: {@code 2+2W} and {@code W+RWC} keep their plus sign. */
  static String shapeOf(String name) {
    for (String twoPart : List.of("2+2W", "W+RWC", "LB+data", "LB+ctrl")) {
      if (name.startsWith(twoPart + "+")) {
        return twoPart;
      }
    }
    int plus = name.indexOf('+');
    return plus < 0 ? name : name.substring(0, plus);
  }

  private static String read(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("catalog resource " + resource + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read catalog resource " + resource, e);
    }
  }
}
