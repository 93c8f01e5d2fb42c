package org.referralbridge.translate;

import ca.uhn.hl7v2.model.Type;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;

/** Field conversions that can fail, turned into a {@link TranslationException} naming the field. */
final class Fields {

  private Fields() {}

  static DateTimeType dateTime(String location, Type value, Translation t) {
    try {
      return V2Types.dateTime(value, t.zone);
    } catch (IllegalArgumentException e) {
      throw new TranslationException(location, e.getMessage(), e);
    }
  }

  static DateType date(String location, Type value) {
    try {
      return V2Types.date(value);
    } catch (IllegalArgumentException e) {
      throw new TranslationException(location, e.getMessage(), e);
    }
  }
}
