package org.referralbridge.translate;

import static org.referralbridge.translate.V2Types.text;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.v28.datatype.CWE;
import ca.uhn.hl7v2.model.v28.datatype.EI;
import ca.uhn.hl7v2.model.v28.group.REF_I12_OBSERVATION;
import ca.uhn.hl7v2.model.v28.group.REF_I12_PROVIDER_CONTACT;
import ca.uhn.hl7v2.model.v28.group.REF_I12_RESULTS_NOTES;
import ca.uhn.hl7v2.model.v28.message.REF_I12;
import ca.uhn.hl7v2.model.v28.segment.AUT;
import ca.uhn.hl7v2.model.v28.segment.MSH;
import ca.uhn.hl7v2.model.v28.segment.NTE;
import ca.uhn.hl7v2.model.v28.segment.RF1;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.referralbridge.hl7.ApplicationId;
import org.referralbridge.hl7.MessageFingerprint;
import org.referralbridge.hl7.ReferralSegmentOrder;
import org.referralbridge.vocabulary.CodeSystems;
import org.referralbridge.vocabulary.Loinc;
import org.referralbridge.vocabulary.ReferralPriority;
import org.referralbridge.vocabulary.ReferralStatus;

/**
 * REF^I12 (and REF^I11, parsed into the same v2.8 structure) → a FHIR R4 transaction Bundle: Patient, the referring
 * provider (Practitioner, PractitionerRole, Organization), the referred-to provider as performer, ServiceRequest,
 * Condition, Coverage, ClaimResponse (authorisation), AllergyIntolerance, Observations, the original message as a
 * DocumentReference, and a BSeR-style Task for the clinic. Plain Java: no Camel, no I/O.
 */
public final class RefI12Translator {

  /** Segments that are mapped to discrete FHIR elements; any other segment is listed on the DocumentReference. */
  private static final Set<String> MAPPED_SEGMENTS =
      Set.of("MSH", "RF1", "AUT", "PRD", "CTD", "PID", "IN1", "DG1", "AL1", "OBR", "OBX", "NTE");

  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  private final TranslationSettings settings;
  private final IdentifierSystems systems;
  private final TerminologyGate gate;

  public RefI12Translator(TranslationSettings settings, Terminology terminology) {
    this.settings = settings;
    this.systems = new IdentifierSystems(settings.identifierBase());
    this.gate = new TerminologyGate(terminology);
  }

  /** Who sent a referral and its id in the sender's system (RF1-6): together, the referral's idempotency key. */
  public record ReferralIdentity(ApplicationId sender, String referralId) {
    public String key() {
      return sender.key() + "|" + referralId;
    }
  }

  /** The identity of a referral message, or a referral id of null when RF1-6 is empty. */
  public static ReferralIdentity identityOf(REF_I12 message) {
    MSH msh = message.getMSH();
    ApplicationId sender = new ApplicationId(text(msh.getSendingApplication().getNamespaceID()),
        text(msh.getSendingFacility().getNamespaceID()));
    return new ReferralIdentity(sender, text(message.getRF1().getOriginatingReferralIdentifier().getEntityIdentifier()));
  }

  /**
   * The referral's identifier (the ServiceRequest's and the Task's, from RF1-6) as a token search parameter,
   * URL-encoded: how a later message about the referral (a cancellation, a status request) finds it.
   */
  public String referralSearchToken(REF_I12 message) {
    ReferralIdentity identity = identityOf(message);
    Identifier placer = systems.entityIdentifier(message.getRF1().getOriginatingReferralIdentifier(),
        identity.sender(), "referral-id");
    if (placer == null) {
      throw new TranslationException("RF1-6", "no originating referral identifier", null);
    }
    return searchToken(placer);
  }

  /** An identifier as a token search parameter ({@code system|value}), token-escaped and URL-encoded. */
  public static String searchToken(Identifier identifier) {
    return Translation.tokenParam(identifier);
  }

  /** True when a PRD other than the referred-to provider (role RT) names who referred: the referral's referrer. */
  public static boolean hasReferrer(REF_I12 message) throws HL7Exception {
    for (REF_I12_PROVIDER_CONTACT provider : message.getPROVIDER_CONTACTAll()) {
      if (!provider.getPRD().isEmpty() && !PartyMapper.role(provider.getPRD()).equals("RT")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Translates one referral message.
   *
   * @param message the parsed message (every version parsed into the v2.8 structure)
   * @param rawMessage the message as received, kept as the DocumentReference's attachment
   * @param receivedAt when this service received it (Task.authoredOn, DocumentReference.date)
   * @return the Bundle, with a data-quality note for each optional value that was left out or kept as text
   * @throws TranslationException when an essential (the referral identifier) is missing or the structure unreadable
   */
  public TranslatedReferral translate(REF_I12 message, String rawMessage, Instant receivedAt) {
    ReferralIdentity identity = identityOf(message);
    if (identity.referralId() == null) {
      throw new TranslationException("RF1-6", "no originating referral identifier", null);
    }
    Translation t = new Translation(identity.sender(), identity.referralId(), systems, settings.defaultZone());
    if (!ReferralSegmentOrder.isCanonical(rawMessage)) {
      t.quality.note(null, "message", "segments were not in the order of the REF^I12 structure: read in that order");
    }
    try {
      Bundle bundle = translate(message, rawMessage, receivedAt, t);
      gate.check(bundle, t);
      return new TranslatedReferral(bundle, t.quality);
    } catch (HL7Exception e) {
      throw new TranslationException("message", "structure could not be read: " + e.getClass().getSimpleName(), e);
    }
  }

  private Bundle translate(REF_I12 message, String rawMessage, Instant receivedAt, Translation t)
      throws HL7Exception {
    Repeats.noteRepeatedSegments(rawMessage, t);
    Repeats.noteRepeatedFields(message.getRF1(), t);
    Repeats.noteRepeatedFields(message.getPID(), t);

    MSH msh = message.getMSH();
    RF1 rf1 = message.getRF1();
    Reference clinic = clinic(t);

    Reference referrer = null;
    Reference performer = null;
    List<REF_I12_PROVIDER_CONTACT> providers = message.getPROVIDER_CONTACTAll();
    for (int i = 0; i < providers.size(); i++) {
      REF_I12_PROVIDER_CONTACT provider = providers.get(i);
      String role = PartyMapper.role(provider.getPRD());
      if (role.equals("RT")) {
        if (performer == null) {
          performer = PartyMapper.provider(provider, i + 1, () -> clinic, t);
        }
      } else if (referrer == null && (role.equals("RP") || role.isEmpty())) {
        referrer = PartyMapper.provider(provider, i + 1,
            () -> PartyMapper.facilityOrganization(t.sender.facilityOrApplication(), t), t);
      }
    }

    for (int i = 0; referrer == null && i < providers.size(); i++) {
      String role = PartyMapper.role(providers.get(i).getPRD());
      if (!role.equals("RT")) {
        referrer = PartyMapper.provider(providers.get(i), i + 1,
            () -> PartyMapper.facilityOrganization(t.sender.facilityOrApplication(), t), t);
        t.quality.note("ServiceRequest.requester", "PRD-1", "no provider with role RP (referring provider): the"
            + " provider with role '" + role + "' is taken as the referrer");
      }
    }
    Reference patient = PartyMapper.patient(message.getPID(), t);

    List<Reference> insurance = new ArrayList<>();
    for (int i = 0; i < message.getINSURANCEReps(); i++) {
      insurance.add(CoverageMapper.coverage(message.getINSURANCE(i).getIN1(), i + 1, patient, t));
    }
    AUT aut = message.getAUTHORIZATION_CONTACT1().getAUT();
    DateTimeType received = utc(receivedAt);
    if (!aut.isEmpty()) {
      insurance.add(AuthorizationMapper.authorization(aut, message.getAUTHORIZATION_CONTACT1().getCTD(), patient,
          received, t));
    }
    List<Reference> conditions = new ArrayList<>();
    for (int i = 0; i < message.getDG1Reps(); i++) {
      conditions.add(ConditionMapper.condition(message.getDG1(i), i + 1, patient, t));
    }
    List<Reference> supporting = new ArrayList<>();
    for (int i = 0; i < message.getAL1Reps(); i++) {
      supporting.add(AllergyMapper.allergy(message.getAL1(i), i + 1, patient, t));
    }
    List<NTE> orderNotes = new ArrayList<>();
    for (int i = 0; i < message.getOBSERVATIONReps(); i++) {
      REF_I12_OBSERVATION group = message.getOBSERVATION(i);
      DateTimeType groupTime = Fields.dateTime("OBR-7", group.getOBR().getObservationDateTime(), t);
      orderNotes.addAll(group.getNTEAll());
      for (int j = 0; j < group.getRESULTS_NOTESReps(); j++) {
        REF_I12_RESULTS_NOTES result = group.getRESULTS_NOTES(j);
        supporting.add(ObservationMapper.observation(result.getOBX(), (i + 1) + "." + (j + 1), groupTime,
            result.getNTEAll(), patient, t));
      }
    }
    Reference original = OriginalMessage.add(msh, rawMessage, receivedAt, patient, referrer, "referral",
        MAPPED_SEGMENTS, t);
    supporting.add(original);

    ServiceRequest request = new ServiceRequest();
    request.getMeta().addProfile(Profiles.REFERRAL_SERVICE_REQUEST);
    // the sender, kept explicitly: answers go to its channel even when RF1-6 names a system of its own
    request.getMeta().setSource(systems.senderSource(t.sender));
    Identifier placer = systems.entityIdentifier(rf1.getOriginatingReferralIdentifier(), t.sender, "referral-id");
    placer.setType(new CodeableConcept().addCoding(new Coding(CodeSystems.V2_IDENTIFIER_TYPE, "PLAC",
        "Placer Identifier")));
    request.addIdentifier(placer);
    for (EI external : rf1.getExternalReferralIdentifier()) {
      Identifier id = systems.authorityIdentifier(external, t.sender, "external-referral-id");
      if (id != null) {
        request.addIdentifier(id.setType(new CodeableConcept().setText("External referral identifier")));
      }
    }
    request.setStatus(status(text(rf1.getReferralStatus().getIdentifier())));
    request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    request.addCategory(new CodeableConcept().addCoding(
        new Coding(CodeSystems.SNOMED, CodeSystems.SCT_PATIENT_REFERRAL, "Patient referral")));
    Coding type = CodedValues.tableCoding(rf1.getReferralType(), "0281");
    if (type != null) {
      request.addCategory(new CodeableConcept().addCoding(type));
    }
    ServiceRequest.ServiceRequestPriority priority = priority(text(rf1.getReferralPriority().getIdentifier()));
    if (priority != null) {
      request.setPriority(priority);
    }
    request.setCode(new CodeableConcept().addCoding(
        new Coding(CodeSystems.SNOMED, CodeSystems.SCT_PATIENT_REFERRAL, "Patient referral")));
    for (CWE disposition : rf1.getReferralDisposition()) {
      Coding coding = CodedValues.tableCoding(disposition, "0282");
      if (coding != null) {
        request.addOrderDetail(new CodeableConcept().addCoding(coding));
      }
    }
    Coding category = CodedValues.tableCoding(rf1.getReferralCategory(), "0284");
    if (category != null) {
      request.addOrderDetail(new CodeableConcept().addCoding(category));
    }
    java.math.BigDecimal requestedTreatments = Fields.number("AUT-8", aut.getRequestedNumberOfTreatments(), t.quality);
    if (requestedTreatments != null) {
      request.setQuantity(new Quantity().setValue(requestedTreatments).setUnit("treatments"));
    }
    request.setSubject(patient);
    DateTimeType authored = Fields.dateTime("RF1-7", rf1.getEffectiveDate(), t);
    if (authored == null) {
      authored = Fields.dateTime("MSH-7", msh.getDateTimeOfMessage(), t);
    }
    if (authored == null) {
      authored = received.copy();
      t.quality.note("ServiceRequest.authoredOn", "RF1-7", "no usable referral date (RF1-7, MSH-7): the time it was"
          + " received is used");
    }
    request.setAuthoredOnElement(authored);
    DateTimeType expires = Fields.dateTime("RF1-8", rf1.getExpirationDate(), t);
    if (expires != null) {
      request.setOccurrence(new Period().setEndElement(expires));
    }
    if (referrer != null) {
      request.setRequester(referrer);
    }
    request.addPerformer(performer != null ? performer : clinic);
    for (CWE reason : rf1.getReferralReason()) {
      CodeableConcept concept = CodedValues.concept(reason);
      if (concept != null) {
        request.addReasonCode(concept);
      }
    }
    String reasonText = text(rf1.getReferralReasonText());
    if (reasonText != null) {
      request.addReasonCode(new CodeableConcept().setText(reasonText));
    }
    conditions.forEach(request::addReasonReference);
    insurance.forEach(request::addInsurance);
    supporting.forEach(request::addSupportingInfo);
    orderNotes.addAll(message.getNTEAll());
    for (NTE nte : orderNotes) {
      Annotation note = NoteMapper.note(nte);
      if (note != null) {
        request.addNote(note);
      }
    }
    Reference serviceRequest = t.add(request, "ServiceRequest", placer);

    Task task = new Task();
    task.getMeta().addProfile(Profiles.REFERRAL_TASK);
    task.addIdentifier(placer.copy());
    task.setStatus(Task.TaskStatus.REQUESTED);
    task.setBusinessStatus(new CodeableConcept().addCoding(
        new Coding(CodeSystems.BSER_BUSINESS_STATUS, "2.0", "Created")));
    task.setIntent(Task.TaskIntent.ORDER);
    task.setCode(new CodeableConcept().addCoding(new Coding(CodeSystems.TASK_CODE, "fulfill",
        "Fulfill the focal request")));
    task.setFocus(serviceRequest);
    task.setFor(patient);
    task.setAuthoredOnElement(received.copy());
    task.setLastModifiedElement(received.copy());
    if (referrer != null) {
      task.setRequester(referrer);
    }
    task.setOwner(clinic);
    if (priority != null) {
      task.setPriority(Task.TaskPriority.fromCode(priority.toCode()));
    }
    t.add(task, "Task", placer);
    return t.bundle();
  }

  private Reference clinic(Translation t) {
    TranslationSettings.Clinic clinic = settings.clinic();
    Organization organization = new Organization().setName(clinic.name());
    organization.addIdentifier(new Identifier().setSystem(clinic.identifierSystem())
        .setValue(clinic.identifierValue()));
    organization.addType(new CodeableConcept().addCoding(
        new Coding("http://terminology.hl7.org/CodeSystem/organization-type", "prov", "Healthcare Provider")));
    return PartyMapper.addOrganization(organization, t);
  }

  /**
   * When this service received the message, in UTC: rendering a java.util.Date in the JVM's default zone would make
   * the same message give different Bundles on differently configured machines.
   */
  static DateTimeType utc(Instant instant) {
    return new DateTimeType(Date.from(instant), TemporalPrecisionEnum.SECOND, UTC);
  }

  /** RF1-1 (table 0283) → ServiceRequest.status: active when absent, unknown for a code outside the table. */
  static ServiceRequest.ServiceRequestStatus status(String code) {
    if (code == null) {
      return ServiceRequest.ServiceRequestStatus.ACTIVE;
    }
    return ReferralStatus.fromCode(code).map(ReferralStatus::serviceRequestStatus)
        .orElse(ServiceRequest.ServiceRequestStatus.UNKNOWN);
  }

  /** RF1-2 (table 0280) → ServiceRequest.priority; null when absent or outside the table. */
  static ServiceRequest.ServiceRequestPriority priority(String code) {
    return ReferralPriority.fromCode(code).map(ReferralPriority::serviceRequestPriority).orElse(null);
  }
}
