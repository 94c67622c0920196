package org.litmusfarm.coordinator.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where campaign specs are found by name: {@code NAME.json} in a directory (the repository's
 * {@code campaigns/}, or one configured), else the copy of {@code campaigns/} built into the
 * coordinator. A spec's {@code name} field must match its file name.
 */
public final class SpecLibrary {
  /** Classpath folder holding the repository's {@code campaigns/} at build time. */
  static final String RESOURCE_DIR = "campaigns/";

  private final Optional<Path> directory;

  /** Specs from {@code directory} first (if present and existing), then the built-in ones. */
  public SpecLibrary(Optional<Path> directory) {
    this.directory = directory;
  }

  /** A named spec's file name and text, if there is one. */
  public record Found(String origin, String text) {}

  /**
   * The spec called {@code name}.
   *
   * @throws IllegalArgumentException if the name is malformed
   */
  public Optional<Found> find(String name) {
    if (!CampaignSpec.NAME.matcher(name).matches() || name.startsWith(".")) {
      throw new IllegalArgumentException("campaign spec name must be 1-64 letters, digits, '.', '_' or '-', not '" + name + "'");
    }
    if (directory.isPresent()) {
      Path file = directory.get().resolve(name + ".json");
      if (Files.isRegularFile(file)) {
        try {
          return Optional.of(new Found(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read campaign spec " + file + ": " + e.getMessage(), e);
        }
      }
    }
    String resource = RESOURCE_DIR + name + ".json";
    try (InputStream in = SpecLibrary.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new Found(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read campaign spec " + resource + ": " + e.getMessage(), e);
    }
  }
}
