package org.referralbridge.translate;

import static org.referralbridge.translate.V2Types.text;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.v28.datatype.CX;
import ca.uhn.hl7v2.model.v28.group.ORU_R01_OBSERVATION;
import ca.uhn.hl7v2.model.v28.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v28.group.ORU_R01_PATIENT_RESULT;
import ca.uhn.hl7v2.model.v28.message.MDM_T02;
import ca.uhn.hl7v2.model.v28.message.ORU_R01;
import ca.uhn.hl7v2.model.v28.segment.MSH;
import ca.uhn.hl7v2.model.v28.segment.PID;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.referralbridge.hl7.ApplicationId;
import org.referralbridge.hl7.MessageFingerprint;

/**
 * Later information from a referrer about a patient with an open referral → a FHIR transaction Bundle that
 * attaches it to that referral: results (ORU^R01: a new PHQ-9, a questionnaire score, a blood pressure), each OBX
 * an Observation mapped as a referral's own OBX is (with its NTE notes), or a document (MDM^T01/T02: a report,
 * often a PDF) as a DocumentReference; the message kept as a DocumentReference too; and the ServiceRequest, updated
 * only if nobody changed it since it was read (If-Match), listing them in supportingInfo. The screening flags and
 * the referral page read the referral's supportingInfo, so they see what was attached.
 */
public final class ResultsTranslator {

  /** Segments mapped to discrete elements; any other (PID among them: the patient is already known) is listed. */
  private static final Set<String> RESULT_SEGMENTS = Set.of("MSH", "OBR", "OBX", "NTE");
  private static final Set<String> DOCUMENT_SEGMENTS = Set.of("MSH", "TXA", "OBX");

  private final TranslationSettings settings;
  private final IdentifierSystems systems;

  public ResultsTranslator(TranslationSettings settings) {
    this.settings = settings;
    this.systems = new IdentifierSystems(settings.identifierBase());
  }

  /**
   * The referral the results are attached to.
   *
   * @param request its ServiceRequest as stored (with id and version)
   * @param referralId its id in the referrer's system (RF1-6), which keys the results' identifiers
   */
  public record OpenReferral(ServiceRequest request, String referralId) {}

  /** The message's patient identifiers (PID-3) as token search parameters, as the referral's Patient has them. */
  public List<String> patientSearchTokens(PID pid, ApplicationId sender) {
    List<String> tokens = new ArrayList<>();
    for (CX cx : pid.getPatientIdentifierList()) {
      Identifier identifier = systems.identifier(cx, sender, "PID-3", new DataQuality());
      if (identifier != null) {
        tokens.add(Translation.tokenParam(identifier));
      }
    }
    return tokens;
  }

  /**
   * Translates results (ORU^R01) for the referral: one Observation per OBX.
   *
   * @throws TranslationException when the structure cannot be read
   */
  public TranslatedReferral translate(ORU_R01 message, String raw, Instant receivedAt, OpenReferral referral) {
    return attach(message.getMSH(), raw, receivedAt, referral, "results", RESULT_SEGMENTS, (key, patient, t) -> {
      List<Reference> parts = new ArrayList<>();
      int orders = 0;
      for (ORU_R01_PATIENT_RESULT patientResult : message.getPATIENT_RESULTAll()) {
        for (ORU_R01_ORDER_OBSERVATION order : patientResult.getORDER_OBSERVATIONAll()) {
          orders++;
          DateTimeType time = Fields.dateTime("OBR-7", order.getOBR().getObservationDateTime(), t);
          List<ORU_R01_OBSERVATION> observations = order.getOBSERVATIONAll();
          for (int i = 0; i < observations.size(); i++) {
            ORU_R01_OBSERVATION observation = observations.get(i);
            if (!observation.getOBX().isEmpty()) {
              parts.add(ObservationMapper.observation(observation.getOBX(), key + "/" + orders + "." + (i + 1),
                  time, observation.getNTEAll(), patient, t));
            }
          }
        }
      }
      return parts;
    });
  }

  /**
   * Translates a document (MDM^T02, or the notification of one, T01) for the referral: one DocumentReference with
   * the document's content (an embedded PDF or other file, or its text).
   *
   * @throws TranslationException when the structure cannot be read
   */
  public TranslatedReferral translateDocument(MDM_T02 message, String raw, Instant receivedAt,
      OpenReferral referral) {
    return attach(message.getMSH(), raw, receivedAt, referral, "document", DOCUMENT_SEGMENTS, (key, patient, t) ->
        List.of(ReportMapper.report(message, key, patient, author(referral), receivedAt, t)));
  }

  /** Maps the message's parts; {@code key} tells this message's parts from every other message's. */
  private interface Parts {
    List<Reference> map(String key, Reference patient, Translation t) throws HL7Exception;
  }

  /**
   * The parts, the message kept as a DocumentReference, and the ServiceRequest updated to list both in
   * supportingInfo (only if nobody changed it since it was read: If-Match).
   */
  private TranslatedReferral attach(MSH msh, String raw, Instant receivedAt, OpenReferral referral, String kind,
      Set<String> mapped, Parts parts) {
    ApplicationId sender = new ApplicationId(text(msh.getSendingApplication().getNamespaceID()),
        text(msh.getSendingFacility().getNamespaceID()));
    Translation t = new Translation(sender, referral.referralId(), systems, settings.defaultZone());
    ServiceRequest request = referral.request().copy();
    Reference patient = new Reference(request.getSubject().getReference());
    // a re-sent copy maps to the same identifiers (nothing written twice); a new message, even under a reused
    // control id, to new ones
    String key = text(msh.getMessageType().getMessageCode()) + "-" + MessageFingerprint.of(raw).substring(0, 16);
    try {
      parts.map(key, patient, t).forEach(request::addSupportingInfo);
    } catch (HL7Exception e) {
      throw new TranslationException("message", "structure could not be read: " + e.getClass().getSimpleName(), e);
    }
    request.addSupportingInfo(OriginalMessage.add(msh, raw, receivedAt, patient, author(referral), kind, mapped, t));
    // the update names the ServiceRequest by its URL; in the Bundle it is an entry like the others (a urn:uuid
    // fullUrl, no id), so that the validator resolves the references in it as it does in a referral's Bundle
    String id = request.getIdElement().getIdPart();
    String version = request.getMeta().getVersionId();
    request.setIdElement(null);
    Bundle bundle = t.bundle();
    Bundle.BundleEntryComponent update = bundle.addEntry().setResource(request).setFullUrl("urn:uuid:"
        + UUID.nameUUIDFromBytes((sender.key() + "|" + referral.referralId() + "|" + key + "|ServiceRequest")
            .getBytes(StandardCharsets.UTF_8)));
    update.getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("ServiceRequest/" + id);
    if (version != null) {
      update.getRequest().setIfMatch("W/\"" + version + "\"");
    }
    return new TranslatedReferral(bundle, t.quality);
  }

  private static Reference author(OpenReferral referral) {
    return referral.request().hasRequester() ? referral.request().getRequester().copy() : null;
  }
}
