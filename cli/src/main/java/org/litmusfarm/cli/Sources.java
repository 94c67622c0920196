package org.litmusfarm.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.litmusfarm.model.Diagnostic;
import org.litmusfarm.model.InvalidProgramException;
import org.litmusfarm.model.Limits;
import org.litmusfarm.model.RejectedProgramException;
import org.litmusfarm.oracle.Decision;
import org.litmusfarm.oracle.Oracle;
import org.litmusfarm.text.ParsedProgram;
import org.litmusfarm.text.Parser;

/** Reads {@code .litmus} files from disk into parsed programs, with user-facing errors. */
final class Sources {
  private Sources() {}

  /** Reads and parses {@code file}; unreadable or invalid files become exceptions with reasons. */
  static ParsedProgram read(Path file) {
    String path = file.toString();
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw new UserInputException(path + ": is a directory, not a .litmus file");
      }
      if (Files.size(file) > Limits.MAX_FILE_BYTES + 1L) {
        throw new InvalidProgramException(
            List.of(
                Diagnostic.error(path, 1, 1, "file is larger than " + Limits.MAX_FILE_BYTES + " bytes")));
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UserInputException(path + ": no such file");
    } catch (IOException e) {
      throw new UserInputException(path + ": cannot read: " + e.getMessage());
    }
    return Parser.parse(path, bytes);
  }

  /**
   * Decides {@code parsed} with {@code oracle}; a rejection (blocking, too large) becomes
   * diagnostics at the source positions of the statements involved.
   */
  static Decision decide(Oracle oracle, ParsedProgram parsed) {
    try {
      return oracle.decide(parsed.program());
    } catch (RejectedProgramException e) {
      throw new InvalidProgramException(e.problems().stream().map(parsed::locate).toList());
    }
  }
}
