package org.litmusfarm.emit;

/** Builds gofmt-formatted Go text line by line: tab indentation, no trailing spaces. */
final class GoWriter {
  private final StringBuilder out = new StringBuilder();
  private int depth;

  /** Writes one line at the current indentation; an empty string writes an empty line. */
  GoWriter line(String text) {
    if (!text.isEmpty()) {
      out.append("\t".repeat(depth)).append(text);
    }
    out.append('\n');
    return this;
  }

  /** Writes {@code text} (ending in a brace) and indents the lines after it. */
  GoWriter open(String text) {
    line(text);
    depth++;
    return this;
  }

  /** Unindents and writes {@code text} (starting with a closing brace). */
  GoWriter close(String text) {
    depth--;
    return line(text);
  }

  /** Writes {@code text} unindented lines, for fixed parts of the file. */
  GoWriter raw(String text) {
    out.append(text);
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /** A Go interpreted string literal for ASCII-safe text. */
  static String quote(String text) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
