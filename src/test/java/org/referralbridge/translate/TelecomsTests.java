package org.referralbridge.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.referralbridge.translate.EncodedTypes.xtn;

import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointUse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Telecommunication numbers and addresses (XTN) → ContactPoint ({@link Telecoms}), each parsed from its encoding. */
class TelecomsTests {

  @Test
  void composesAPhoneNumberFromItsComponents() {
    ContactPoint home = Telecoms.contact(xtn("^PRN^PH^^1^541^5550101"));
    ContactPoint work = Telecoms.contact(xtn("^WPN^PH^^1^541^5550103^22"));

    assertThat(home.getSystem()).isEqualTo(ContactPointSystem.PHONE);
    assertThat(home.getValue()).isEqualTo("+1 (541) 555-0101");
    assertThat(home.getUse()).isEqualTo(ContactPointUse.HOME);
    assertThat(work.getValue()).isEqualTo("+1 (541) 555-0103 ext. 22");
    assertThat(work.getUse()).isEqualTo(ContactPointUse.WORK);
  }

  @Test
  void prefersTheUnformattedNumber() {
    ContactPoint fax = Telecoms.contact(xtn("^WPN^FX^^1^541^5550112^^^^^+15415550112"));

    assertThat(fax.getSystem()).isEqualTo(ContactPointSystem.FAX);
    assertThat(fax.getValue()).isEqualTo("+15415550112");
  }

  @Test
  void readsTheNumberOfAVersion23SenderFromTheFirstComponent() {
    ContactPoint phone = Telecoms.contact(xtn("(541)555-0178X12^ORN^PH"));

    assertThat(phone.getSystem()).isEqualTo(ContactPointSystem.PHONE);
    assertThat(phone.getValue()).isEqualTo("(541)555-0178X12");
    assertThat(phone.hasUse()).as("ORN has no FHIR use").isFalse();
  }

  @Test
  void mapsEmailFromTheCommunicationAddressOrTheFirstComponent() {
    ContactPoint internet = Telecoms.contact(xtn("^NET^Internet^someone@example.org"));
    ContactPoint x400 = Telecoms.contact(xtn("someone@example.org^NET^X.400"));

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
    ContactPoint contact = Telecoms.contact(xtn(v2));

    assertThat(contact.getUse()).isEqualTo("NULL".equals(use) ? null : ContactPointUse.valueOf(use));
  }

  @Test
  void mapsPagersAndIgnoresContactsWithoutANumber() {
    assertThat(Telecoms.contact(xtn("^PRN^BP^^1^541^5550104")).getSystem()).isEqualTo(ContactPointSystem.PAGER);
    assertThat(Telecoms.contact(xtn("^PRN^PH"))).isNull();
    assertThat(Telecoms.contact(xtn(""))).isNull();
  }
}
