package org.litmusfarm.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.litmusfarm.model.Diagnostic;
import org.litmusfarm.model.InvalidProgramException;
import org.litmusfarm.model.Limits;
import org.litmusfarm.model.Problem;
import org.litmusfarm.model.Validator;

/** Parses {@code .litmus} text into a validated model program. */
public final class Parser {
  private Parser() {}

  /**
   * Parses and validates {@code text}; {@code path} is used in diagnostics only.
   *
   * @throws InvalidProgramException with every error found, as {@code path:line:col: message}
   */
  public static ParsedProgram parse(String path, String text) {
    int tooFar = offsetPastLimit(text);
    if (tooFar >= 0) {
      throw tooLarge(path, text, tooFar);
    }
    return parseChecked(path, text);
  }

  /**
   * Decodes {@code bytes} as strict UTF-8, then parses and validates them like {@link #parse(String,
   * String)}.
   *
   * @throws InvalidProgramException for a file over the size limit, bad UTF-8 or a bad program
   */
  public static ParsedProgram parse(String path, byte[] bytes) {
    if (bytes.length > Limits.MAX_FILE_BYTES) {
      String prefix = new String(bytes, 0, Limits.MAX_FILE_BYTES, StandardCharsets.UTF_8);
      throw tooLarge(path, prefix, prefix.length());
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      String prefix = out.flip().toString();
      throw at(
          path,
          prefix,
          prefix.length(),
          String.format(
              "invalid UTF-8: bad byte sequence starting with 0x%02X",
              bytes[in.position()] & 0xff));
    }
    decoder.flush(out);
    return parseChecked(path, out.flip().toString());
  }

  private static ParsedProgram parseChecked(String path, String text) {
    Diagnostics diagnostics = new Diagnostics(path);
    List<Token> tokens = Lexer.tokenize(text, diagnostics);
    LitmusParser.Result parsed = LitmusParser.parse(tokens, diagnostics);
    if (parsed.program() == null) {
      throw new InvalidProgramException(diagnostics.all());
    }
    boolean syntaxErrors = diagnostics.hasErrors();
    for (Problem p : Validator.check(parsed.program())) {
      if (!syntaxErrors || keepDespiteSyntaxErrors(p)) {
        diagnostics.add(parsed.map().locate(path, p));
      }
    }
    if (diagnostics.hasErrors()) {
      throw new InvalidProgramException(diagnostics.all());
    }
    return new ParsedSource(path, parsed.program(), diagnostics.warnings(), parsed.map());
  }

  /**
   * After a syntax error the program lacks the statements that failed to parse, so only problems
   * that cannot be caused by a missing statement are worth reporting.
   */
  private static boolean keepDespiteSyntaxErrors(Problem p) {
    return p.isError()
        && !(p.where() instanceof Problem.Where.InExists)
        && !(p.where() instanceof Problem.Where.InObserve)
        && !(p.where() instanceof Problem.Where.Whole);
  }

  /** The index of the first char whose UTF-8 encoding ends past the limit, or -1. */
  private static int offsetPastLimit(String text) {
    if (text.length() <= Limits.MAX_FILE_BYTES / 3) {
      return -1;
    }
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
      if (bytes > Limits.MAX_FILE_BYTES) {
        return i;
      }
    }
    return -1;
  }

  private static InvalidProgramException tooLarge(String path, String text, int offset) {
    return at(
        path,
        text,
        offset,
        "file is larger than the limit of " + Limits.MAX_FILE_BYTES + " bytes (64 KiB)");
  }

  /** An exception with one error at char {@code offset} of {@code text}. */
  private static InvalidProgramException at(String path, String text, int offset, String message) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = text.codePointCount(lineStart, offset) + 1;
    return new InvalidProgramException(List.of(Diagnostic.error(path, line, column, message)));
  }
}
