package org.litmusfarm.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The one JSON writer of the CLI, so every command prints the same style. */
final class Json {
  static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private Json() {}
}
