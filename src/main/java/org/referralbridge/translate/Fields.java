package org.referralbridge.translate;

import static org.referralbridge.translate.V2Types.text;

import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.v28.datatype.CQ;
import java.math.BigDecimal;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;

/**
 * Optional fields whose conversion can fail: a malformed value is left out and noted, never fatal (liberal in).
 * Each note names the v2 field and quotes the value, for staff; it is never logged.
 */
final class Fields {

  private Fields() {}

  static DateTimeType dateTime(String location, Type value, Translation t) {
    try {
      return DateTimes.dateTime(value, t.zone);
    } catch (IllegalArgumentException e) {
      dropped(location, value, "date/time", t.quality);
      return null;
    }
  }

  static DateType date(String location, Type value, DataQuality quality) {
    try {
      return DateTimes.date(value);
    } catch (IllegalArgumentException e) {
      dropped(location, value, "date", quality);
      return null;
    }
  }

  /** A date (DT) as a dateTime of day precision (Period bounds), or null when empty or malformed. */
  static DateTimeType dateAsDateTime(String location, Type value, DataQuality quality) {
    DateType date = date(location, value, quality);
    return date == null ? null : new DateTimeType(date.getValueAsString());
  }

  /** The number of a CQ (e.g. AUT-8), or null when empty or not a number (then noted). */
  static BigDecimal number(String location, CQ cq, DataQuality quality) {
    String value = text(cq.getQuantity());
    BigDecimal number = Numbers.parse(value);
    if (number == null && value != null) {
      quality.note(null, location, "'" + value + "' is not a number: left out");
    }
    return number;
  }

  private static void dropped(String location, Type value, String kind, DataQuality quality) {
    quality.note(null, location, "'" + V2Types.text(value) + "' is not a valid HL7 " + kind + ": left out");
  }
}
