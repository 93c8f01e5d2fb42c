package org.referralbridge.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.referralbridge.hl7.ApplicationId;
import org.referralbridge.hl7.Hl7Parser;
import org.referralbridge.validate.RepairingValidator;

/**
 * Golden-file test of {@link ResultsTranslator}: {@code hl7/results/<case>.hl7} attached to a fixed open referral
 * (ServiceRequest/12, version 3, of Patient/7) gives the Bundle in {@code <case>.expected.json}, compared as JSON
 * trees. Regenerate after a deliberate change with {@code -Dgolden.update=true} and review the difference.
 */
class ResultsTranslatorGoldenTests {

  private static final Path CASES = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "hl7",
      "results");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final Instant RECEIVED_AT = Instant.parse("2026-12-05T18:16:00Z");
  private static final TranslationSettings SETTINGS = TestTranslators.SETTINGS;

  private final Hl7Parser parser = new Hl7Parser();
  private final ResultsTranslator translator = new ResultsTranslator(SETTINGS);

  private static ResultsTranslator.OpenReferral referral() {
    ServiceRequest request = new ServiceRequest();
    request.setId("ServiceRequest/12/_history/3");
    request.getMeta().setVersionId("3");
    request.addIdentifier(new Identifier()
        .setSystem("http://referralbridge.org/fhir/sid/sender/GOLDEN_EHR/GOLDEN_PSYCH/referral-id")
        .setValue("GLD-REF-1"));
    request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
    request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    request.setSubject(new Reference("Patient/7"));
    request.setRequester(new Reference("PractitionerRole/5"));
    request.addSupportingInfo(new Reference("DocumentReference/9"));
    return new ResultsTranslator.OpenReferral(request, "GLD-REF-1");
  }

  @Test
  void attachesEachResultAndTheMessageToTheReferral() throws Exception {
    String raw = Files.readString(CASES.resolve("oru-r01-phq9-bp.hl7"), StandardCharsets.UTF_8);
    TranslatedReferral results = translator.translate(parser.parseResults(raw), raw, RECEIVED_AT, referral());
    compare("oru-r01-phq9-bp", results.bundle());
  }

  @Test
  void attachesADocumentWithItsEmbeddedPdfAndItsText() throws Exception {
    String raw = Files.readString(CASES.resolve("mdm-t02-consult-pdf.hl7"), StandardCharsets.UTF_8);
    TranslatedReferral document = translator.translateDocument(parser.parseDocument(raw), raw, RECEIVED_AT,
        referral());
    compare("mdm-t02-consult-pdf", document.bundle());
    DocumentReference report = (DocumentReference) document.bundle().getEntryFirstRep().getResource();
    assertThat(report.getContent()).extracting(c -> c.getAttachment().getContentType())
        .containsExactly("application/pdf", "text/plain; charset=utf-8");
    assertThat(new String(report.getContentFirstRep().getAttachment().getData(), StandardCharsets.ISO_8859_1))
        .startsWith("%PDF-1.4").endsWith("%%EOF\n");
    assertThat(report.getIdentifierFirstRep().getValue()).isEqualTo("DOC-4471");
    assertThat(report.getDocStatus()).isEqualTo(DocumentReference.ReferredDocumentStatus.FINAL);
    assertThat(document.quality().isEmpty()).isTrue();
    new RepairingValidator(TestTranslators.validator()).validate(document.bundle());
  }

  @Test
  void anEmbeddedDocumentThatCannotBeDecodedIsNotedAndTheMessageKept() throws Exception {
    String raw = Files.readString(CASES.resolve("mdm-t02-consult-pdf.hl7"), StandardCharsets.UTF_8)
        .replaceFirst("\\^Base64\\^[A-Za-z0-9+/=]+", "^Base64^***not base64***")
        .replaceFirst("OBX\\|2\\|TX[^\r]*\r", "");
    TranslatedReferral document = translator.translateDocument(parser.parseDocument(raw), raw, RECEIVED_AT,
        referral());
    assertThat(document.quality().notes()).extracting(DataQuality.Note::text)
        .anyMatch(n -> n.startsWith("an embedded document could not be decoded (BASE64)"))
        .anyMatch(n -> n.startsWith("the message carries no readable document content"));
    assertThat(document.bundle().getEntry()).extracting(e -> e.getResource().fhirType())
        .containsExactly("DocumentReference", "DocumentReference", "ServiceRequest");
  }

  @Test
  void theResultsBundleValidatesAgainstTheProfilesWithNothingRemoved() throws Exception {
    String raw = Files.readString(CASES.resolve("oru-r01-phq9-bp.hl7"), StandardCharsets.UTF_8);
    TranslatedReferral results = translator.translate(parser.parseResults(raw), raw, RECEIVED_AT, referral());
    RepairingValidator.Result validation;
    try {
      validation = new RepairingValidator(TestTranslators.validator()).validate(results.bundle());
    } catch (org.referralbridge.validate.InvalidReferralException e) {
      throw new AssertionError(FhirContext.forR4Cached().newJsonParser().encodeResourceToString(e.outcome()), e);
    }
    assertThat(validation.removals()).isEmpty();
    assertThat(results.quality().isEmpty()).isTrue();
  }

  @Test
  void findsThePatientByPid3AsTheReferralsPatientWasWritten() throws Exception {
    String raw = Files.readString(CASES.resolve("oru-r01-phq9-bp.hl7"), StandardCharsets.UTF_8);
    assertThat(translator.patientSearchTokens(parser.parseResults(raw).getPATIENT_RESULT().getPATIENT().getPID(),
        new ApplicationId("GOLDEN_EHR", "GOLDEN_PSYCH")))
        .containsExactly("http%3A%2F%2Freferralbridge.org%2Ffhir%2Fsid%2Faa%2FGOLDEN_PSYCH%7CGM-0001");
  }

  @Test
  void aResendMapsToTheSameResourcesAndOtherContentToNewOnes() throws Exception {
    String raw = Files.readString(CASES.resolve("oru-r01-phq9-bp.hl7"), StandardCharsets.UTF_8);
    String stampedAnew = raw.replace("20261205101500-0800", "20261206080000-0800");
    String otherValue = raw.replace("||23|", "||19|");
    assertThat(ifNoneExist(stampedAnew)).isEqualTo(ifNoneExist(raw));
    assertThat(ifNoneExist(otherValue)).doesNotContainAnyElementsOf(ifNoneExist(raw));
  }

  private java.util.List<String> ifNoneExist(String raw) throws Exception {
    return translator.translate(parser.parseResults(raw), raw, RECEIVED_AT, referral()).bundle().getEntry().stream()
        .map(e -> e.getRequest().getIfNoneExist()).filter(s -> s != null).toList();
  }

  private static void compare(String name, Bundle bundle) throws Exception {
    String actual = FhirContext.forR4Cached().newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle);
    Path expected = CASES.resolve(name + ".expected.json");
    if (UPDATE) {
      Files.writeString(expected, actual + "\n", StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(expected)) {
      fail("no " + expected.getFileName() + ": generate it with -Dgolden.update=true and review it");
    }
    ObjectMapper json = new ObjectMapper();
    if (!json.readTree(Files.readString(expected, StandardCharsets.UTF_8)).equals(json.readTree(actual))) {
      fail("Bundle of " + name + " differs from " + expected.getFileName() + " (regenerate with"
          + " -Dgolden.update=true only if the change is intended):\n" + actual);
    }
  }
}
