package org.referralbridge.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.referralbridge.hl7.Hl7Parser;
import org.referralbridge.support.Hl7Samples;
import org.referralbridge.translate.DataQuality;
import org.referralbridge.translate.RefI12Translator;
import org.referralbridge.translate.TestTranslators;
import org.referralbridge.translate.TranslatedReferral;

/**
 * The dirt that parked every public example referral (issue 9): each optional value is downgraded or left out,
 * noted, and the referral validates; only missing essentials make it invalid.
 */
class RepairingValidatorTests {

  private static final RefI12Translator TRANSLATOR = TestTranslators.translator(TestTranslators.SETTINGS);
  private static final Hl7Parser PARSER = new Hl7Parser();
  private final RepairingValidator validator = new RepairingValidator(TestTranslators.validator());

  @Test
  void aFacilityNameAsIdentifierTypeIsKeptAsText() throws Exception {
    String message = Hl7Samples.replaceField(Hl7Samples.read(Hl7Samples.INSURANCE_AUTH), "PID", 3,
        "CBH-10442^^^CASCADE_BH^St. Mary's Hospital");
    TranslatedReferral referral = landed(message);

    Patient patient = resource(referral.bundle(), Patient.class);
    assertThat(patient.getIdentifierFirstRep().getType().hasCoding()).isFalse();
    assertThat(patient.getIdentifierFirstRep().getType().getText()).isEqualTo("St. Mary's Hospital");
    assertThat(referral.quality().notes()).anyMatch(n -> "PID-3.5".equals(n.v2Location())
        && n.expression().startsWith("Patient.identifier[0].type"));
  }

  @Test
  void aRelationshipCodeFromAnotherTableIsKeptAsText() throws Exception {
    String message = Hl7Samples.replaceField(Hl7Samples.read(Hl7Samples.INSURANCE_AUTH), "IN1", 17, "1^^HL70063");
    TranslatedReferral referral = landed(message);

    assertThat(referral.quality().notes()).anyMatch(n -> n.text().contains("'1'"));
  }

  @Test
  void anHl70296LanguageBecomesABcp47Tag() throws Exception {
    String message = Hl7Samples.replaceField(Hl7Samples.read(Hl7Samples.INSURANCE_AUTH), "PID", 15,
        "ENG^English^HL70296");
    TranslatedReferral referral = landed(message);

    Patient patient = resource(referral.bundle(), Patient.class);
    assertThat(patient.getCommunicationFirstRep().getLanguage().getCodingFirstRep().getCode()).isEqualTo("en");
    assertThat(referral.quality().notes()).anyMatch(n -> "PID-15".equals(n.v2Location()));
  }

  @Test
  void anInsurerIdentifiedByOidGivesItsPolicyNumberAValidSystem() throws Exception {
    String message = Hl7Samples.replaceField(Hl7Samples.read(Hl7Samples.INSURANCE_AUTH), "IN1", 3,
        "BCA001^^^BLUECASCADE&2.16.840.1.113883.1.1&ISO^NIIP");
    TranslatedReferral referral = landed(message);

    assertThat(resource(referral.bundle(), Coverage.class).getIdentifier())
        .anyMatch(i -> i.getSystem().endsWith("/aa/oid-2.16.840.1.113883.1.1/policy"));
  }

  @Test
  void anAssigningAuthorityUrlThatIsNotAUriBecomesASenderLocalSystem() throws Exception {
    String message = Hl7Samples.replaceField(Hl7Samples.read(Hl7Samples.INSURANCE_AUTH), "PID", 3,
        "CBH-10442^^^CASCADE_BH&http://exa mple.org/mrn&URI^MR");
    TranslatedReferral referral = landed(message);

    assertThat(resource(referral.bundle(), Patient.class).getIdentifierFirstRep().getSystem()).doesNotContain(" ");
    assertThat(referral.quality().notes()).anyMatch(n -> n.text().contains("not a valid OID or URI")
        && "PID-3.4".equals(n.v2Location()));
  }

  @Test
  void allTheIssuesDirtTogetherStillLands() throws Exception {
    String message = Hl7Samples.read(Hl7Samples.INSURANCE_AUTH);
    message = Hl7Samples.replaceField(message, "PID", 3, "CBH-10442^^^CASCADE_BH&2.16.840.1.113883.1.1/policy&ISO^Cascade Hospital");
    message = Hl7Samples.replaceField(message, "PID", 15, "ENGLISH");
    message = Hl7Samples.replaceField(message, "PID", 7, "1977-09-09");
    message = Hl7Samples.replaceField(message, "IN1", 17, "18^^HL70063");
    TranslatedReferral referral = landed(message);

    assertThat(resource(referral.bundle(), ServiceRequest.class).getRequester().hasReference()).isTrue();
    assertThat(resource(referral.bundle(), Coverage.class)).isNotNull();
    assertThat(referral.quality().notes()).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void aDeathDateWithoutTheDeathIndicatorDoesNotMakeThePatientDeceased() throws Exception {
    String message = Hl7Samples.replaceField(Hl7Samples.read(Hl7Samples.INSURANCE_AUTH), "PID", 29, "20191212");
    TranslatedReferral referral = landed(message);

    assertThat(resource(referral.bundle(), Patient.class).hasDeceased()).isFalse();
    assertThat(referral.quality().notes()).anyMatch(n -> "PID-29".equals(n.v2Location()));
  }

  @Test
  void aNationalNumberThatIsNotAUsSsnIsNotFiledAsOne() throws Exception {
    String message = Hl7Samples.replaceField(Hl7Samples.read(Hl7Samples.INSURANCE_AUTH), "PID", 19, "9999998WB");
    TranslatedReferral referral = landed(message);

    assertThat(resource(referral.bundle(), Patient.class).getIdentifier())
        .noneMatch(i -> "http://hl7.org/fhir/sid/us-ssn".equals(i.getSystem()));
    assertThat(referral.quality().notes()).anyMatch(n -> "PID-19".equals(n.v2Location()));
  }

  @Test
  void aProviderWithAnotherRoleIsTakenAsReferrerWithANote() throws Exception {
    String message = Hl7Samples.read(Hl7Samples.INSURANCE_AUTH).replace("PRD|RP^Referring Provider", "PRD|PP^Primary");
    TranslatedReferral referral = landed(message);

    assertThat(resource(referral.bundle(), ServiceRequest.class).hasRequester()).isTrue();
    assertThat(referral.quality().notes()).anyMatch(n -> "PRD-1".equals(n.v2Location()));
  }

  @Test
  void aReferralWithoutReferrerIsNotRepairable() throws Exception {
    String message = Hl7Samples.read(Hl7Samples.INSURANCE_AUTH).replace("PRD|RP^Referring Provider", "PRD|RT^Other");
    TranslatedReferral referral = TRANSLATOR.translate(PARSER.parseReferral(message), message, Instant.now());

    assertThatThrownBy(() -> validator.validate(referral.bundle()))
        .isInstanceOfSatisfying(InvalidReferralException.class, e -> assertThat(e.outcome().getIssue())
            .anyMatch(i -> i.getDiagnostics().contains("referring provider")));
  }

  private TranslatedReferral landed(String message) throws Exception {
    TranslatedReferral referral = TRANSLATOR.translate(PARSER.parseReferral(message), message,
        Instant.parse("2026-11-21T09:00:00Z"));
    RepairingValidator.Result result = validator.validate(referral.bundle());
    DataQuality quality = referral.quality();
    result.removals().forEach(r -> quality.noteRemoved(r.expression(), r.reason()));
    return referral;
  }

  private static <T> T resource(Bundle bundle, Class<T> type) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
        .map(type::cast).findFirst().orElse(null);
  }
}
