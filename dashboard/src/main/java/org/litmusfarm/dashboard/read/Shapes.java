package org.litmusfarm.dashboard.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.catalog.CatalogEntry;

/**
 * The litmus shape of a program (SB, MP, IRIW, ...), from the catalog: a catalog test has its
 * entry's shape, a mutant ({@code PARENT-mHASH}) its parent's; any other program is "other".
 */
public final class Shapes {
  /** The shape of programs that are neither catalog tests nor their mutants. */
  public static final String OTHER = "other";
  /** A mutant's name: its root catalog name, then {@code -m} and 10 hex digits. */
  static final String MUTANT_SUFFIX_REGEX = "-m[0-9a-f]{10}$";

  private final Map<String, String> shapeByName = new LinkedHashMap<>();

  public Shapes(Catalog catalog) {
    for (CatalogEntry e : catalog.entries()) {
      shapeByName.put(e.name(), e.shape());
    }
  }

  /** The shape of the program named {@code name}. */
  public String of(String name) {
    return shapeByName.getOrDefault(name.replaceFirst(MUTANT_SUFFIX_REGEX, ""), OTHER);
  }

  /** Every shape, sorted, then "other". */
  public List<String> all() {
    List<String> out = new ArrayList<>(new TreeSet<>(shapeByName.values()));
    out.add(OTHER);
    return out;
  }

  /** Whether {@code shape} is one of {@link #all()}. */
  public boolean known(String shape) {
    return OTHER.equals(shape) || shapeByName.containsValue(shape);
  }

  /** The catalog test names of {@code shape}; for "other", every catalog name (to exclude). */
  String[] namesOf(String shape) {
    return shapeByName.entrySet().stream()
        .filter(e -> OTHER.equals(shape) || e.getValue().equals(shape))
        .map(Map.Entry::getKey)
        .toArray(String[]::new);
  }
}
