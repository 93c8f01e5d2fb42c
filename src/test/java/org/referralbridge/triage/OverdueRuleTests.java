package org.referralbridge.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OverdueRuleTests {

  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final OverdueRule TWO_DAYS = new OverdueRule();

  // 2026-11-09 is a Monday, 2026-11-13 a Friday.

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @CsvSource({
      "2026-11-09T10:00, 2026-11-09T17:00, 0",
      "2026-11-09T10:00, 2026-11-10T00:00, 1",
      "2026-11-09T10:00, 2026-11-11T23:59, 2",
      "2026-11-09T10:00, 2026-11-12T00:00, 3",
      "2026-11-13T15:00, 2026-11-14T12:00, 0",
      "2026-11-13T15:00, 2026-11-15T12:00, 0",
      "2026-11-13T15:00, 2026-11-16T08:00, 1",
      "2026-11-14T09:00, 2026-11-16T08:00, 1",
      "2026-11-14T09:00, 2026-11-15T08:00, 0",
      "2026-11-09T10:00, 2026-11-16T10:00, 5",
      "2026-11-09T10:00, 2026-11-30T10:00, 15",
      "2026-11-12T10:00, 2026-11-09T10:00, 0"})
  void businessDaysCountWeekdaysBegunAfterTheDayOfAuthoring(String from, String to, long expected) {
    assertThat(OverdueRule.businessDaysBetween(utc(from), utc(to), ZoneOffset.UTC)).isEqualTo(expected);
  }

  @Test
  void aMondayReferralIsDueByTheEndOfWednesdayAndOverdueFromThursday() {
    Instant authored = la("2026-11-09T10:00");

    assertThat(TWO_DAYS.isOverdue(authored, "2.0", la("2026-11-11T23:59"), LOS_ANGELES)).isFalse();
    assertThat(TWO_DAYS.isOverdue(authored, "2.0", la("2026-11-12T00:00"), LOS_ANGELES)).isTrue();
    assertThat(TWO_DAYS.overdueFrom(authored, LOS_ANGELES)).isEqualTo(la("2026-11-12T00:00"));
  }

  @ParameterizedTest(name = "authored {0}")
  @ValueSource(strings = {"2026-11-13T15:00", "2026-11-14T09:00", "2026-11-15T22:00"})
  void aReferralFromFridayOrTheWeekendIsOverdueFromWednesday(String authoredLocal) {
    Instant authored = la(authoredLocal);

    assertThat(TWO_DAYS.isOverdue(authored, "2.0", la("2026-11-16T09:00"), LOS_ANGELES)).isFalse();
    assertThat(TWO_DAYS.isOverdue(authored, "2.0", la("2026-11-17T23:59"), LOS_ANGELES)).isFalse();
    assertThat(TWO_DAYS.isOverdue(authored, "2.0", la("2026-11-18T00:00"), LOS_ANGELES)).isTrue();
  }

  @Test
  void weekendDaysDoNotCountTowardsTheDeadline() {
    Instant thursday = la("2026-11-12T16:00");

    assertThat(TWO_DAYS.isOverdue(thursday, "2.0", la("2026-11-15T23:00"), LOS_ANGELES)).isFalse();
    assertThat(TWO_DAYS.isOverdue(thursday, "2.0", la("2026-11-16T23:00"), LOS_ANGELES)).isFalse();
    assertThat(TWO_DAYS.isOverdue(thursday, "2.0", la("2026-11-17T00:00"), LOS_ANGELES)).isTrue();
  }

  @Test
  void theClinicsTimeZoneDecidesWhichDayAnInstantFallsOn() {
    Instant authored = Instant.parse("2026-11-13T23:30:00Z"); // Friday 15:30 in Los Angeles, Saturday 00:30 in Berlin
    Instant now = Instant.parse("2026-11-17T23:30:00Z"); // Tuesday 15:30 in Los Angeles, Wednesday 00:30 in Berlin

    assertThat(TWO_DAYS.isOverdue(authored, "2.0", now, LOS_ANGELES)).isFalse();
    assertThat(TWO_DAYS.isOverdue(authored, "2.0", now, ZoneOffset.UTC)).isFalse();
    assertThat(TWO_DAYS.isOverdue(authored, "2.0", now, BERLIN)).isTrue();
    assertThat(OverdueRule.businessDaysBetween(authored, now, LOS_ANGELES)).isEqualTo(2);
    assertThat(OverdueRule.businessDaysBetween(authored, now, BERLIN)).isEqualTo(3);
  }

  @Test
  void theDeadlineIsMidnightInTheClinicsZoneAcrossTheEndOfDaylightSavingTime() {
    Instant friday = la("2026-10-30T11:00"); // clocks go back on Sunday 2026-11-01

    assertThat(TWO_DAYS.overdueFrom(friday, LOS_ANGELES)).isEqualTo(Instant.parse("2026-11-04T08:00:00Z"));
    assertThat(TWO_DAYS.isOverdue(friday, "2.0", Instant.parse("2026-11-04T07:59:59Z"), LOS_ANGELES)).isFalse();
    assertThat(TWO_DAYS.isOverdue(friday, "2.0", Instant.parse("2026-11-04T08:00:00Z"), LOS_ANGELES)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"3.0", "4.0", "5.1.1", "5.1.3", "6.0", "7.0", "unknown"})
  void onlyAReferralStillCreatedCanBeOverdue(String status) {
    assertThat(TWO_DAYS.isOverdue(la("2026-11-09T10:00"), status, la("2026-12-31T10:00"), LOS_ANGELES)).isFalse();
  }

  @Test
  void aCreatedCodeWithBlanksCountsAndAMissingAuthoredTimeIsNeverOverdue() {
    assertThat(TWO_DAYS.isOverdue(la("2026-11-09T10:00"), " 2.0 ", la("2026-12-31T10:00"), LOS_ANGELES)).isTrue();
    assertThat(TWO_DAYS.isOverdue(null, "2.0", la("2026-12-31T10:00"), LOS_ANGELES)).isFalse();
    assertThat(TWO_DAYS.isOverdue(la("2026-11-09T10:00"), null, la("2026-12-31T10:00"), LOS_ANGELES)).isFalse();
  }

  @ParameterizedTest(name = "N = {0}: overdue from {1}")
  @CsvSource({"0, 2026-11-10T00:00", "1, 2026-11-11T00:00", "2, 2026-11-12T00:00", "4, 2026-11-16T00:00",
      "5, 2026-11-17T00:00"})
  void theNumberOfBusinessDaysIsConfigurable(int businessDays, String overdueFrom) {
    OverdueRule rule = new OverdueRule(businessDays);
    Instant authored = la("2026-11-09T10:00");

    assertThat(rule.businessDays()).isEqualTo(businessDays);
    assertThat(rule.overdueFrom(authored, LOS_ANGELES)).isEqualTo(la(overdueFrom));
    assertThat(rule.isOverdue(authored, "2.0", la(overdueFrom).minusSeconds(1), LOS_ANGELES)).isFalse();
    assertThat(rule.isOverdue(authored, "2.0", la(overdueFrom), LOS_ANGELES)).isTrue();
  }

  @Test
  void overdueFromAgreesWithIsOverdueForAReferralAuthoredAtAnyHourOfTwoWeeks() {
    Instant start = la("2026-11-09T00:30");
    for (int hour = 0; hour < 14 * 24; hour += 5) {
      Instant authored = start.plus(Duration.ofHours(hour));
      Instant from = TWO_DAYS.overdueFrom(authored, LOS_ANGELES);

      assertThat(TWO_DAYS.isOverdue(authored, "2.0", from.minusNanos(1), LOS_ANGELES)).isFalse();
      assertThat(TWO_DAYS.isOverdue(authored, "2.0", from, LOS_ANGELES)).isTrue();
    }
  }

  @Test
  void aNegativeNumberOfBusinessDaysIsRefused() {
    assertThatThrownBy(() -> new OverdueRule(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static Instant utc(String local) {
    return LocalDateTime.parse(local).toInstant(ZoneOffset.UTC);
  }

  private static Instant la(String local) {
    return LocalDateTime.parse(local).atZone(LOS_ANGELES).toInstant();
  }
}
