package org.referralbridge.translate;

import static org.referralbridge.translate.V2Types.text;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.hl7v2.model.v28.segment.MSH;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;
import org.referralbridge.hl7.MessageFingerprint;
import org.referralbridge.vocabulary.CodeSystems;
import org.referralbridge.vocabulary.Loinc;

/**
 * A message as received, kept as a DocumentReference beside what was mapped from it, so that nothing in it is lost
 * even where the mapping has no place for it. Identified by its sender and control id (which RRI^I12's MSA-2
 * echoes) and, as its identity, by its fingerprint: a re-sent copy finds it, a new message that reuses the control
 * id does not.
 */
final class OriginalMessage {

  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  private OriginalMessage() {}

  /**
   * Adds the DocumentReference to the translation.
   *
   * @param kind what the message is, e.g. "referral" ("HL7 v2 referral message as received")
   * @param mapped the segments mapped to discrete elements; any other is listed in the description
   */
  static Reference add(MSH msh, String raw, Instant receivedAt, Reference patient, Reference author, String kind,
      Set<String> mapped, Translation t) {
    String controlId = text(msh.getMessageControlID());
    String messageType = text(msh.getMessageType().getMessageCode()) + "^"
        + text(msh.getMessageType().getTriggerEvent());
    DocumentReference document = new DocumentReference();
    document.addIdentifier(new Identifier().setSystem(t.systems.senderSystem(t.sender, "message-control-id"))
        .setValue(controlId));
    Identifier id = new Identifier().setSystem(t.systems.senderSystem(t.sender, "message-fingerprint"))
        .setValue(MessageFingerprint.of(raw));
    document.addIdentifier(id);
    document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
    document.setType(new CodeableConcept().addCoding(Loinc.REFERRAL_NOTE.coding())
        .setText("HL7 v2 " + kind + " message as received"));
    document.setSubject(patient);
    document.setDateElement(new InstantType(Date.from(receivedAt), TemporalPrecisionEnum.MILLI, UTC));
    if (author != null) {
      document.addAuthor(author);
    }
    Set<String> unmapped = unmappedSegments(raw, mapped);
    document.setDescription(messageType + " " + controlId + " (HL7 v" + text(msh.getVersionID().getVersionID())
        + ")" + (unmapped.isEmpty() ? "; every segment mapped"
        : "; segments kept only here: " + String.join(", ", unmapped)));
    document.addContent().setAttachment(new Attachment().setContentType(CodeSystems.MEDIA_HL7V2)
        .setData(raw.getBytes(StandardCharsets.UTF_8)).setTitle(messageType + " " + controlId));
    return t.add(document, "DocumentReference/" + controlId, id);
  }

  private static Set<String> unmappedSegments(String raw, Set<String> mapped) {
    Set<String> names = new LinkedHashSet<>();
    for (String segment : raw.split("[\r\n]+")) {
      if (segment.length() >= 3) {
        String name = segment.substring(0, 3);
        if (!mapped.contains(name)) {
          names.add(name);
        }
      }
    }
    return names;
  }
}
