package org.referralbridge.outbound.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.referralbridge.outbound.hl7.OutboundFixtures.accepted;
import static org.referralbridge.outbound.hl7.OutboundFixtures.parse;

import ca.uhn.hl7v2.model.v251.message.RRI_I12;
import ca.uhn.hl7v2.model.v251.segment.PID;
import ca.uhn.hl7v2.model.v251.segment.PRD;
import ca.uhn.hl7v2.util.Terser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.referralbridge.vocabulary.ReferralStatus;

class ReferralStatusMessagesTests {

  @Test
  void goesBackToTheReferringSystemAndEchoesTheOriginalControlId() throws Exception {
    RRI_I12 rri = (RRI_I12) parse(ReferralStatusMessages.rri(accepted()));
    Terser terser = new Terser(rri);
    assertThat(terser.get("/MSH-3")).isEqualTo("REFERRALBRIDGE");
    assertThat(terser.get("/MSH-4")).isEqualTo("LAKESIDE_KETAMINE");
    assertThat(terser.get("/MSH-5")).isEqualTo("GOLDEN_EHR");
    assertThat(terser.get("/MSH-6")).isEqualTo("GOLDEN_PSYCH");
    assertThat(terser.get("/MSH-7")).isEqualTo("20261121100000-0800");
    assertThat(terser.get("/MSH-9-1") + "^" + terser.get("/MSH-9-2") + "^" + terser.get("/MSH-9-3"))
        .isEqualTo("RRI^I12^RRI_I12");
    assertThat(terser.get("/MSH-10")).isEqualTo("RB-RRI-0001");
    assertThat(terser.get("/MSH-12")).isEqualTo("2.5.1");
    assertThat(rri.getMSA().getAcknowledgmentCode().getValue()).isEqualTo("AA");
    assertThat(rri.getMSA().getMessageControlID().getValue()).isEqualTo("GLD-0001");
  }

  @Test
  void rf1CarriesTheStatusPriorityAndBothReferralIds() throws Exception {
    RRI_I12 rri = (RRI_I12) parse(ReferralStatusMessages.rri(accepted()));
    var rf1 = rri.getRF1();
    assertThat(rf1.getReferralStatus().getIdentifier().getValue()).isEqualTo("A");
    assertThat(rf1.getReferralStatus().getNameOfCodingSystem().getValue()).isEqualTo("HL70283");
    assertThat(rf1.getReferralPriority().getIdentifier().getValue()).isEqualTo("R");
    assertThat(rf1.getOriginatingReferralIdentifier().getEntityIdentifier().getValue()).isEqualTo("GLD-REF-0001");
    assertThat(rf1.getOriginatingReferralIdentifier().getNamespaceID().getValue()).isEqualTo("GOLDEN_EHR");
    assertThat(rf1.getExternalReferralIdentifier(0).getEntityIdentifier().getValue()).isEqualTo("4711");
    assertThat(rf1.getExternalReferralIdentifier(0).getNamespaceID().getValue()).isEqualTo("REFERRALBRIDGE");
    assertThat(rf1.getEffectiveDate().isEmpty()).as("RF1-7 is the referral's own effective date, not set").isTrue();
  }

  @ParameterizedTest
  @EnumSource(ReferralStatus.class)
  void everyTable0283StatusIsWrittenAsItsCode(ReferralStatus status) throws Exception {
    StatusNotice base = accepted();
    StatusNotice notice = new StatusNotice(base.envelope(), base.originalControlId(), base.referral(), status,
        null, null, null, base.clinic(), base.referrer(), base.patient());
    RRI_I12 rri = (RRI_I12) parse(ReferralStatusMessages.rri(notice));
    assertThat(rri.getRF1().getReferralStatus().getIdentifier().getValue()).isEqualTo(status.code());
    assertThat(rri.getRF1().getReferralPriority().isEmpty()).isTrue();
  }

  @Test
  void theReferrerIsPrdRpWithItsNpiAndTheClinicIsPrdRt() throws Exception {
    RRI_I12 rri = (RRI_I12) parse(ReferralStatusMessages.rri(accepted()));
    assertThat(rri.getPROVIDER_CONTACTReps()).isEqualTo(2);
    PRD referrer = rri.getPROVIDER_CONTACT(0).getPRD();
    assertThat(referrer.getProviderRole(0).getIdentifier().getValue()).isEqualTo("RP");
    assertThat(referrer.getProviderName(0).getFamilyName().getSurname().getValue()).isEqualTo("Testwood");
    assertThat(referrer.getProviderName(0).getGivenName().getValue()).isEqualTo("Robin");
    assertThat(referrer.getProviderName(0).getProfessionalSuffix().getValue()).isEqualTo("MD");
    assertThat(referrer.getProviderIdentifiers(0).getIDNumber().getValue()).isEqualTo("1234567893");
    assertThat(referrer.getProviderIdentifiers(0).getTypeOfIDNumber().getValue()).isEqualTo("NPI");
    assertThat(referrer.getProviderCommunicationInformation(0).getTelephoneNumber().getValue())
        .isEqualTo("(541)555-0100");
    PRD clinic = rri.getPROVIDER_CONTACT(1).getPRD();
    assertThat(clinic.getProviderRole(0).getIdentifier().getValue()).isEqualTo("RT");
    assertThat(clinic.getProviderName(0).getFamilyName().getSurname().getValue())
        .isEqualTo("Lakeside Ketamine Clinic");
    assertThat(clinic.getProviderLocation().getFacility().getNamespaceID().getValue())
        .isEqualTo("LAKESIDE_KETAMINE");
    assertThat(clinic.getProviderCommunicationInformation(0).getTelephoneNumber().getValue())
        .isEqualTo("(541)555-0199");
    assertThat(clinic.getProviderCommunicationInformation(0).getTelecommunicationUseCode().getValue())
        .isEqualTo("WPN");
  }

  @Test
  void withoutANamedReferrerOnlyTheClinicPrdIsSent() throws Exception {
    StatusNotice base = accepted();
    StatusNotice notice = new StatusNotice(base.envelope(), base.originalControlId(), base.referral(),
        base.status(), null, null, null, base.clinic(), null, base.patient());
    RRI_I12 rri = (RRI_I12) parse(ReferralStatusMessages.rri(notice));
    assertThat(rri.getPROVIDER_CONTACTReps()).isEqualTo(1);
    assertThat(rri.getPROVIDER_CONTACT(0).getPRD().getProviderRole(0).getIdentifier().getValue()).isEqualTo("RT");
  }

  @Test
  void pidCarriesIdentifiersWithTheirAssigningAuthorityNameBirthDateAndSex() throws Exception {
    PID pid = ((RRI_I12) parse(ReferralStatusMessages.rri(accepted()))).getPID();
    assertThat(pid.getPatientIdentifierList()).hasSize(2);
    var mrn = pid.getPatientIdentifierList(0);
    assertThat(mrn.getIDNumber().getValue()).isEqualTo("GLD-1001");
    assertThat(mrn.getAssigningAuthority().getUniversalID().getValue()).isEqualTo("2.16.840.1.113883.3.9999.1");
    assertThat(mrn.getAssigningAuthority().getUniversalIDType().getValue()).isEqualTo("ISO");
    assertThat(mrn.getIdentifierTypeCode().getValue()).isEqualTo("MR");
    var member = pid.getPatientIdentifierList(1);
    assertThat(member.getAssigningAuthority().getNamespaceID().getValue()).isEqualTo("CASCADE_HEALTH_PLAN");
    assertThat(member.getIdentifierTypeCode().getValue()).isEqualTo("MB");
    assertThat(pid.getPatientName(0).getFamilyName().getSurname().getValue()).isEqualTo("Quill");
    assertThat(pid.getPatientName(0).getGivenName().getValue()).isEqualTo("Morgan");
    assertThat(pid.getPatientName(0).getSecondAndFurtherGivenNamesOrInitialsThereof().getValue()).isEqualTo("Avery");
    assertThat(pid.getPatientName(0).getSuffixEgJRorIII().getValue()).isEqualTo("Jr");
    assertThat(pid.getDateTimeOfBirth().getTime().getValue()).isEqualTo("19880214");
    assertThat(pid.getAdministrativeSex().getValue()).isEqualTo("F");
  }

  @Test
  void aBookedFirstSessionIsTheExpectedVisitOfPv2() throws Exception {
    RRI_I12 rri = (RRI_I12) parse(ReferralStatusMessages.rri(accepted()));
    assertThat(rri.getPATIENT_VISIT().getPV1().getPatientClass().getValue()).isEqualTo("O");
    assertThat(rri.getPATIENT_VISIT().getPV2().getExpectedAdmitDateTime().getTime().getValue())
        .isEqualTo("20261201093000-0800");
  }

  @Test
  void withoutABookedSessionThereIsNoVisit() throws Exception {
    StatusNotice base = accepted();
    StatusNotice notice = new StatusNotice(base.envelope(), base.originalControlId(), base.referral(),
        ReferralStatus.REJECTED, null, "Declined: outside our service area.", null, base.clinic(), base.referrer(),
        base.patient());
    String encoded = ReferralStatusMessages.rri(notice);
    assertThat(encoded).doesNotContain("\rPV1|").doesNotContain("\rPV2|");
    RRI_I12 rri = (RRI_I12) parse(encoded);
    assertThat(rri.getRF1().getReferralStatus().getIdentifier().getValue()).isEqualTo("R");
    assertThat(rri.getNTE(0).getComment(0).getValue()).isEqualTo("Declined: outside our service area.");
  }

  @Test
  void eachLineOfTheCommentIsOneNteFromTheClinic() throws Exception {
    RRI_I12 rri = (RRI_I12) parse(ReferralStatusMessages.rri(accepted()));
    assertThat(rri.getNTEReps()).isEqualTo(2);
    assertThat(rri.getNTE(0).getSetIDNTE().getValue()).isEqualTo("1");
    assertThat(rri.getNTE(0).getSourceOfComment().getValue()).isEqualTo("L");
    assertThat(rri.getNTE(0).getComment(0).getValue()).isEqualTo("Accepted for a series of 6 IV ketamine infusions.");
    assertThat(rri.getNTE(1).getSetIDNTE().getValue()).isEqualTo("2");
    assertThat(rri.getNTE(1).getComment(0).getValue()).isEqualTo("Please keep weekly therapy.");
  }

  @Test
  void segmentsAreInTheOrderOfTheRriStructure() {
    String encoded = ReferralStatusMessages.rri(accepted());
    assertThat(encoded.split("\r")).extracting(segment -> segment.substring(0, 3))
        .containsExactly("MSH", "MSA", "RF1", "PRD", "PRD", "PID", "PV1", "PV2", "NTE", "NTE");
    assertThat(encoded).endsWith("\r").doesNotContain("\n");
  }
}
