package org.referralbridge.translate;

import static org.referralbridge.translate.V2Types.text;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.hl7v2.model.Type;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;

/**
 * Dates and times (DTM, TS read as DTM, DT) → dateTime and date, keeping the sender's precision. A malformed value
 * throws {@link IllegalArgumentException}; {@link Fields} turns that into a data-quality note.
 */
final class DateTimes {

  /** YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]: a fraction only after seconds. */
  private static final Pattern DTM = Pattern.compile(
      "^(\\d{4})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(\\.\\d{1,4})?)?)?)?)?)?([+-]\\d{4})?$");

  private DateTimes() {}

  /**
   * DTM → dateTime keeping the sender's precision (year, month, day, or time to the second or millisecond).
   * FHIR requires a time zone whenever a time is given: the value's own offset, else {@code zone}.
   * Returns null for an empty value; throws {@link IllegalArgumentException} for a malformed one.
   */
  static DateTimeType dateTime(Type dtm, ZoneId zone) {
    String value = text(dtm);
    if (value == null) {
      return null;
    }
    Matcher m = matchDtm(value, "date/time (DTM)");
    StringBuilder iso = new StringBuilder(m.group(1));
    if (m.group(2) != null) {
      iso.append('-').append(m.group(2));
    }
    if (m.group(3) != null) {
      iso.append('-').append(m.group(3));
    }
    if (m.group(4) == null) {
      return fhirDateTime(iso.toString(), value);
    }
    String hour = m.group(4);
    String minute = m.group(5) == null ? "00" : m.group(5);
    String second = m.group(6) == null ? "00" : m.group(6);
    String fraction = m.group(7) == null ? "" : m.group(7);
    iso.append('T').append(hour).append(':').append(minute).append(':').append(second).append(fraction);
    String offset = m.group(8);
    try {
      if (offset != null) {
        iso.append(offset, 0, 3).append(':').append(offset, 3, 5);
      } else {
        LocalDateTime local = LocalDateTime.parse(iso.toString());
        ZoneOffset zoneOffset = zone.getRules().getOffset(local);
        iso.append(zoneOffset.getId().equals("Z") ? "+00:00" : zoneOffset.getId());
      }
      return new DateTimeType(iso.toString());
    } catch (DateTimeException | DataFormatException e) {
      throw new IllegalArgumentException("not a valid HL7 v2 date/time (DTM): length " + value.length(), e);
    }
  }

  /** DT/DTM → date (day precision at most; a time part is checked, then dropped). */
  static DateType date(Type dt) {
    String value = text(dt);
    if (value == null) {
      return null;
    }
    Matcher m = matchDtm(value, "date (DT)");
    StringBuilder iso = new StringBuilder(m.group(1));
    if (m.group(2) != null) {
      iso.append('-').append(m.group(2));
    }
    if (m.group(3) != null) {
      iso.append('-').append(m.group(3));
    }
    try {
      return new DateType(iso.toString());
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("not a valid HL7 v2 date (DT): length " + value.length(), e);
    }
  }

  /** Matches a DTM and checks its calendar ranges (month 13, 30 February, hour 24, offset +2500 are errors). */
  private static Matcher matchDtm(String value, String kind) {
    Matcher m = DTM.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException("not an HL7 v2 " + kind + ": length " + value.length());
    }
    try {
      int year = Integer.parseInt(m.group(1));
      if (m.group(3) != null) {
        LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      } else if (m.group(2) != null) {
        YearMonth.of(year, Integer.parseInt(m.group(2)));
      }
      if (m.group(4) != null) {
        LocalTime.of(Integer.parseInt(m.group(4)), m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
            m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
      }
      String offset = m.group(8);
      if (offset != null) {
        int sign = offset.charAt(0) == '-' ? -1 : 1;
        int minutes = Integer.parseInt(offset.substring(3, 5));
        if (minutes > 59) {
          throw new DateTimeException("offset minutes");
        }
        ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(offset.substring(1, 3)), sign * minutes);
      }
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not a valid HL7 v2 " + kind + ": length " + value.length(), e);
    }
    return m;
  }

  private static DateTimeType fhirDateTime(String iso, String value) {
    try {
      return new DateTimeType(iso);
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("not a valid HL7 v2 date/time (DTM): length " + value.length(), e);
    }
  }
}
