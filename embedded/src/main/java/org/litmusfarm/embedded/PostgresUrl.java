package org.litmusfarm.embedded;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a PostgreSQL JDBC URL that matter here: everything before the database name, the
 * name, and the parameters after it. Only the {@code jdbc:postgresql://host[:port][,...]/name}
 * form is accepted.
 */
record PostgresUrl(String prefix, String database, String parameters) {
  private static final Pattern FORM =
      Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");

  static PostgresUrl parse(String url) {
    Matcher m = FORM.matcher(url);
    if (!m.matches() || m.group(2).isEmpty()) {
      throw new IllegalArgumentException(
          "not a postgres jdbc url of the form jdbc:postgresql://host:port/database: " + url);
    }
    return new PostgresUrl(m.group(1), m.group(2), m.group(3) == null ? "" : m.group(3));
  }

  /** The same server and parameters with another database. */
  String withDatabase(String name) {
    return prefix + name + parameters;
  }
}
