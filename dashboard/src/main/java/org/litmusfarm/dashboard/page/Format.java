package org.litmusfarm.dashboard.page;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.litmusfarm.dashboard.read.Mode;

/** How templates show numbers, times, ids and modes. */
public final class Format {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Format() {}

  /** {@code 1,234,567}. */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A frequency per million with three significant digits, e.g. {@code 12.3} or {@code 0.0451}. */
  public static String perMillion(double f) {
    if (f == 0) {
      return "0";
    }
    return new java.math.BigDecimal(f).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
  }

  /** {@code 2026-11-28 10:22:03 UTC}, or a dash. */
  public static String time(Instant t) {
    return t == null ? "—" : TIME.format(t);
  }

  /** {@code 5 s ago}, {@code 3 min ago}, {@code 2 h ago}, {@code 4 d ago}. */
  public static String ago(Instant t) {
    if (t == null) {
      return "never";
    }
    long s = Math.max(0, Duration.between(t, Instant.now()).getSeconds());
    if (s < 120) {
      return s + " s ago";
    }
    if (s < 7200) {
      return s / 60 + " min ago";
    }
    if (s < 172800) {
      return s / 3600 + " h ago";
    }
    return s / 86400 + " d ago";
  }

  /** The first 12 hex digits of a program id. */
  public static String shortId(String id) {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }

  /** {@code native}, or the emulator's name for an emulated mode. */
  public static String modeName(String mode) {
    return Mode.emulator(mode).map(e -> "emulated (" + e + ")").orElse(mode);
  }

  public static boolean emulated(String mode) {
    return mode != null && !mode.isEmpty() && !Mode.isNative(mode);
  }

  /** The CSS class of an outcome class: sc, weak, forbidden (or none for ""). */
  public static String css(String outcomeClass) {
    return outcomeClass == null || outcomeClass.isEmpty() ? "none" : outcomeClass.toLowerCase(Locale.ROOT);
  }
}
