package org.referralbridge.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.referralbridge.infusion.Drug;
import org.referralbridge.infusion.InfusionSession;
import org.referralbridge.infusion.Route;
import org.referralbridge.infusion.SampleSessions;
import org.referralbridge.validate.ProfileValidator;

class SummaryDocumentBuilderTests {

  private static ProfileValidator validator;
  private final SummaryDocumentBuilder builder = new SummaryDocumentBuilder();

  @BeforeAll
  static void loadProfiles() {
    validator = new ProfileValidator(FhirContext.forR4Cached(), Path.of("fhir-profiles"));
  }

  private static Composition composition(Bundle document) {
    return (Composition) document.getEntryFirstRep().getResource();
  }

  private static Composition.SectionComponent section(Bundle document, String title) {
    return composition(document).getSection().stream().filter(s -> s.getTitle().equals(title)).findFirst()
        .orElseThrow();
  }

  /** The narrative's text, white space collapsed. */
  private static String text(Narrative narrative) {
    return narrative.getDiv().allText().replaceAll("\\s+", " ").strip();
  }

  private static SummaryInput input(InfusionSession session, List<InfusionSession> previous) {
    return new SummaryInput(SummaryFixtures.patient(), SummaryFixtures.clinic(), SummaryFixtures.referral(), session,
        previous, SummaryFixtures.DOCUMENT_ID, SummaryFixtures.CREATED, SummaryFixtures.ZONE);
  }

  @Test
  void isADocumentBundleIdentifiedByTheDocumentIdAndStampedWithItsCreationTime() {
    Bundle document = builder.build(SummaryFixtures.input());
    assertThat(document.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
    assertThat(document.getIdentifier().getValue()).isEqualTo(SummaryFixtures.DOCUMENT_ID);
    assertThat(document.getTimestamp().toInstant()).isEqualTo(SummaryFixtures.CREATED);
    assertThat(document.getTimestampElement().getValueAsString()).isEqualTo("2026-11-10T12:30:00-08:00");
    assertThat(document.getEntryFirstRep().getResource()).isInstanceOf(Composition.class);
    assertThat(document.getEntry()).allSatisfy(e -> {
      assertThat(e.getFullUrl()).startsWith("urn:uuid:");
      assertThat(e.hasRequest()).isFalse();
    });
  }

  @Test
  void theCompositionIsAFinalConsultNoteAboutThePatientAuthoredByTheClinic() {
    Bundle document = builder.build(SummaryFixtures.input());
    Composition composition = composition(document);
    Map<String, Resource> byUrl = byUrl(document);
    assertThat(composition.getStatus()).isEqualTo(Composition.CompositionStatus.FINAL);
    assertThat(composition.getType().hasCoding("http://loinc.org", "11488-4")).isTrue();
    assertThat(composition.getTitle()).isEqualTo("Ketamine infusion summary \u2014 session 3 of the series");
    assertThat(composition.getIdentifier().getValue()).isEqualTo(SummaryFixtures.DOCUMENT_ID);
    assertThat(composition.getDateElement().getValueAsString()).isEqualTo("2026-11-10T12:30:00-08:00");
    assertThat(byUrl.get(composition.getSubject().getReference())).isInstanceOf(Patient.class);
    assertThat(byUrl.get(composition.getAuthorFirstRep().getReference()))
        .hasFieldOrPropertyWithValue("name", "Lakeside Ketamine Clinic");
    assertThat(byUrl.get(composition.getEventFirstRep().getDetailFirstRep().getReference()))
        .isInstanceOf(Procedure.class);
  }

  @Test
  void theSectionsComeInOrderWithGeneratedXhtmlNarratives() {
    Composition composition = composition(builder.build(SummaryFixtures.input()));
    assertThat(composition.getSection()).extracting(Composition.SectionComponent::getTitle).containsExactly(
        "Session", "Vital signs", "Dissociation and adverse events", "Outcome scores",
        "Plan and notes for the therapist");
    assertThat(composition.getSection()).allSatisfy(section -> {
      assertThat(section.getText().getStatus()).isEqualTo(Narrative.NarrativeStatus.GENERATED);
      assertThat(section.getText().getDivAsString()).startsWith("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
    });
  }

  @Test
  void theSessionSectionGivesDateDrugRouteWeightDoseAndDuration() {
    String session = text(section(builder.build(SummaryFixtures.input()), "Session").getText());
    assertThat(session).contains("2026-11-10, 09:00 to 09:40 PST", "3 of the series", "RBT-REF-0042",
        "Racemic ketamine", "Intravenous", "72.0 kg", "36 mg (0.50 mg/kg)", "40 min", "Dr. Avery Sample, MD",
        "Alert and oriented, walking unaided; escort: Spouse");
  }

  @Test
  void theVitalSignsSectionIsATableOfBeforeDuringAndAfter() {
    Composition.SectionComponent vitals = section(builder.build(SummaryFixtures.input()), "Vital signs");
    String div = vitals.getText().getDivAsString();
    assertThat(div).contains("<th>BP (mmHg)</th>", "<td>Before</td><td>08:50</td><td>128/82</td><td>74</td>",
        "<td>After</td><td>10:10</td><td>124/80</td>");
    assertThat(vitals.getEntry()).hasSize(19);
  }

  @Test
  void theDissociationSectionListsTheScoreAndEachAdverseEventWithTheActionTaken() {
    Composition.SectionComponent section = section(builder.build(SummaryFixtures.input()),
        "Dissociation and adverse events");
    assertThat(text(section.getText())).contains("Dissociation (CADSS-6): 8 of 24.",
        "Nausea at 25 minutes. Action taken: Ondansetron 4 mg IV; resolved within 15 minutes.");
    assertThat(section.getEntry()).hasSize(2);
  }

  @Test
  void theScoresSectionShowsThisSessionAndTheTrendWithChangeFromBaselineAndResponse() {
    Composition.SectionComponent section = section(builder.build(SummaryFixtures.input()), "Outcome scores");
    String text = text(section.getText());
    assertThat(text).contains("22 / 14 (-36%)", "16 / 10 (-55%)", "12 / 8 (-64%)", "34 / 22 (-35%)",
        "PHQ-9: 22 at baseline (session 1), 8 now (-64%): response (a reduction of \u226550% from baseline).",
        "MADRS: 34 at baseline (session 1), 12 now (-65%): response",
        "GAD-7: 15 at baseline (session 1), 9 now (-40%): not a response yet",
        "C-SSRS: 2 at baseline (session 1), 1 now (-50%); response does not apply to this instrument.");
    assertThat(section.getText().getDivAsString()).contains("<td>PHQ-9</td><td>12</td><td>8</td><td>-4</td>");
    assertThat(section.getEntry()).as("pre and post of PHQ-9, GAD-7, MADRS").hasSize(6);
  }

  @Test
  void thePlanSectionCarriesThePlanAndTheNotesForTheTherapist() {
    String text = text(section(builder.build(SummaryFixtures.input()), "Plan and notes for the therapist").getText());
    assertThat(text).contains("Plan: Session 4 on 2026-11-12", "Notes for the therapist: Reports more energy");
  }

  @Test
  void everySessionResourceIsInTheBundleAndListedInASection() {
    Bundle document = builder.build(SummaryFixtures.input());
    Set<String> listed = composition(document).getSection().stream().flatMap(s -> s.getEntry().stream())
        .map(Reference::getReference).collect(Collectors.toSet());
    List<String> sessionResources = document.getEntry().stream().skip(3).map(Bundle.BundleEntryComponent::getFullUrl)
        .toList();
    assertThat(sessionResources).hasSize(1 + 1 + 1 + 19 + 1 + 1 + 6);
    assertThat(listed).containsExactlyInAnyOrderElementsOf(sessionResources);
  }

  @Test
  void everyLiteralReferenceResolvesInsideTheDocument() {
    Bundle document = builder.build(SummaryFixtures.input());
    Set<String> fullUrls = byUrl(document).keySet();
    List<Reference> references = new ArrayList<>();
    document.getEntry().forEach(e -> collectReferences(e.getResource(), references));
    assertThat(references).isNotEmpty().allSatisfy(reference -> {
      if (reference.hasReference()) {
        assertThat(fullUrls).contains(reference.getReference());
      } else {
        assertThat(reference.hasIdentifier() || reference.hasDisplay()).isTrue();
      }
    });
  }

  @Test
  void theReferralIsReferredToByTheReferrersPlacerIdentifier() {
    Bundle document = builder.build(SummaryFixtures.input());
    Procedure procedure = (Procedure) document.getEntry().get(3).getResource();
    Reference basedOn = procedure.getBasedOnFirstRep();
    assertThat(basedOn.hasReference()).isFalse();
    assertThat(basedOn.getIdentifier().getValue()).isEqualTo("RBT-REF-0042");
    assertThat(basedOn.getDisplay()).isEqualTo("Referral RBT-REF-0042");
  }

  @Test
  void thePatientAndClinicAreCopiedWithoutTheirStoreIdsAndTheInputIsLeftAlone() {
    SummaryInput input = SummaryFixtures.input();
    Bundle document = builder.build(input);
    assertThat(document.getEntry().get(1).getResource().hasId()).isFalse();
    assertThat(document.getEntry().get(2).getResource().hasId()).isFalse();
    assertThat(input.patient().getIdElement().getIdPart()).isEqualTo("12");
    assertThat(((Patient) document.getEntry().get(1).getResource()).getNameFirstRep().getFamily())
        .isEqualTo("Testperson");
  }

  @Test
  void laterSessionsAreLeftOutOfTheTrendAndTheReportedSessionWinsOverAnEarlierCopy() {
    SummaryInput input = input(SampleSessions.session2(),
        List.of(SampleSessions.session3(), SampleSessions.session1(), SampleSessions.session2()));
    assertThat(input.series()).extracting(InfusionSession::sessionNumber).containsExactly(1, 2);
    String text = text(section(builder.build(input), "Outcome scores").getText());
    assertThat(text).contains("PHQ-9: 22 at baseline (session 1), 10 now (-55%): response").doesNotContain("12 / 8");
  }

  @Test
  void aSessionWithLittleRecordedSaysSoInEachSection() {
    Bundle document = builder.build(input(SampleSessions.esketamine(), List.of()));
    assertThat(text(section(document, "Vital signs").getText())).isEqualTo("No vital signs were recorded.");
    assertThat(text(section(document, "Dissociation and adverse events").getText()))
        .isEqualTo("Dissociation was not rated. No adverse events.");
    assertThat(text(section(document, "Plan and notes for the therapist").getText()))
        .isEqualTo("No plan or notes were recorded.");
    assertThat(text(section(document, "Session").getText())).contains("Esketamine nasal spray", "Intranasal",
        "56 mg (0.87 mg/kg)", "120 min");
    assertThat(composition(document).getTitle()).endsWith("session 1 of the series");
  }

  @Test
  void whatAClinicianTypedIsEscapedInTheNarrative() {
    InfusionSession session = InfusionSession.builder(1, SampleSessions.session1().start()).durationMinutes(40)
        .drug(Drug.KETAMINE_RACEMIC, Route.IV)
        .dose("36", "72").notesForTherapist("BP <140 & \"stable\" <script>alert(1)</script>").build();
    Bundle document = builder.build(input(session, List.of()));
    String div = section(document, "Plan and notes for the therapist").getText().getDivAsString();
    assertThat(div).doesNotContain("<script>").contains("&lt;script&gt;", "&lt;140 &amp;");
    Bundle parsedBack = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class,
        FhirContext.forR4Cached().newJsonParser().encodeResourceToString(document));
    assertThat(text(section(parsedBack, "Plan and notes for the therapist").getText()))
        .isEqualTo("Notes for the therapist: BP <140 & \"stable\" <script>alert(1)</script>");
    assertNoErrors(validator.validate(document));
  }

  @Test
  void aReferralWithoutAnIdentifierIsRefused() {
    SummaryInput input = new SummaryInput(SummaryFixtures.patient(), SummaryFixtures.clinic(),
        new ServiceRequest(), SampleSessions.session1(), List.of(), "doc-1",
        SummaryFixtures.CREATED, SummaryFixtures.ZONE);
    assertThatThrownBy(() -> builder.build(input)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theDocumentIsValidFhirR4WithTheProjectsProfiles() {
    assertNoErrors(validator.validate(builder.build(SummaryFixtures.input())));
    assertNoErrors(validator.validate(builder.build(input(SampleSessions.esketamine(), List.of()))));
  }

  @Test
  void theDocumentParsedBackFromJsonIsStillValid() {
    FhirContext fhir = FhirContext.forR4Cached();
    Bundle parsed = fhir.newJsonParser().parseResource(Bundle.class,
        fhir.newJsonParser().encodeResourceToString(builder.build(SummaryFixtures.input())));
    assertNoErrors(validator.validate(parsed));
  }

  @Test
  void attachingThePdfAddsADocumentReferenceAndAPrintableCopySectionToACopy() {
    Bundle document = builder.build(SummaryFixtures.input());
    byte[] pdf = SummaryPdf.render(document, null);
    Bundle withPdf = builder.attachPdf(document, pdf);
    assertThat(document.getEntry()).hasSize(withPdf.getEntry().size() - 1);
    DocumentReference reference = (DocumentReference) withPdf.getEntry().get(withPdf.getEntry().size() - 1)
        .getResource();
    assertThat(reference.getContentFirstRep().getAttachment().getContentType()).isEqualTo("application/pdf");
    assertThat(reference.getContentFirstRep().getAttachment().getData()).isEqualTo(pdf);
    assertThat(reference.getContentFirstRep().getAttachment().getHash()).hasSize(20);
    assertThat(reference.getSubject().getReference()).isEqualTo(composition(document).getSubject().getReference());
    Composition.SectionComponent printable = section(withPdf, "Printable copy");
    assertThat(printable.getEntryFirstRep().getReference())
        .isEqualTo(withPdf.getEntry().get(withPdf.getEntry().size() - 1).getFullUrl());
    assertThat(composition(document).getSection()).hasSize(5);
    assertNoErrors(validator.validate(withPdf));
  }

  private static void assertNoErrors(OperationOutcome outcome) {
    assertThat(outcome.getIssue()).as(() -> outcome.getIssue().stream()
            .map(i -> i.getSeverity() + " " + i.getLocation() + " " + i.getDiagnostics())
            .collect(Collectors.joining("\n")))
        .noneMatch(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR
            || i.getSeverity() == OperationOutcome.IssueSeverity.FATAL);
  }

  private static Map<String, Resource> byUrl(Bundle document) {
    return document.getEntry().stream().collect(Collectors.toMap(Bundle.BundleEntryComponent::getFullUrl,
        Bundle.BundleEntryComponent::getResource));
  }

  private static void collectReferences(Base element, List<Reference> out) {
    if (element instanceof Reference reference) {
      out.add(reference);
      return;
    }
    for (Property property : element.children()) {
      for (Base child : property.getValues()) {
        collectReferences(child, out);
      }
    }
  }
}
