package org.referralbridge.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.AbstractType;
import ca.uhn.hl7v2.model.v28.datatype.CWE;
import ca.uhn.hl7v2.model.v28.datatype.DTM;
import ca.uhn.hl7v2.model.v28.datatype.XAD;
import ca.uhn.hl7v2.model.v28.datatype.XPN;
import ca.uhn.hl7v2.model.v28.datatype.XTN;
import ca.uhn.hl7v2.model.v28.message.REF_I12;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.time.ZoneId;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointUse;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.HumanName.NameUse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.referralbridge.vocabulary.CodeSystems;

/** HL7 v2 data types → FHIR data types ({@link V2Types}), each type parsed from its pipe-encoded form. */
class V2TypesTests {

  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
  private static final REF_I12 MESSAGE = message();

  // --- DTM → dateTime

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
    DateTimeType dateTime = V2Types.dateTime(dtm(v2), LOS_ANGELES);

    assertThat(dateTime.getValueAsString()).isEqualTo(fhir);
    assertThat(dateTime.getPrecision()).isEqualTo(precision);
  }

  @Test
  void usesTheConfiguredZoneOnlyForTimesWithoutAnOffset() {
    assertThat(V2Types.dateTime(dtm("202611210815"), ZoneId.of("Europe/Berlin")).getValueAsString())
        .isEqualTo("2026-11-21T08:15:00+01:00");
    assertThat(V2Types.dateTime(dtm("202611210815"), ZoneId.of("UTC")).getValueAsString())
        .isEqualTo("2026-11-21T08:15:00+00:00");
    assertThat(V2Types.dateTime(dtm("202611210815-0800"), ZoneId.of("Europe/Berlin")).getValueAsString())
        .isEqualTo("2026-11-21T08:15:00-08:00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-21", "2026-11-21T08:15:00Z", "2026112", "20261321", "20260230", "2026112125",
      "202611210860", "20261121081561", "202611210815.5", "20261121081530.12345", "20261121+2500",
      "20261121081530-0875", "20261121 0815", "yesterday"})
  void rejectsAMalformedValueWithIllegalArgumentException(String v2) {
    assertThatThrownBy(() -> V2Types.dateTime(dtm(v2), LOS_ANGELES)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(v2);
  }

  @Test
  void mapsAnEmptyDateTimeToNull() {
    assertThat(V2Types.dateTime(dtm(""), LOS_ANGELES)).isNull();
    assertThat(V2Types.date(dtm(""))).isNull();
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"1988, 1988", "198802, 1988-02", "19880214, 1988-02-14", "198802141230-0500, 1988-02-14"})
  void truncatesADateToAtMostDayPrecision(String v2, String fhir) {
    assertThat(V2Types.date(dtm(v2)).getValueAsString()).isEqualTo(fhir);
  }

  @ParameterizedTest
  @ValueSource(strings = {"19881340", "19880230", "1988-02-14", "19880214XYZ"})
  void rejectsAMalformedDateWithIllegalArgumentException(String v2) {
    assertThatThrownBy(() -> V2Types.date(dtm(v2))).isInstanceOf(IllegalArgumentException.class);
  }

  // --- XTN → ContactPoint

  @Test
  void composesAPhoneNumberFromItsComponents() {
    ContactPoint home = V2Types.contact(xtn("^PRN^PH^^1^541^5550101"));
    ContactPoint work = V2Types.contact(xtn("^WPN^PH^^1^541^5550103^22"));

    assertThat(home.getSystem()).isEqualTo(ContactPointSystem.PHONE);
    assertThat(home.getValue()).isEqualTo("+1 (541) 555-0101");
    assertThat(home.getUse()).isEqualTo(ContactPointUse.HOME);
    assertThat(work.getValue()).isEqualTo("+1 (541) 555-0103 ext. 22");
    assertThat(work.getUse()).isEqualTo(ContactPointUse.WORK);
  }

  @Test
  void prefersTheUnformattedNumber() {
    ContactPoint fax = V2Types.contact(xtn("^WPN^FX^^1^541^5550112^^^^^+15415550112"));

    assertThat(fax.getSystem()).isEqualTo(ContactPointSystem.FAX);
    assertThat(fax.getValue()).isEqualTo("+15415550112");
  }

  @Test
  void readsTheNumberOfAVersion23SenderFromTheFirstComponent() {
    ContactPoint phone = V2Types.contact(xtn("(541)555-0178X12^ORN^PH"));

    assertThat(phone.getSystem()).isEqualTo(ContactPointSystem.PHONE);
    assertThat(phone.getValue()).isEqualTo("(541)555-0178X12");
    assertThat(phone.hasUse()).as("ORN has no FHIR use").isFalse();
  }

  @Test
  void mapsEmailFromTheCommunicationAddressOrTheFirstComponent() {
    ContactPoint internet = V2Types.contact(xtn("^NET^Internet^someone@example.org"));
    ContactPoint x400 = V2Types.contact(xtn("someone@example.org^NET^X.400"));

    assertThat(internet.getSystem()).isEqualTo(ContactPointSystem.EMAIL);
    assertThat(internet.getValue()).isEqualTo("someone@example.org");
    assertThat(internet.hasUse()).isFalse();
    assertThat(x400.getSystem()).isEqualTo(ContactPointSystem.EMAIL);
    assertThat(x400.getValue()).isEqualTo("someone@example.org");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"^PRS^PH^^1^541^5550102, MOBILE", "^PRN^CP^^1^541^5550102, MOBILE", "^WPN^CP^^1^541^5550102, MOBILE",
      "^VHN^PH^^1^541^5550102, NULL", "^EMR^PH^^1^541^5550102, NULL", "^^PH^^1^541^5550102, NULL"})
  void mapsTheUseCodeAfterTheV2ToFhirConceptMap(String v2, String use) {
    ContactPoint contact = V2Types.contact(xtn(v2));

    assertThat(contact.getUse()).isEqualTo("NULL".equals(use) ? null : ContactPointUse.valueOf(use));
  }

  @Test
  void mapsPagersAndIgnoresContactsWithoutANumber() {
    assertThat(V2Types.contact(xtn("^PRN^BP^^1^541^5550104")).getSystem()).isEqualTo(ContactPointSystem.PAGER);
    assertThat(V2Types.contact(xtn("^PRN^PH"))).isNull();
    assertThat(V2Types.contact(xtn(""))).isNull();
  }

  // --- CWE → CodeableConcept

  @Test
  void mapsAKnownCodingSystemToItsUri() {
    CodeableConcept concept = V2Types.concept(cwe("F33.2^Major depressive disorder, recurrent severe^I10"));

    assertThat(concept.getCodingFirstRep().getSystem()).isEqualTo(CodeSystems.ICD10CM);
    assertThat(concept.getCodingFirstRep().getCode()).isEqualTo("F33.2");
    assertThat(concept.getCodingFirstRep().getDisplay()).isEqualTo("Major depressive disorder, recurrent severe");
    assertThat(concept.getText()).isEqualTo("Major depressive disorder, recurrent severe");
  }

  @Test
  void keepsTheTextOfACodeFromAnUnknownCodingSystemWithoutInventingASystem() {
    CodeableConcept withText = V2Types.concept(cwe("LATEX^Latex^L"));
    CodeableConcept withoutText = V2Types.concept(cwe("X123^^99LOCAL"));

    assertThat(withText.hasCoding()).isFalse();
    assertThat(withText.getText()).isEqualTo("Latex");
    assertThat(withoutText.hasCoding()).isFalse();
    assertThat(withoutText.getText()).isEqualTo("X123");
  }

  @Test
  void keepsAlternateCodingsVersionsAndTheOriginalText() {
    CodeableConcept concept = V2Types.concept(
        cwe("F41.1^Generalized anxiety disorder^I10^197480006^Anxiety disorder^SCT^2026^^Worried all the time"));

    assertThat(concept.getCoding()).extracting(c -> c.getSystem() + "|" + c.getCode())
        .containsExactly(CodeSystems.ICD10CM + "|F41.1", CodeSystems.SNOMED + "|197480006");
    assertThat(concept.getCodingFirstRep().getVersion()).isEqualTo("2026");
    assertThat(concept.getText()).isEqualTo("Worried all the time");
  }

  @Test
  void mapsHl7TableNamesToTerminologyHl7OrgSystems() {
    assertThat(V2Types.concept(cwe("P^Pending^HL70283")).getCodingFirstRep().getSystem())
        .isEqualTo("http://terminology.hl7.org/CodeSystem/v2-0283");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"en^English^ISO639, en", "ENG^English^HL70296, ENG", "ENGLISH, ENGLISH"})
  void keepsTheLanguageAsSentForTheGateToNormalise(String v2, String code) {
    CodeableConcept language = V2Types.language(cwe(v2));

    assertThat(language.getCodingFirstRep().getSystem()).isEqualTo(CodeSystems.ISO639);
    assertThat(language.getCodingFirstRep().getCode()).isEqualTo(code);
  }

  @Test
  void mapsAnEmptyCweToNull() {
    assertThat(V2Types.concept(cwe(""))).isNull();
  }

  // --- XPN → HumanName

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"L, OFFICIAL", "l, OFFICIAL", "R, OFFICIAL", "D, USUAL", "M, MAIDEN", "N, NICKNAME", "TEMP, TEMP",
      "NAV, TEMP", "BAD, OLD", "MSK, ANONYMOUS", "A, NULL", "S, NULL", "T, NULL", "B, NULL", "U, NULL"})
  void mapsTheNameTypeAfterTheV2ToFhirConceptMap(String type, String use) {
    HumanName name = V2Types.name(xpn("Quill^Morgan^^^^^" + type));

    assertThat(name.getUse()).isEqualTo("NULL".equals(use) ? null : NameUse.valueOf(use));
  }

  @Test
  void mapsEveryNamePart() {
    HumanName name = V2Types.name(xpn("Quill^Morgan^Avery^Jr^Mx^^L^^^^^^^PhD"));

    assertThat(name.getFamily()).isEqualTo("Quill");
    assertThat(name.getGiven()).extracting(Object::toString).containsExactly("Morgan", "Avery");
    assertThat(name.getPrefix()).extracting(Object::toString).containsExactly("Mx");
    assertThat(name.getSuffix()).extracting(Object::toString).containsExactly("Jr", "PhD");
    assertThat(V2Types.name(xpn(""))).isNull();
  }

  // --- XAD → Address

  @Test
  void mapsAnAddressWithItsCountyAndType() {
    Address home = V2Types.address(xad("12 Example Ave^Unit 4^Springfield^OR^97001^USA^H^^Lane"));
    Address mailing = V2Types.address(xad("PO Box 55^^Springfield^OR^97002^USA^M"));

    assertThat(home.getLine()).extracting(Object::toString).containsExactly("12 Example Ave", "Unit 4");
    assertThat(home.getCity()).isEqualTo("Springfield");
    assertThat(home.getDistrict()).isEqualTo("Lane");
    assertThat(home.getState()).isEqualTo("OR");
    assertThat(home.getPostalCode()).isEqualTo("97001");
    assertThat(home.getCountry()).isEqualTo("USA");
    assertThat(home.getUse()).isEqualTo(Address.AddressUse.HOME);
    assertThat(mailing.getType()).isEqualTo(Address.AddressType.POSTAL);
  }

  // --- helpers

  private static DTM dtm(String encoded) {
    return parsed(encoded, DTM::new);
  }

  private static XTN xtn(String encoded) {
    return parsed(encoded, XTN::new);
  }

  private static CWE cwe(String encoded) {
    return parsed(encoded, CWE::new);
  }

  private static XPN xpn(String encoded) {
    return parsed(encoded, XPN::new);
  }

  private static XAD xad(String encoded) {
    return parsed(encoded, XAD::new);
  }

  /** A type of {@link #MESSAGE}, parsed from its pipe encoding as the parser would (no HAPI validation). */
  private static <T extends AbstractType> T parsed(String encoded, Function<REF_I12, T> type) {
    T value = type.apply(MESSAGE);
    try {
      value.parse(encoded);
    } catch (HL7Exception e) {
      throw new IllegalStateException(e);
    }
    return value;
  }

  private static REF_I12 message() {
    HapiContext context = new DefaultHapiContext(new CanonicalModelClassFactory("2.8"));
    context.setValidationContext(ValidationContextFactory.noValidation());
    REF_I12 message = new REF_I12(context.getModelClassFactory());
    message.setParser(context.getPipeParser());
    try {
      message.getMSH().getFieldSeparator().setValue("|");
      message.getMSH().getEncodingCharacters().setValue("^~\\&");
    } catch (HL7Exception e) {
      throw new IllegalStateException(e);
    }
    return message;
  }
}
