package org.referralbridge.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

/** Who a referral came from, as the answers to it find out. */
class ReferralContextTests {

  private static final String BASE = "http://referralbridge.org/fhir/sid";

  private final ReferralContext context = new ReferralContext(null, BASE + "/");

  @Test
  void theSenderIsTheReferralsSourceWhateverSystemItsIdHas() {
    ServiceRequest request = new ServiceRequest();
    request.getMeta().setSource(BASE + "/sender/NORTHSIDE_EHR/NORTHSIDE%20PSYCH");
    request.addIdentifier().setSystem("urn:oid:2.16.840.1.113883.3.7777.1").setValue("REF-1");
    assertThat(context.senderKey(request)).contains("NORTHSIDE_EHR^NORTHSIDE PSYCH");
  }

  @Test
  void aRequestIdTheStoreAppendedToTheSourceIsNotPartOfTheSender() {
    ServiceRequest request = new ServiceRequest();
    request.getMeta().setSource(BASE + "/sender/SUMMITFP/#a1b2c3");
    assertThat(context.senderKey(request)).contains("SUMMITFP^");
  }

  @Test
  void aReferralWrittenBeforeSourcesWereKeptIsKnownByItsSenderQualifiedId() {
    ServiceRequest request = new ServiceRequest();
    request.addIdentifier().setSystem(BASE + "/sender/RIVERBEND_EMR/RIVERBEND_TRAUMA/referral-id").setValue("R-9");
    assertThat(context.senderKey(request)).contains("RIVERBEND_EMR^RIVERBEND_TRAUMA");
  }

  @Test
  void aSourceOrIdOutsideThisInstallationNamesNoSender() {
    ServiceRequest request = new ServiceRequest();
    request.getMeta().setSource("http://elsewhere.example/sender/A/B");
    request.addIdentifier().setSystem("urn:oid:2.16.840.1.113883.3.7777.1").setValue("REF-1");
    assertThat(context.senderKey(request)).isEmpty();
  }
}
