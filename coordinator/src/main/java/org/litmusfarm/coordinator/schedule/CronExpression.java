package org.litmusfarm.coordinator.schedule;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A five-field cron expression ({@code minute hour day-of-month month day-of-week}) as in Vixie
 * cron: each field {@code *}, a number, a range {@code a-b}, a step {@code *}{@code /n} or
 * {@code a-b/n}, or a comma-separated list of these; months and weekdays may be written as
 * {@code JAN}..{@code DEC} and {@code SUN}..{@code SAT}, Sunday is 0 or 7. When both day fields
 * are restricted a day matches if either matches. {@code @hourly}, {@code @daily} (or {@code
 * @midnight}), {@code @weekly}, {@code @monthly} and {@code @yearly} (or {@code @annually}) stand
 * for their usual expressions.
 */
public final class CronExpression {
  private static final Map<String, String> MACROS =
      Map.of(
          "@hourly", "0 * * * *",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@weekly", "0 0 * * 0",
          "@monthly", "0 0 1 * *",
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *");
  private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
  /** Days searched for the next match before giving up (covers leap-day-only expressions). */
  private static final int MAX_DAYS = 366 * 8 + 2;

  private final String text;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet days;
  private final BitSet months;
  private final BitSet weekdays;
  private final boolean anyDay;
  private final boolean anyWeekday;

  private CronExpression(String text, BitSet[] f, boolean anyDay, boolean anyWeekday) {
    this.text = text;
    this.minutes = f[0];
    this.hours = f[1];
    this.days = f[2];
    this.months = f[3];
    this.weekdays = f[4];
    this.anyDay = anyDay;
    this.anyWeekday = anyWeekday;
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming the field and what is wrong with it
   */
  public static CronExpression parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("cron expression is empty");
    }
    String trimmed = text.strip();
    String expanded = MACROS.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed);
    if (expanded.startsWith("@")) {
      throw new IllegalArgumentException("unknown cron macro '" + trimmed + "' (known: " + String.join(", ", MACROS.keySet().stream().sorted().toList()) + ")");
    }
    String[] parts = expanded.split("\\s+");
    if (parts.length != 5) {
      throw new IllegalArgumentException(
          "cron expression '" + trimmed + "' has " + parts.length + " fields; it needs 5: minute hour day-of-month month day-of-week");
    }
    BitSet[] f = {
      field("minute", parts[0], 0, 59, List.of()),
      field("hour", parts[1], 0, 23, List.of()),
      field("day-of-month", parts[2], 1, 31, List.of()),
      field("month", parts[3], 1, 12, MONTHS),
      field("day-of-week", parts[4], 0, 7, DAYS)
    };
    if (f[4].get(7)) {
      f[4].clear(7);
      f[4].set(0);
    }
    return new CronExpression(trimmed, f, parts[2].startsWith("*"), parts[4].startsWith("*"));
  }

  private static BitSet field(String name, String text, int min, int max, List<String> names) {
    BitSet out = new BitSet(max + 1);
    for (String item : text.split(",", -1)) {
      if (item.isEmpty()) {
        throw bad(name, text, "has an empty list item");
      }
      String range = item;
      int step = 1;
      int slash = item.indexOf('/');
      if (slash >= 0) {
        range = item.substring(0, slash);
        step = number(name, text, item.substring(slash + 1), List.of());
        if (step < 1) {
          throw bad(name, text, "step must be at least 1");
        }
      }
      int lo;
      int hi;
      if (range.equals("*")) {
        lo = min;
        hi = max == 7 ? 6 : max;
      } else {
        int dash = range.indexOf('-', 1);
        lo = value(name, text, dash < 0 ? range : range.substring(0, dash), min, max, names);
        hi = dash < 0 ? (slash >= 0 ? (max == 7 ? 6 : max) : lo) : value(name, text, range.substring(dash + 1), min, max, names);
        if (hi < lo) {
          throw bad(name, text, "range " + range + " runs backwards");
        }
      }
      for (int v = lo; v <= hi; v += step) {
        out.set(v);
      }
    }
    return out;
  }

  private static int value(String name, String text, String s, int min, int max, List<String> names) {
    int v = number(name, text, s, names);
    if (v < min || v > max) {
      throw bad(name, text, s + " is out of range " + min + "-" + max);
    }
    return v;
  }

  private static int number(String name, String text, String s, List<String> names) {
    int named = names.indexOf(s.toUpperCase(Locale.ROOT));
    if (named >= 0) {
      return names == MONTHS ? named + 1 : named;
    }
    if (!s.matches("[0-9]{1,4}")) {
      throw bad(name, text, "'" + s + "' is not a number" + (names.isEmpty() ? "" : " or a name such as " + names.get(1)));
    }
    return Integer.parseInt(s);
  }

  private static IllegalArgumentException bad(String name, String text, String why) {
    return new IllegalArgumentException("cron " + name + " field '" + text + "': " + why);
  }

  /** Whether {@code t} (to the minute) is a slot of this expression. */
  public boolean matches(ZonedDateTime t) {
    return minutes.get(t.getMinute()) && hours.get(t.getHour()) && dayMatches(t);
  }

  private boolean dayMatches(ZonedDateTime t) {
    if (!months.get(t.getMonthValue())) {
      return false;
    }
    boolean dom = days.get(t.getDayOfMonth());
    boolean dow = weekdays.get(t.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : t.getDayOfWeek().getValue());
    if (anyDay || anyWeekday) {
      return dom && dow;
    }
    return dom || dow;
  }

  /** The first slot strictly after {@code after}, in its zone; empty if there is none within eight years. */
  public Optional<ZonedDateTime> next(ZonedDateTime after) {
    ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    ZonedDateTime limit = after.plusDays(MAX_DAYS);
    while (t.isBefore(limit)) {
      if (!dayMatches(t)) {
        t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
      } else if (!hours.get(t.getHour())) {
        t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      } else if (!minutes.get(t.getMinute())) {
        t = t.plusMinutes(1);
      } else {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return text;
  }
}
