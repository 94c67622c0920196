package org.litmusfarm.coordinator.campaign;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed reads of one JSON object of a campaign spec, each failure an {@link
 * InvalidSpecException} naming the spec and the field ({@code nightly.json: fuzz.mutants: ...}).
 * Unknown fields are refused, so a misspelt field is never silently ignored.
 */
final class SpecFields {
  private final String origin;
  private final String path;
  private final JsonObject object;

  SpecFields(String origin, String path, JsonObject object, Set<String> known) {
    this.origin = origin;
    this.path = path;
    this.object = object;
    for (String key : object.keySet()) {
      if (!known.contains(key)) {
        throw invalid(field(key), "unknown field (known: " + String.join(", ", new TreeSet<>(known)) + ")");
      }
    }
  }

  InvalidSpecException invalid(String field, String message) {
    return new InvalidSpecException(origin, field, message);
  }

  String field(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  boolean has(String key) {
    return object.has(key) && !object.get(key).isJsonNull();
  }

  JsonElement raw(String key) {
    return object.get(key);
  }

  Optional<String> string(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonElement e = object.get(key);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw invalid(field(key), "must be a string");
    }
    return Optional.of(e.getAsString());
  }

  Optional<Double> number(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonElement e = object.get(key);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw invalid(field(key), "must be a number");
    }
    double d = e.getAsDouble();
    if (!Double.isFinite(d)) {
      throw invalid(field(key), "must be a finite number");
    }
    return Optional.of(d);
  }

  Optional<Long> integer(String key, long min, long max) {
    Optional<Double> d = number(key);
    if (d.isEmpty()) {
      return Optional.empty();
    }
    JsonPrimitive p = object.get(key).getAsJsonPrimitive();
    long v;
    try {
      v = p.getAsBigDecimal().longValueExact();
    } catch (ArithmeticException e) {
      throw invalid(field(key), "must be a whole number");
    }
    if (v < min || v > max) {
      throw invalid(field(key), "must be between " + min + " and " + max + ", not " + v);
    }
    return Optional.of(v);
  }

  Optional<Boolean> bool(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonElement e = object.get(key);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
      throw invalid(field(key), "must be true or false");
    }
    return Optional.of(e.getAsBoolean());
  }

  Optional<List<String>> strings(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonElement e = object.get(key);
    if (!e.isJsonArray()) {
      throw invalid(field(key), "must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    JsonArray a = e.getAsJsonArray();
    for (int i = 0; i < a.size(); i++) {
      JsonElement item = a.get(i);
      if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
        throw invalid(field(key) + "[" + i + "]", "must be a string");
      }
      out.add(item.getAsString());
    }
    return Optional.of(out);
  }

  Optional<SpecFields> object(String key, Set<String> known) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonElement e = object.get(key);
    if (!e.isJsonObject()) {
      throw invalid(field(key), "must be an object");
    }
    return Optional.of(new SpecFields(origin, field(key), e.getAsJsonObject(), known));
  }

  List<SpecFields> objects(String key, Set<String> known) {
    if (!has(key)) {
      return List.of();
    }
    JsonElement e = object.get(key);
    if (!e.isJsonArray()) {
      throw invalid(field(key), "must be a list of objects");
    }
    List<SpecFields> out = new ArrayList<>();
    JsonArray a = e.getAsJsonArray();
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).isJsonObject()) {
        throw invalid(field(key) + "[" + i + "]", "must be an object");
      }
      out.add(new SpecFields(origin, field(key) + "[" + i + "]", a.get(i).getAsJsonObject(), known));
    }
    return out;
  }
}
