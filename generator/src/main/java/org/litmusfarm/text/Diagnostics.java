package org.litmusfarm.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.litmusfarm.model.Diagnostic;

/** Collects the diagnostics of one parse, for one path. */
final class Diagnostics {
  private static final Comparator<Diagnostic> SOURCE_ORDER =
      Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column);

  private final String path;
  private final List<Diagnostic> errors = new ArrayList<>();
  private final List<Diagnostic> warnings = new ArrayList<>();

  Diagnostics(String path) {
    this.path = path;
  }

  String path() {
    return path;
  }

  void error(int line, int column, String message) {
    errors.add(Diagnostic.error(path, line, column, message));
  }

  void error(Token at, String message) {
    error(at.line(), at.column(), message);
  }

  void add(Diagnostic d) {
    (d.severity() == Diagnostic.Severity.ERROR ? errors : warnings).add(d);
  }

  boolean hasErrors() {
    return !errors.isEmpty();
  }

  List<Diagnostic> warnings() {
    return sorted(warnings);
  }

  /** Errors and warnings together, in source order. */
  List<Diagnostic> all() {
    List<Diagnostic> all = new ArrayList<>(errors);
    all.addAll(warnings);
    return sorted(all);
  }

  private static List<Diagnostic> sorted(List<Diagnostic> ds) {
    List<Diagnostic> copy = new ArrayList<>(ds);
    copy.sort(SOURCE_ORDER);
    return List.copyOf(copy);
  }
}
