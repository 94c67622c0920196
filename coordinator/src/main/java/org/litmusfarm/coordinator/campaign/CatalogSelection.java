package org.litmusfarm.coordinator.campaign;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.catalog.CatalogEntry;

/**
 * Which catalog tests a campaign runs: every test ({@code all}), or the union of tests named
 * exactly, tests of the given shapes (e.g. {@code SB}, {@code 2+2W}) and tests whose names match
 * a glob ({@code *} any run of characters, {@code ?} one character). Selected tests keep catalog
 * order.
 */
public record CatalogSelection(boolean all, List<String> names, List<String> shapes, List<String> globs) {
  public CatalogSelection {
    names = List.copyOf(names);
    shapes = List.copyOf(shapes);
    globs = List.copyOf(globs);
  }

  /** Whether nothing is selected at all. */
  boolean isEmpty() {
    return !all && names.isEmpty() && shapes.isEmpty() && globs.isEmpty();
  }

  /**
   * The selected entries of {@code catalog}, in catalog order.
   *
   * @throws InvalidSpecException naming {@code origin} and the selector that selects nothing
   */
  List<CatalogEntry> resolve(Catalog catalog, String origin) {
    Set<String> chosen = new LinkedHashSet<>();
    if (all) {
      catalog.entries().forEach(e -> chosen.add(e.name()));
    }
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (catalog.find(name).isEmpty()) {
        throw new InvalidSpecException(origin, "select.names[" + i + "]", "no catalog test named '" + name + "'");
      }
      chosen.add(name);
    }
    for (int i = 0; i < shapes.size(); i++) {
      String shape = shapes.get(i);
      List<CatalogEntry> of = catalog.entries().stream().filter(e -> e.shape().equals(shape)).toList();
      if (of.isEmpty()) {
        throw new InvalidSpecException(origin, "select.shapes[" + i + "]", "no catalog test has the shape '" + shape + "'");
      }
      of.forEach(e -> chosen.add(e.name()));
    }
    for (int i = 0; i < globs.size(); i++) {
      Pattern p = glob(globs.get(i));
      List<CatalogEntry> of = catalog.entries().stream().filter(e -> p.matcher(e.name()).matches()).toList();
      if (of.isEmpty()) {
        throw new InvalidSpecException(origin, "select.globs[" + i + "]", "'" + globs.get(i) + "' matches no catalog test");
      }
      of.forEach(e -> chosen.add(e.name()));
    }
    List<CatalogEntry> out = new ArrayList<>();
    for (CatalogEntry e : catalog.entries()) {
      if (chosen.contains(e.name())) {
        out.add(e);
      }
    }
    return out;
  }

  /** A glob over test names as a regular expression: {@code *} and {@code ?}, everything else literal. */
  static Pattern glob(String glob) {
    StringBuilder re = new StringBuilder();
    for (char ch : glob.toCharArray()) {
      switch (ch) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    return Pattern.compile(re.toString());
  }
}
