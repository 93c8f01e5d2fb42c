package org.referralbridge.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.referralbridge.translate.EncodedTypes.dtm;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.ZoneId;
import org.hl7.fhir.r4.model.DateTimeType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Dates and times (DTM, DT) → dateTime and date ({@link DateTimes}), each parsed from its pipe-encoded form. */
class DateTimesTests {

  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "2026, 2026, YEAR",
      "202611, 2026-11, MONTH",
      "20261121, 2026-11-21, DAY",
      "20261121-0500, 2026-11-21, DAY",
      "2026112108, 2026-11-21T08:00:00-08:00, SECOND",
      "202611210815, 2026-11-21T08:15:00-08:00, SECOND",
      "20261121081530, 2026-11-21T08:15:30-08:00, SECOND",
      "20261121081530.1, 2026-11-21T08:15:30.1-08:00, MILLI",
      "20261121081530.123-0500, 2026-11-21T08:15:30.123-05:00, MILLI",
      "20261121081530.1234+0530, 2026-11-21T08:15:30.1234+05:30, MILLI",
      "202611210815+0000, 2026-11-21T08:15:00+00:00, SECOND",
      "202607150815, 2026-07-15T08:15:00-07:00, SECOND"})
  void keepsTheSendersPrecisionAndAlwaysGivesATimeAZone(String v2, String fhir, TemporalPrecisionEnum precision) {
    DateTimeType dateTime = DateTimes.dateTime(dtm(v2), LOS_ANGELES);

    assertThat(dateTime.getValueAsString()).isEqualTo(fhir);
    assertThat(dateTime.getPrecision()).isEqualTo(precision);
  }

  @Test
  void usesTheConfiguredZoneOnlyForTimesWithoutAnOffset() {
    assertThat(DateTimes.dateTime(dtm("202611210815"), ZoneId.of("Europe/Berlin")).getValueAsString())
        .isEqualTo("2026-11-21T08:15:00+01:00");
    assertThat(DateTimes.dateTime(dtm("202611210815"), ZoneId.of("UTC")).getValueAsString())
        .isEqualTo("2026-11-21T08:15:00+00:00");
    assertThat(DateTimes.dateTime(dtm("202611210815-0800"), ZoneId.of("Europe/Berlin")).getValueAsString())
        .isEqualTo("2026-11-21T08:15:00-08:00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-21", "2026-11-21T08:15:00Z", "2026112", "20261321", "20260230", "2026112125",
      "202611210860", "20261121081561", "202611210815.5", "20261121081530.12345", "20261121+2500",
      "20261121081530-0875", "20261121 0815", "yesterday"})
  void rejectsAMalformedValueWithIllegalArgumentException(String v2) {
    assertThatThrownBy(() -> DateTimes.dateTime(dtm(v2), LOS_ANGELES)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(v2);
  }

  @Test
  void mapsAnEmptyDateTimeToNull() {
    assertThat(DateTimes.dateTime(dtm(""), LOS_ANGELES)).isNull();
    assertThat(DateTimes.date(dtm(""))).isNull();
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"1988, 1988", "198802, 1988-02", "19880214, 1988-02-14", "198802141230-0500, 1988-02-14"})
  void truncatesADateToAtMostDayPrecision(String v2, String fhir) {
    assertThat(DateTimes.date(dtm(v2)).getValueAsString()).isEqualTo(fhir);
  }

  @ParameterizedTest
  @ValueSource(strings = {"19881340", "19880230", "1988-02-14", "19880214XYZ"})
  void rejectsAMalformedDateWithIllegalArgumentException(String v2) {
    assertThatThrownBy(() -> DateTimes.date(dtm(v2))).isInstanceOf(IllegalArgumentException.class);
  }
}
