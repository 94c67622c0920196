package org.litmusfarm.emit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the emitted source of every example under a directory, for looking at by hand. */
public final class DumpExamples {
  private DumpExamples() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    for (var p : Examples.all()) {
      Path d = dir.resolve(p.name().replaceAll("[^A-Za-z0-9_-]", "_"));
      Files.createDirectories(d);
      Files.writeString(d.resolve("main.go"), GoEmitter.emit(p, HarnessParams.defaultsFor(p)));
    }
  }
}
