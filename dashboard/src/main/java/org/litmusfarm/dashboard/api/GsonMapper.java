package org.litmusfarm.dashboard.api;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import io.javalin.json.JsonMapper;
import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Optional;

/**
 * The API's JSON: record components in snake_case, instants as ISO-8601 strings, empty optionals
 * as null. Malformed request bodies are IllegalArgumentException (400).
 */
public final class GsonMapper implements JsonMapper {
  static final Gson GSON =
      new GsonBuilder()
          .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
          .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe())
          .registerTypeHierarchyAdapter(Optional.class, new OptionalAdapter())
          .disableHtmlEscaping()
          .create();

  @Override
  public String toJsonString(Object obj, Type type) {
    return GSON.toJson(obj, type);
  }

  @Override
  public <T> T fromJsonString(String json, Type targetType) {
    try {
      T value = GSON.fromJson(json, targetType);
      if (value == null) {
        throw new IllegalArgumentException("the request body must be a JSON object");
      }
      return value;
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("the request body is not valid JSON for this call: " + e.getMessage());
    }
  }

  private static final class InstantAdapter extends TypeAdapter<Instant> {
    @Override
    public void write(JsonWriter out, Instant value) throws IOException {
      out.value(value.toString());
    }

    @Override
    public Instant read(JsonReader in) throws IOException {
      return Instant.parse(in.nextString());
    }
  }

  private static final class OptionalAdapter extends TypeAdapter<Optional<?>> {
    @Override
    public void write(JsonWriter out, Optional<?> value) throws IOException {
      if (value == null || value.isEmpty()) {
        out.nullValue();
      } else {
        GSON.toJson(value.get(), value.get().getClass(), out);
      }
    }

    @Override
    public Optional<?> read(JsonReader in) throws IOException {
      if (in.peek() == JsonToken.NULL) {
        in.nextNull();
        return Optional.empty();
      }
      return Optional.of(in.nextString());
    }
  }
}
