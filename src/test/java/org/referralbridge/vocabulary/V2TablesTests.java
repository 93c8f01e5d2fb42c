package org.referralbridge.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestPriority;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The HL7 v2 tables the clinic both reads and writes: each code read back as the value it was written from. */
class V2TablesTests {

  @ParameterizedTest
  @EnumSource(ReferralStatus.class)
  void everyReferralStatusIsReadBackFromItsCode(ReferralStatus status) {
    assertThat(ReferralStatus.fromCode(status.code())).contains(status);
    assertThat(ReferralStatus.fromCode(" " + status.code().toLowerCase() + " ")).contains(status);
  }

  @Test
  void aReferrersStatusBecomesTheServiceRequestsStatus() {
    assertThat(ReferralStatus.ACCEPTED.serviceRequestStatus()).isEqualTo(ServiceRequestStatus.ACTIVE);
    assertThat(ReferralStatus.PENDING.serviceRequestStatus()).isEqualTo(ServiceRequestStatus.ACTIVE);
    assertThat(ReferralStatus.REJECTED.serviceRequestStatus()).isEqualTo(ServiceRequestStatus.REVOKED);
    assertThat(ReferralStatus.EXPIRED.serviceRequestStatus()).isEqualTo(ServiceRequestStatus.REVOKED);
    assertThat(ReferralStatus.fromCode("Q")).isEmpty();
    assertThat(ReferralStatus.fromCode(null)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ReferralPriority.class)
  void everyPriorityGoesToFhirAndBack(ReferralPriority priority) {
    assertThat(ReferralPriority.fromCode(priority.code())).contains(priority);
    assertThat(ReferralPriority.of(priority.serviceRequestPriority())).contains(priority);
  }

  @Test
  void anUrgentServiceRequestIsSentAsAsapBecauseTable0280HasNoUrgent() {
    assertThat(ReferralPriority.of(ServiceRequestPriority.URGENT)).contains(ReferralPriority.ASAP);
    assertThat(ReferralPriority.of(null)).isEmpty();
    assertThat(ReferralPriority.fromCode("U")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = AdministrativeGender.class, names = {"FEMALE", "MALE", "OTHER", "UNKNOWN"})
  void everyGenderIsWrittenAsACodeThatReadsBackAsIt(AdministrativeGender gender) {
    AdministrativeSex sex = AdministrativeSex.of(gender).orElseThrow();
    assertThat(AdministrativeSex.fromCode(sex.code()).map(AdministrativeSex::gender)).contains(gender);
  }

  @Test
  void theTablesLaterCodesAreReadAsOtherAndUnknownCodesNotAtAll() {
    for (String code : new String[] {"A", "N", "X", "a"}) {
      assertThat(AdministrativeSex.fromCode(code).map(AdministrativeSex::gender)).contains(AdministrativeGender.OTHER);
    }
    assertThat(AdministrativeSex.fromCode("female")).isEmpty();
    assertThat(AdministrativeSex.of(AdministrativeGender.NULL)).isEmpty();
    assertThat(AdministrativeSex.of(null)).isEmpty();
  }
}
