package org.referralbridge.triage;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Referrals nobody has acted on. A referral still in 2.0 Created is overdue when more than N business days
 * (Monday to Friday, in the clinic's time zone) have begun since the day it was authored: with N = 2, a referral
 * authored on a Monday is due by the end of Wednesday and overdue from Thursday 00:00; one authored on a Friday, a
 * Saturday or a Sunday is overdue from Wednesday 00:00. Public holidays are not known and count as business days.
 */
public final class OverdueRule {

  /** The default N: two business days. */
  public static final int DEFAULT_BUSINESS_DAYS = 2;

  private static final LocalDate A_MONDAY = LocalDate.of(2024, 1, 1);

  private final int businessDays;

  /** N = {@value #DEFAULT_BUSINESS_DAYS}. */
  public OverdueRule() {
    this(DEFAULT_BUSINESS_DAYS);
  }

  /** @param businessDays N, at least 0 */
  public OverdueRule(int businessDays) {
    if (businessDays < 0) {
      throw new IllegalArgumentException("business days must not be negative: " + businessDays);
    }
    this.businessDays = businessDays;
  }

  public int businessDays() {
    return businessDays;
  }

  /**
   * Whether a referral authored at {@code authoredOn}, now in {@code businessStatus}, is overdue at {@code now}.
   * Only 2.0 Created can be overdue; a referral without an authored time cannot be aged and is not.
   */
  public boolean isOverdue(Instant authoredOn, String businessStatus, Instant now, ZoneId zone) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(zone, "zone");
    if (authoredOn == null || BusinessStatus.fromCode(businessStatus).orElse(null) != BusinessStatus.CREATED) {
      return false;
    }
    return businessDaysBetween(authoredOn, now, zone) > businessDays;
  }

  /** The instant from which a referral authored at {@code authoredOn} is overdue if still 2.0 Created. */
  public Instant overdueFrom(Instant authoredOn, ZoneId zone) {
    LocalDate day = authoredOn.atZone(zone).toLocalDate();
    int begun = 0;
    while (begun <= businessDays) {
      day = day.plusDays(1);
      if (isBusinessDay(day)) {
        begun++;
      }
    }
    return day.atStartOfDay(zone).toInstant();
  }

  /**
   * The number of business days (Monday to Friday) that have begun after the day of {@code from} up to and
   * including the day of {@code to}, both days taken in {@code zone}; 0 when {@code to} is not on a later day.
   */
  public static long businessDaysBetween(Instant from, Instant to, ZoneId zone) {
    LocalDate start = from.atZone(zone).toLocalDate();
    LocalDate end = to.atZone(zone).toLocalDate();
    return end.isAfter(start) ? businessDaysUpTo(end) - businessDaysUpTo(start) : 0;
  }

  /** Business days from a fixed Monday to {@code day} inclusive (negative before it): O(1) for any span. */
  private static long businessDaysUpTo(LocalDate day) {
    long days = ChronoUnit.DAYS.between(A_MONDAY, day);
    long weeks = Math.floorDiv(days, 7);
    long dayOfWeek = Math.floorMod(days, 7); // 0 Monday … 6 Sunday
    return weeks * 5 + Math.min(dayOfWeek + 1, 5);
  }

  private static boolean isBusinessDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }
}
