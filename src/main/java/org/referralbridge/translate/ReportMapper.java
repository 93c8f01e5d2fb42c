package org.referralbridge.translate;

import static org.referralbridge.translate.V2Types.text;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Varies;
import ca.uhn.hl7v2.model.v28.group.MDM_T02_OBXNTE;
import ca.uhn.hl7v2.model.v28.message.MDM_T02;
import ca.uhn.hl7v2.model.v28.segment.OBX;
import ca.uhn.hl7v2.model.v28.segment.TXA;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;

/**
 * MDM^T01/T02 (a document from the referrer) → DocumentReference: TXA-12 its identifier (else one per message),
 * TXA-2 its type, TXA-17 its status, and its content from the OBX segments: an ED value (an embedded file, e.g. a
 * PDF in Base64) as that file, text values (TX, FT, ST) as one text/plain attachment. A document whose content
 * cannot be read keeps a note and the original message (which has it as sent).
 */
final class ReportMapper {

  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
  /** ED-2 type of data and ED-3 subtype (tables 0191, 0291) → MIME type, for the common cases. */
  private static final Map<String, String> MEDIA = Map.of(
      "PDF", "application/pdf", "RTF", "application/rtf", "HTML", "text/html", "XML", "application/xml",
      "JPEG", "image/jpeg", "PNG", "image/png", "TIFF", "image/tiff", "PLAIN", "text/plain");

  private ReportMapper() {}

  static Reference report(MDM_T02 message, String key, Reference patient, Reference author, Instant receivedAt,
      Translation t) throws HL7Exception {
    TXA txa = message.getTXA();
    DocumentReference document = new DocumentReference();
    Identifier id = t.systems.entityIdentifier(txa.getUniqueDocumentNumber(), t.sender, "document-id");
    if (id == null) {
      id = t.partIdentifier("TXA/" + key);
    }
    document.addIdentifier(id);
    document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
    String completion = text(txa.getDocumentCompletionStatus());
    if (completion != null) {
      switch (completion.toUpperCase(Locale.ROOT)) {
        case "AU", "LA", "DO", "PA" -> document.setDocStatus(DocumentReference.ReferredDocumentStatus.FINAL);
        case "IP", "IN", "DI" -> document.setDocStatus(DocumentReference.ReferredDocumentStatus.PRELIMINARY);
        default -> t.quality.note("DocumentReference.docStatus", "TXA-17", "'" + completion
            + "' is not a document completion status of HL7 table 0271: left out");
      }
    }
    CodeableConcept type = CodedValues.concept(txa.getDocumentType());
    document.setType(type != null ? type : new CodeableConcept().setText("Document from the referrer"));
    document.setSubject(patient);
    document.setDateElement(new InstantType(Date.from(receivedAt), TemporalPrecisionEnum.MILLI, UTC));
    if (author != null) {
      document.addAuthor(author);
    }
    String title = type != null && type.hasText() ? type.getText()
        : type != null && type.hasCoding() && type.getCodingFirstRep().hasDisplay()
            ? type.getCodingFirstRep().getDisplay() : "Document from the referrer";
    document.setDescription(title + " (" + text(message.getMSH().getMessageType().getMessageCode()) + "^"
        + text(message.getMSH().getMessageType().getTriggerEvent()) + " "
        + text(message.getMSH().getMessageControlID()) + ")");
    List<String> lines = new ArrayList<>();
    for (MDM_T02_OBXNTE group : message.getOBXNTEAll()) {
      OBX obx = group.getOBX();
      if (obx.isEmpty()) {
        continue;
      }
      String valueType = text(obx.getValueType());
      for (Varies value : obx.getObservationValue()) {
        if ("ED".equalsIgnoreCase(valueType)) {
          Attachment file = embedded(value.encode(), message.getMSH().getEncodingCharacters().getValue(), title, t);
          if (file != null) {
            document.addContent().setAttachment(file);
          }
        } else {
          String line = text(value.getData());
          if (line != null) {
            lines.add(line);
          }
        }
      }
    }
    if (!lines.isEmpty()) {
      document.addContent().setAttachment(new Attachment().setContentType("text/plain; charset=utf-8")
          .setData(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)).setTitle(title));
    }
    if (!document.hasContent()) {
      t.quality.note("DocumentReference.content", "OBX-5", "the message carries no readable document content:"
          + " only the original message has what was sent");
      document.addContent().setAttachment(new Attachment().setContentType("text/plain; charset=utf-8")
          .setData(("No content: " + document.getDescription()).getBytes(StandardCharsets.UTF_8)).setTitle(title));
    }
    return t.add(document, "DocumentReference/report-" + key, id);
  }

  /**
   * An ED value (source^type^subtype^encoding^data, as encoded) as a file, or null with a note when its data cannot
   * be read.
   */
  static Attachment embedded(String encoded, String encodingCharacters, String title, Translation t) {
    char component = encodingCharacters == null || encodingCharacters.isEmpty() ? '^' : encodingCharacters.charAt(0);
    String[] parts = encoded.split(java.util.regex.Pattern.quote(String.valueOf(component)), -1);
    String subtype = parts.length > 2 ? parts[2].strip().toUpperCase(Locale.ROOT) : "";
    String encoding = parts.length > 3 ? parts[3].strip().toUpperCase(Locale.ROOT) : "";
    String data = parts.length > 4 ? parts[4] : "";
    byte[] bytes;
    try {
      bytes = switch (encoding) {
        case "BASE64" -> Base64.getMimeDecoder().decode(data);
        case "HEX" -> HexFormat.of().parseHex(data.strip());
        case "A", "" -> data.getBytes(StandardCharsets.UTF_8);
        default -> throw new IllegalArgumentException("encoding " + encoding);
      };
    } catch (IllegalArgumentException e) {
      t.quality.note("DocumentReference.content", "OBX-5", "an embedded document could not be decoded ("
          + (encoding.isEmpty() ? "no encoding" : encoding) + "): only the original message has it");
      return null;
    }
    if (bytes.length == 0) {
      return null;
    }
    return new Attachment().setContentType(MEDIA.getOrDefault(subtype, "application/octet-stream")).setData(bytes)
        .setTitle(title).setSize(bytes.length);
  }
}
