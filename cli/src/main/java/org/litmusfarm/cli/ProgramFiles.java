package org.litmusfarm.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes program texts into an output directory, atomically, one {@code NAME.litmus} a program. */
final class ProgramFiles {
  private final Path dir;

  ProgramFiles(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UserInputException(dir + ": cannot create directory: " + e.getMessage());
    }
  }

  /** Writes {@code text} as {@code name.litmus} (or {@code name} as given when it has a dot-extension). */
  Path write(String fileName, String text) {
    Path target = dir.resolve(fileName);
    try {
      Path tmp = Files.createTempFile(dir, ".farm-", ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UserInputException(target + ": cannot write: " + e.getMessage());
    }
  }
}
