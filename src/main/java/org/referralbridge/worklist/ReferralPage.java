package org.referralbridge.worklist;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.referralbridge.translate.DataQuality;
import org.referralbridge.infusion.InfusionSession;
import org.referralbridge.outbound.OutboundStore;
import org.referralbridge.outbound.SessionRecords;
import org.referralbridge.triage.OverdueRule;
import org.referralbridge.triage.ReferralFacts;
import org.referralbridge.triage.ScreeningFlag;
import org.referralbridge.triage.ScreeningRules;
import org.referralbridge.triage.TaskAction;
import org.referralbridge.triage.TaskWorkflow;

/** Assembles a referral's page: the referral, its patient and referrer, flags, history and deliveries. */
class ReferralPage {

  private final ReferralRecords records;
  private final OutboundStore outbound;
  private final SessionRecords sessions;
  private final WorklistProperties properties;
  private final Clock clock;
  private final DateTimeFormatter dateTime;

  ReferralPage(ReferralRecords records, OutboundStore outbound, SessionRecords sessions, WorklistProperties properties,
      Clock clock) {
    this.records = records;
    this.outbound = outbound;
    this.sessions = sessions;
    this.properties = properties;
    this.clock = clock;
    this.dateTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(properties.zone());
  }

  ReferralView view(String taskId) {
    Task task = records.task(taskId).orElseThrow(() -> new ReferralNotFoundException(taskId));
    ServiceRequest request = records.read(ServiceRequest.class, task.getFocus())
        .orElseThrow(() -> new ReferralNotFoundException(taskId));
    List<Reference> references = new ArrayList<>();
    references.add(request.getSubject());
    references.add(request.getRequester());
    references.addAll(request.getReasonReference());
    references.addAll(request.getSupportingInfo());
    references.addAll(request.getInsurance());
    Map<String, Resource> resolved = records.resolve(references);
    List<Reference> more = new ArrayList<>();
    if (resolved.get(request.getRequester().getReference()) instanceof PractitionerRole role) {
      more.add(role.getPractitioner());
      more.add(role.getOrganization());
    }
    resolved.putAll(records.resolve(more));

    Patient patient = (Patient) resolved.get(request.getSubject().getReference());
    List<Condition> conditions = of(resolved, request.getReasonReference(), Condition.class);
    List<Observation> observations = of(resolved, request.getSupportingInfo(), Observation.class);
    List<AllergyIntolerance> allergies = of(resolved, request.getSupportingInfo(), AllergyIntolerance.class);
    List<DocumentReference> documents = of(resolved, request.getSupportingInfo(), DocumentReference.class);
    List<String> notes = request.getNote().stream().map(Annotation::getText).toList();
    List<MedicationStatement> medications = patient == null ? List.of()
        : records.medicationStatements(request.getSubject());

    List<ScreeningFlag> flags = ScreeningRules.evaluate(new ReferralFacts(patient, conditions, observations,
        allergies, medications, notes));
    String statusCode = task.getBusinessStatus().getCodingFirstRep().getCode();
    Date authored = task.getAuthoredOn();
    boolean overdue = authored != null && new OverdueRule(properties.overdueAfterBusinessDays())
        .isOverdue(authored.toInstant(), statusCode, clock.instant(), properties.zone());

    DocumentReference original = documents.isEmpty() ? null : documents.get(0);
    String originalText = original == null || !original.hasContent() ? ""
        : new String(original.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8)
            .replace("\r", "\n");

    return new ReferralView(taskId, request.getIdElement().getIdPart(),
        task.getBusinessStatus().getCodingFirstRep().getDisplay(), statusCode,
        request.getPriority() == null ? "routine" : request.getPriority().toCode(),
        authored == null ? "" : dateTime.format(authored.toInstant()), overdue,
        task.hasStatusReason() ? Display.concept(task.getStatusReason()) : null,
        task.getExecutionPeriod().hasStart() ? dateTime.format(task.getExecutionPeriod().getStart().toInstant()) : null,
        Display.patient(patient), patientDetails(patient),
        Worklist.referrer(request.getRequester(), resolved), referrerContacts(request, resolved),
        request.getReasonCode().stream().map(Display::concept).filter(s -> !s.isBlank()).toList(),
        conditions.stream().map(this::diagnosis).toList(),
        observations.stream().map(this::score).toList(),
        medications.stream().map(ReferralPage::medication).toList(),
        allergies.stream().map(this::allergy).toList(),
        insurance(request, resolved), notes,
        notesBy(task, DataQuality.AUTHOR), notesBy(task, ReferralActions.REFERRER_UPDATE),
        documents.stream().filter(ReferralPage::fromReferrer).map(this::document).toList(),
        flags.stream().map(ReferralPage::flag).toList(),
        TaskWorkflow.allowedActions(statusCode).stream().map(TaskAction::name).sorted().toList(),
        history(task), outbound.forReferral(request.getIdElement().getIdPart()),
        sessions.series(request.getIdElement().getIdPart()).stream().map(this::session).toList(),
        originalText, original == null ? "" : original.getDescription());
  }

  /** A document the referrer sent (MDM), not one of the messages kept as received. */
  private static boolean fromReferrer(DocumentReference document) {
    return !(document.hasType() && document.getType().hasText()
        && document.getType().getText().endsWith("message as received"));
  }

  /** "Consultation (MDM^T02 CTL-1): application/pdf, 92 bytes; received 2026-12-05 10:16". */
  private String document(DocumentReference document) {
    String content = document.getContent().stream().map(c -> c.getAttachment().getContentType()
        + (c.getAttachment().hasSize() ? ", " + c.getAttachment().getSize() + " bytes" : ""))
        .collect(java.util.stream.Collectors.joining("; "));
    return document.getDescription() + ": " + content
        + (document.hasDate() ? "; received " + dateTime.format(document.getDate().toInstant()) : "");
  }

  /** The Task's notes by this author, oldest first. */
  private static List<String> notesBy(Task task, String author) {
    return task.getNote().stream().filter(n -> n.hasAuthorStringType()
        && author.equals(n.getAuthorStringType().getValue())).map(Annotation::getText).toList();
  }

  private static <T extends Resource> List<T> of(Map<String, Resource> resolved, List<Reference> references,
      Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Reference reference : references) {
      Resource resource = resolved.get(reference.getReference());
      if (type.isInstance(resource)) {
        out.add(type.cast(resource));
      }
    }
    return out;
  }

  private static List<String> patientDetails(Patient patient) {
    List<String> details = new ArrayList<>();
    if (patient == null) {
      return details;
    }
    if (patient.hasGender()) {
      details.add("Sex: " + patient.getGender().getDisplay());
    }
    for (Identifier identifier : patient.getIdentifier()) {
      details.add("Id: " + identifier.getValue() + " (" + identifier.getSystem() + ")");
    }
    patient.getAddress().forEach(a -> details.add("Address: " + String.join(", ",
        a.getLine().stream().map(l -> l.getValue()).toList()) + ", " + a.getCity() + " " + a.getState() + " "
        + a.getPostalCode()));
    for (ContactPoint telecom : patient.getTelecom()) {
      details.add(telecom.getSystem().getDisplay() + ": " + telecom.getValue());
    }
    return details;
  }

  private static List<String> referrerContacts(ServiceRequest request, Map<String, Resource> resolved) {
    List<String> contacts = new ArrayList<>();
    if (resolved.get(request.getRequester().getReference()) instanceof PractitionerRole role) {
      role.getTelecom().forEach(t -> contacts.add(t.getSystem().getDisplay() + ": " + t.getValue()));
      if (resolved.get(role.getPractitioner().getReference()) instanceof Practitioner practitioner) {
        practitioner.getIdentifier().forEach(i -> contacts.add("Id: " + i.getValue() + " (" + i.getSystem() + ")"));
      }
      if (resolved.get(role.getOrganization().getReference()) instanceof Organization organization) {
        organization.getContact().forEach(c -> contacts.add("Contact: " + Display.name(c.getName()) + " "
            + c.getTelecom().stream().map(ContactPoint::getValue).toList()));
      }
    }
    return contacts;
  }

  private String diagnosis(Condition condition) {
    String code = condition.getCode().getCoding().stream().map(c -> c.getCode()).findFirst().orElse("");
    return (code.isEmpty() ? "" : code + " ") + Display.concept(condition.getCode())
        + (condition.hasVerificationStatus() ? " (" + condition.getVerificationStatus().getCodingFirstRep().getCode()
            + ")" : "");
  }

  private ReferralView.Result score(Observation observation) {
    String when = observation.hasEffectiveDateTimeType()
        ? observation.getEffectiveDateTimeType().getValueAsString() : "";
    String interpretation = observation.getInterpretation().stream()
        .map(i -> i.getCodingFirstRep().getCode()).reduce((a, b) -> a + " " + b).orElse("");
    List<String> notes = observation.getNote().stream().map(Annotation::getText)
        .filter(text -> text != null && !text.isBlank()).toList();
    return new ReferralView.Result(Display.concept(observation.getCode()),
        Display.value(observation.getValue()) + (interpretation.isEmpty() ? "" : " (" + interpretation + ")"), when,
        notes);
  }

  private static String medication(MedicationStatement statement) {
    String name = statement.hasMedicationCodeableConcept() ? Display.concept(statement.getMedicationCodeableConcept())
        : "medication";
    String dose = statement.getDosage().stream().map(d -> d.getText()).filter(t -> t != null && !t.isBlank())
        .findFirst().orElse("");
    return name + (dose.isEmpty() ? "" : " — " + dose)
        + (statement.hasStatus() ? " (" + statement.getStatus().toCode() + ")" : "");
  }

  private String allergy(AllergyIntolerance allergy) {
    String reactions = allergy.getReaction().stream()
        .flatMap(r -> r.getManifestation().stream()).map(Display::concept).reduce((a, b) -> a + ", " + b)
        .orElse("");
    return Display.concept(allergy.getCode()) + (reactions.isEmpty() ? "" : " — " + reactions)
        + (allergy.hasCriticality() ? " (criticality " + allergy.getCriticality().toCode() + ")" : "");
  }

  private static List<String> insurance(ServiceRequest request, Map<String, Resource> resolved) {
    List<String> lines = new ArrayList<>();
    for (Reference reference : request.getInsurance()) {
      Resource resource = resolved.get(reference.getReference());
      if (resource instanceof Coverage coverage) {
        lines.add("Coverage: " + coverage.getClass_().stream().map(c -> c.getName() != null ? c.getName()
            : c.getValue()).reduce((a, b) -> a + ", " + b).orElse("") + (coverage.hasSubscriberId()
            ? " (member " + coverage.getSubscriberId() + ")" : ""));
      } else if (resource instanceof ClaimResponse authorization) {
        lines.add("Prior authorisation " + authorization.getPreAuthRef() + (authorization.hasProcessNote()
            ? ": " + authorization.getProcessNoteFirstRep().getText() : ""));
      }
    }
    return lines;
  }

  private List<ReferralView.Row> history(Task task) {
    List<ReferralView.Row> rows = new ArrayList<>();
    if (task.getAuthoredOn() != null) {
      rows.add(new ReferralView.Row(dateTime.format(task.getAuthoredOn().toInstant()), "Referral received",
          "ReferralBridge"));
    }
    for (Resource resource : records.provenance(task)) {
      Provenance provenance = (Provenance) resource;
      rows.add(new ReferralView.Row(provenance.getRecorded() == null ? ""
          : dateTime.format(provenance.getRecorded().toInstant()), provenance.getActivity().getText(),
          provenance.getAgentFirstRep().getWho().getDisplay()));
    }
    return rows;
  }

  private ReferralView.Row session(InfusionSession session) {
    String scores = session.scores().stream()
        .map(s -> s.instrument().name() + " " + (s.pre() == null ? "–" : s.pre()) + " → "
            + (s.post() == null ? "–" : s.post()))
        .reduce((a, b) -> a + ", " + b).orElse("");
    return new ReferralView.Row(String.valueOf(session.sessionNumber()),
        dateTime.format(session.start().toInstant()) + " · " + session.doseMg() + " mg "
            + session.route() + " (" + session.weightKg() + " kg)", scores);
  }

  private static ReferralView.Flag flag(ScreeningFlag flag) {
    return new ReferralView.Flag(flag.kind().title(), flag.severity().title(),
        flag.severity().name().toLowerCase(Locale.ROOT),
        flag.evidence().stream().map(e -> e.description()).toList());
  }
}
