package org.litmusfarm.harness;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.litmusfarm.model.Outcome;

/** Parses the one JSON object an emitted harness prints on stdout. */
final class ResultParser {
  private ResultParser() {}

  /** Parses {@code stdout}; throws IllegalStateException naming what is wrong with it. */
  static RunResult parse(String stdout, String mode) {
    String text = stdout.strip();
    if (text.isEmpty()) {
      throw new IllegalStateException("the harness printed nothing on stdout");
    }
    try {
      JsonElement root = JsonParser.parseString(text);
      if (!root.isJsonObject()) {
        throw new IllegalStateException("garbage output from the harness: not a JSON object: " + excerpt(text));
      }
      JsonObject o = root.getAsJsonObject();
      Map<String, String> params = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> e : object(o, "params").entrySet()) {
        JsonElement v = e.getValue();
        params.put(e.getKey(), v.isJsonPrimitive() ? v.getAsString() : v.toString());
      }
      Map<Outcome, Long> histogram = new LinkedHashMap<>();
      for (JsonElement e : array(o, "outcomes")) {
        if (!e.isJsonObject()) {
          throw new IllegalArgumentException("an outcome entry is not an object");
        }
        JsonObject entry = e.getAsJsonObject();
        histogram.merge(Outcome.parse(string(entry, "outcome")), number(entry, "count"), Long::sum);
      }
      return new RunResult(
          string(o, "program"),
          string(o, "goos"),
          string(o, "goarch"),
          string(o, "go_version"),
          (int) number(o, "cpus"),
          number(o, "iterations"),
          Duration.ofNanos(number(o, "elapsed_ns")),
          params,
          histogram,
          mode);
    } catch (JsonParseException | IllegalArgumentException | UnsupportedOperationException e) {
      throw new IllegalStateException("garbage output from the harness: " + e.getMessage() + ": " + excerpt(text), e);
    }
  }

  private static String excerpt(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }

  private static JsonElement field(JsonObject o, String name) {
    JsonElement e = o.get(name);
    if (e == null || e.isJsonNull()) {
      throw new IllegalArgumentException("missing field '" + name + "'");
    }
    return e;
  }

  private static String string(JsonObject o, String name) {
    JsonElement e = field(o, name);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw new IllegalArgumentException("field '" + name + "' is not a string");
    }
    return e.getAsString();
  }

  private static long number(JsonObject o, String name) {
    JsonElement e = field(o, name);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw new IllegalArgumentException("field '" + name + "' is not a number");
    }
    return e.getAsLong();
  }

  private static JsonObject object(JsonObject o, String name) {
    JsonElement e = field(o, name);
    if (!e.isJsonObject()) {
      throw new IllegalArgumentException("field '" + name + "' is not an object");
    }
    return e.getAsJsonObject();
  }

  private static JsonArray array(JsonObject o, String name) {
    JsonElement e = field(o, name);
    if (!e.isJsonArray()) {
      throw new IllegalArgumentException("field '" + name + "' is not an array");
    }
    return e.getAsJsonArray();
  }
}
