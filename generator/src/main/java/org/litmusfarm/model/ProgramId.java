package org.litmusfarm.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A program's identity: the lower-case hex SHA-256 of its canonical printed text. */
public record ProgramId(String hex) {
  public ProgramId {
    if (!hex.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a SHA-256 hex digest: " + hex);
    }
  }

  /** Hashes canonical text (as printed by the text package's printer). */
  public static ProgramId ofCanonicalText(String canonicalText) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return new ProgramId(
          HexFormat.of().formatHex(sha.digest(canonicalText.getBytes(StandardCharsets.UTF_8))));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  /** The first 12 hex digits, for logs and file names. */
  public String shortHex() {
    return hex.substring(0, 12);
  }

  @Override
  public String toString() {
    return hex;
  }
}
