package org.litmusfarm.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.litmusfarm.model.Diagnostic;
import org.litmusfarm.model.InvalidProgramException;
import org.litmusfarm.model.Limits;
import org.litmusfarm.model.RejectedProgramException;
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
      if (Files.size(file) > Limits.MAX_FILE_BYTES + 1L) {
        throw invalid(path, "file is larger than " + Limits.MAX_FILE_BYTES + " bytes");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UserInputException(path + ": no such file");
    } catch (IOException e) {
      throw new UserInputException(path + ": cannot read: " + e.getMessage());
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw invalid(path, "file is not valid UTF-8");
    }
    return Parser.parse(path, text);
  }

  /** Converts an oracle rejection of {@code parsed} into diagnostics at source positions. */
  static InvalidProgramException rejected(ParsedProgram parsed, RejectedProgramException e) {
    return new InvalidProgramException(e.problems().stream().map(parsed::locate).toList());
  }

  private static InvalidProgramException invalid(String path, String message) {
    return new InvalidProgramException(List.of(Diagnostic.error(path, 1, 1, message)));
  }
}
