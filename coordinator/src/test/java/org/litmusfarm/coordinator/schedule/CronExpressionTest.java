package org.litmusfarm.coordinator.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CronExpressionTest {
  private static ZonedDateTime at(String iso) {
    return ZonedDateTime.parse(iso);
  }

  private static ZonedDateTime next(String cron, String after) {
    return CronExpression.parse(cron).next(at(after)).orElseThrow();
  }

  @Test
  void nightlyFiresAtTwoTheSameDayOrTheNext() {
    assertEquals(at("2026-03-05T02:00Z"), next("0 2 * * *", "2026-03-05T01:59:59Z"));
    assertEquals(at("2026-03-06T02:00Z"), next("0 2 * * *", "2026-03-05T02:00Z"));
    assertEquals(at("2027-01-01T02:00Z"), next("0 2 * * *", "2026-12-31T03:00Z"));
  }

  @Test
  void listsRangesAndStepsCombine() {
    CronExpression c = CronExpression.parse("*/15 9-17/4 * * *");
    assertTrue(c.matches(at("2026-03-05T09:45Z")));
    assertTrue(c.matches(at("2026-03-05T13:00Z")));
    assertTrue(c.matches(at("2026-03-05T17:30Z")));
    assertFalse(c.matches(at("2026-03-05T10:00Z")));
    assertFalse(c.matches(at("2026-03-05T09:10Z")));
    assertEquals(at("2026-03-05T05:07Z"), next("7,3,5 5 * * *", "2026-03-05T05:05Z"));
  }

  @Test
  void weekdaysAndMonthsMayBeNamedAndSundayIsZeroOrSeven() {
    // 2026-03-05 is a Thursday.
    assertEquals(at("2026-03-09T00:00Z"), next("0 0 * * MON-FRI", "2026-03-06T00:00Z"));
    assertEquals(at("2026-03-08T00:00Z"), next("0 0 * * 7", "2026-03-05T00:00Z"));
    assertEquals(at("2026-03-08T00:00Z"), next("0 0 * * sun", "2026-03-05T00:00Z"));
    assertEquals(at("2026-06-01T00:00Z"), next("0 0 1 jun *", "2026-03-05T00:00Z"));
  }

  @Test
  void restrictedDayOfMonthAndWeekdayMatchEither() {
    // the 13th, or any Friday
    CronExpression c = CronExpression.parse("0 0 13 * 5");
    assertTrue(c.matches(at("2026-03-13T00:00Z")));
    assertTrue(c.matches(at("2026-03-06T00:00Z")));
    assertFalse(c.matches(at("2026-03-07T00:00Z")));
    // with a star in one of them both must hold: a star day-of-month matches every day
    assertEquals(at("2026-03-06T00:00Z"), next("0 0 * * 5", "2026-03-05T00:00Z"));
  }

  @Test
  void leapDaysAreFoundYearsAheadAndImpossibleDatesNever() {
    assertEquals(at("2028-02-29T00:00Z"), next("0 0 29 2 *", "2026-03-05T00:00Z"));
    assertEquals(Optional.empty(), CronExpression.parse("0 0 31 2 *").next(at("2026-03-05T00:00Z")));
  }

  @Test
  void macrosStandForTheirExpressions() {
    assertEquals(at("2026-03-06T00:00Z"), next("@daily", "2026-03-05T00:00Z"));
    assertEquals(at("2026-03-05T01:00Z"), next("@hourly", "2026-03-05T00:00Z"));
    assertEquals(at("2026-04-01T00:00Z"), next("@monthly", "2026-03-05T00:00Z"));
  }

  @Test
  void malformedExpressionsAreRefusedNamingTheField() {
    assertEquals("cron expression '0 2 * *' has 4 fields; it needs 5: minute hour day-of-month month day-of-week",
        assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 2 * *")).getMessage());
    assertEquals("cron hour field '24': 24 is out of range 0-23",
        assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 24 * * *")).getMessage());
    assertEquals("cron minute field '*/0': step must be at least 1",
        assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("*/0 * * * *")).getMessage());
    assertEquals("cron day-of-month field '5-2': range 5-2 runs backwards",
        assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 0 5-2 * *")).getMessage());
    assertEquals("cron month field 'JANUARY': 'JANUARY' is not a number or a name such as FEB",
        assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 0 1 JANUARY *")).getMessage());
    assertEquals("cron minute field '1,,2': has an empty list item",
        assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("1,,2 * * * *")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("@sometimes")).getMessage().startsWith("unknown cron macro"));
    assertThrows(IllegalArgumentException.class, () -> CronExpression.parse(" "));
  }
}
