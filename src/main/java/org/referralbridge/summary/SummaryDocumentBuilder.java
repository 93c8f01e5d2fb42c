package org.referralbridge.summary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.referralbridge.infusion.DoseCalculator;
import org.referralbridge.infusion.DoseCheck;
import org.referralbridge.infusion.InfusionCodes;
import org.referralbridge.infusion.InfusionSession;
import org.referralbridge.infusion.InfusionSessionMapper;
import org.referralbridge.vocabulary.CodeSystems;
import org.referralbridge.vocabulary.Loinc;

/**
 * The feedback document for the referring provider (BSeR-style): a FHIR {@code document} Bundle whose first entry is
 * a Composition (Consult note) with a narrative section each for the session, vital signs, dissociation and adverse
 * events, outcome scores (this session and the trend across the series), and plan and notes. Then the Patient and
 * the clinic Organization (copies, without their store ids), then the session's resources from
 * {@link InfusionSessionMapper}, which the sections' entries reference.
 *
 * <p>The document refers to the referral by the referral's placer identifier (the id the referrer gave it), not by
 * a reference into the clinic's store: that id is what the referrer's system knows, and the document stays
 * self-contained. Only this session's resources are included; earlier sessions appear in the trend narrative (their
 * resources went with their own summaries). All fullUrls are name-based UUIDs of the document id (Composition,
 * Patient, Organization) or of the referral and session number (session resources), so the same input gives the
 * same Bundle.
 */
public final class SummaryDocumentBuilder {

  static final String SECTION_SESSION = "Session";
  static final String SECTION_VITAL_SIGNS = "Vital signs";
  static final String SECTION_DISSOCIATION = "Dissociation and adverse events";
  static final String SECTION_SCORES = "Outcome scores";
  static final String SECTION_PLAN = "Plan and notes for the therapist";
  static final String SECTION_PRINTABLE = "Printable copy";
  static final String SECTION_CHART = "Score trend chart";

  private static final DateTimeFormatter FHIR_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

  private final InfusionSessionMapper mapper = new InfusionSessionMapper();

  /** "Ketamine infusion summary — session 3 of the series". */
  public static String title(int sessionNumber) {
    return "Ketamine infusion summary \u2014 session " + sessionNumber + " of the series";
  }

  /**
   * @throws org.referralbridge.infusion.InvalidDoseException when the session's dose is refused
   * @throws IllegalArgumentException when the referral has no identifier
   */
  public Bundle build(SummaryInput in) {
    InfusionSession session = in.session();
    Bundle document = new Bundle().setType(Bundle.BundleType.DOCUMENT);
    document.setIdentifier(documentIdentifier(in.documentId()));
    String created = FHIR_DATE_TIME.format(in.created().atZone(in.zone()));
    document.setTimestampElement(new InstantType(created));

    Composition composition = new Composition();
    Bundle.BundleEntryComponent compositionEntry = document.addEntry()
        .setFullUrl(documentUrl(in, "composition")).setResource(composition);

    Patient patient = in.patient().copy();
    patient.setIdElement(null);
    Reference patientRef = new Reference(documentUrl(in, "patient"));
    document.addEntry().setFullUrl(patientRef.getReference()).setResource(patient);
    Organization clinic = in.clinic().copy();
    clinic.setIdElement(null);
    Reference clinicRef = new Reference(documentUrl(in, "clinic")).setDisplay(clinic.getName());
    document.addEntry().setFullUrl(clinicRef.getReference()).setResource(clinic);

    Identifier referralId = referralIdentifier(in.referral());
    Reference referralRef = new Reference().setIdentifier(referralId).setDisplay("Referral " + referralId.getValue());
    Bundle sessionResources = mapper.toResources(session, referralRef, patientRef, clinicRef);
    Sections sections = new Sections();
    for (Bundle.BundleEntryComponent entry : sessionResources.getEntry()) {
      document.addEntry().setFullUrl(entry.getFullUrl()).setResource(entry.getResource());
      sections.sort(entry);
    }

    DoseCheck dose = DoseCalculator.check(session.drug(), session.route(), session.doseMg(), session.weightKg());
    Narratives narratives = new Narratives(in.zone());
    List<ScoreTrend> trends = ScoreTrend.of(in.series());
    composition.setIdentifier(documentIdentifier(in.documentId()));
    composition.setStatus(Composition.CompositionStatus.FINAL);
    composition.setType(new CodeableConcept(Loinc.CONSULT_NOTE.coding()).setText("Ketamine infusion summary"));
    composition.setSubject(patientRef.copy());
    composition.setDateElement(new DateTimeType(created));
    composition.addAuthor(clinicRef.copy());
    composition.setTitle(title(session.sessionNumber()));
    composition.setCustodian(clinicRef.copy());
    Composition.CompositionEventComponent event = composition.addEvent();
    event.addCode().setText("Ketamine infusion session " + session.sessionNumber());
    event.setPeriod(((Procedure) sessionResources.getEntryFirstRep().getResource()).getPerformedPeriod().copy());
    event.addDetail(new Reference(sessionResources.getEntryFirstRep().getFullUrl()));

    section(composition, SECTION_SESSION, narratives.session(session, dose, referralId.getValue()), sections.session);
    section(composition, SECTION_VITAL_SIGNS, narratives.vitalSigns(session), sections.vitalSigns);
    section(composition, SECTION_DISSOCIATION, narratives.dissociationAndAdverseEvents(session),
        sections.dissociation);
    section(composition, SECTION_SCORES, narratives.scores(session, in.series(), trends), sections.scores);
    // the plan (followUp) and the notes are on the Procedure
    section(composition, SECTION_PLAN, narratives.planAndNotes(session),
        List.of(new Reference(sessionResources.getEntryFirstRep().getFullUrl())));
    return document;
  }

  /**
   * A copy of {@code document} with {@code pdf} (its rendering by {@link SummaryPdf}) attached: a DocumentReference
   * entry holding the PDF, referenced from a last "Printable copy" section. The PDF is rendered from the document
   * without this section, so attaching it afterwards creates no circle; receivers that only take the structured
   * document can ignore the section.
   */
  public Bundle attachPdf(Bundle document, byte[] pdf) {
    Composition composition = (Composition) document.getEntryFirstRep().getResource();
    return attach(document, pdf, "pdf", "application/pdf", "PDF rendering of this summary", SECTION_PRINTABLE,
        Narratives.printableCopy(composition.getTitle()));
  }

  /** A copy of the document with the score trend chart (PNG) attached in its own section. */
  public Bundle attachChart(Bundle document, byte[] png) {
    return attach(document, png, "chart", "image/png", "Chart of the scores across the series", SECTION_CHART,
        Narratives.trendChart());
  }

  private static Bundle attach(Bundle document, byte[] data, String key, String contentType, String description,
      String sectionTitle, Narrative narrative) {
    Bundle copy = document.copy();
    Composition composition = (Composition) copy.getEntryFirstRep().getResource();
    String fullUrl = "urn:uuid:" + UUID.nameUUIDFromBytes(("document|" + copy.getIdentifier().getValue() + "|" + key)
        .getBytes(StandardCharsets.UTF_8));
    DocumentReference reference = new DocumentReference();
    reference.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
    reference.setDocStatus(DocumentReference.ReferredDocumentStatus.FINAL);
    reference.setType(composition.getType().copy());
    reference.setSubject(composition.getSubject().copy());
    reference.setDate(composition.getDate());
    composition.getAuthor().forEach(author -> reference.addAuthor(author.copy()));
    reference.setDescription(description);
    Attachment attachment = reference.addContent().getAttachment();
    attachment.setContentType(contentType).setData(data).setSize(data.length).setHash(sha1(data))
        .setTitle(composition.getTitle()).setCreationElement(composition.getDateElement().copy());
    copy.addEntry().setFullUrl(fullUrl).setResource(reference);
    section(composition, sectionTitle, narrative, List.of(new Reference(fullUrl)));
    return copy;
  }

  private static void section(Composition composition, String title, Narrative text, List<Reference> entries) {
    Composition.SectionComponent section = composition.addSection().setTitle(title).setText(text);
    entries.forEach(section::addEntry);
  }

  /** Sorts the session's resources into the sections that list them. */
  private static final class Sections {
    final List<Reference> session = new ArrayList<>();
    final List<Reference> vitalSigns = new ArrayList<>();
    final List<Reference> dissociation = new ArrayList<>();
    final List<Reference> scores = new ArrayList<>();

    void sort(Bundle.BundleEntryComponent entry) {
      Reference reference = new Reference(entry.getFullUrl());
      Resource resource = entry.getResource();
      if (resource instanceof Procedure || resource instanceof MedicationAdministration) {
        session.add(reference);
      } else if (resource instanceof Observation observation) {
        if (observation.getCode().hasCoding(CodeSystems.LOINC, Loinc.BODY_WEIGHT.code())) {
          session.add(reference);
        } else if (hasCategory(observation, InfusionCodes.CATEGORY_VITAL_SIGNS)) {
          vitalSigns.add(reference);
        } else if (observation.getCode().hasCoding(InfusionCodes.INSTRUMENTS, InfusionCodes.PROJECT_CADSS)
            || observation.getCode().hasCoding(InfusionCodes.INSTRUMENTS, InfusionCodes.PROJECT_CADSS_6)
            || observation.getCode().hasCoding(InfusionCodes.INSTRUMENTS, InfusionCodes.PROJECT_ADVERSE_EVENT)) {
          dissociation.add(reference);
        } else {
          scores.add(reference);
        }
      }
    }

    private static boolean hasCategory(Observation observation, String code) {
      return observation.getCategory().stream().anyMatch(c -> c.hasCoding(InfusionCodes.OBSERVATION_CATEGORY, code));
    }
  }

  /** The referrer's id of the referral: its placer identifier, or else its first identifier with a value. */
  static Identifier referralIdentifier(ServiceRequest referral) {
    List<Identifier> identifiers = referral.getIdentifier().stream().filter(Identifier::hasValue).toList();
    return identifiers.stream()
        .filter(id -> id.getType().hasCoding(InfusionCodes.V2_IDENTIFIER_TYPE, InfusionCodes.ID_TYPE_PLACER))
        .findFirst()
        .or(() -> identifiers.stream().findFirst())
        .map(Identifier::copy)
        .orElseThrow(() -> new IllegalArgumentException("the referral has no identifier to refer to it by"));
  }

  private static Identifier documentIdentifier(String documentId) {
    return new Identifier().setSystem(InfusionCodes.SUMMARY_DOCUMENT_IDENTIFIER).setValue(documentId);
  }

  private static String documentUrl(SummaryInput in, String key) {
    return "urn:uuid:" + UUID.nameUUIDFromBytes(("document|" + in.documentId() + "|" + key)
        .getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sha1(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(data); // FHIR R4 Attachment.hash is SHA-1
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
