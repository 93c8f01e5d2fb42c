package org.referralbridge.lifecycle;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.v28.message.MDM_T02;
import ca.uhn.hl7v2.model.v28.message.ORU_R01;
import ca.uhn.hl7v2.model.v28.segment.PID;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Body;
import org.apache.camel.Headers;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.referralbridge.hl7.ApplicationId;
import org.referralbridge.hl7.Hl7Parser;
import org.referralbridge.hl7.MshHeader;
import org.referralbridge.messages.MessageStore;
import org.referralbridge.pipeline.EnvelopeHeaders;
import org.referralbridge.store.FhirStore;
import org.referralbridge.translate.ResultsTranslator;
import org.referralbridge.translate.TranslatedReferral;
import org.referralbridge.translate.TranslationException;

/**
 * The processing route's steps for later information from a referrer (ORU^R01 results, MDM^T01/T02 documents):
 * finds the patient's open referral from that referrer and translates what came to be attached to it (validated
 * and written by the pipeline's own steps). The patient is found by PID-3, as the referral's Patient was
 * written; the referral is the newest of the patient's open ServiceRequests (active, on hold or draft) that was
 * written from a message of the same sender. None raises {@link NoOpenReferralException}: the message is kept and listed for staff.
 */
public class ReferrerResults {

  private final Hl7Parser parser;
  private final ResultsTranslator translator;
  private final FhirStore store;
  private final MessageStore messages;

  public ReferrerResults(Hl7Parser parser, ResultsTranslator translator, FhirStore store, MessageStore messages) {
    this.parser = parser;
    this.translator = translator;
    this.store = store;
    this.messages = messages;
  }

  /** ORU^R01: the results, to be attached to the patient's open referral. */
  public TranslatedReferral translate(@Body String raw, @Headers Map<String, Object> headers) {
    ORU_R01 message = parse(raw, parser::parseResults);
    ResultsTranslator.OpenReferral referral = openReferral(raw,
        message.getPATIENT_RESULT().getPATIENT().getPID());
    return translator.translate(message, raw, receivedAt(headers), referral);
  }

  /** MDM^T01/T02: the document, to be attached to the patient's open referral. */
  public TranslatedReferral translateDocument(@Body String raw, @Headers Map<String, Object> headers) {
    MDM_T02 message = parse(raw, parser::parseDocument);
    ResultsTranslator.OpenReferral referral = openReferral(raw, message.getPID());
    return translator.translateDocument(message, raw, receivedAt(headers), referral);
  }

  private static <M> M parse(String raw, Hl7Parser.Parse<M> parse) {
    try {
      return parse.parse(raw);
    } catch (HL7Exception e) {
      throw new TranslationException("message", "could not be parsed", e);
    }
  }

  private ResultsTranslator.OpenReferral openReferral(String raw, PID pid) {
    ApplicationId sender = MshHeader.read(raw).map(MshHeader::sender)
        .orElseThrow(() -> new TranslationException("MSH", "no sender", null));
    Patient patient = translator.patientSearchTokens(pid, sender).stream()
        .flatMap(token -> store.search("Patient?identifier=" + token, 2).stream()).map(Patient.class::cast)
        .findFirst().orElseThrow(() -> new NoOpenReferralException("no patient with the message's PID-3"));
    ServiceRequest request = openReferral(patient, sender)
        .orElseThrow(() -> new NoOpenReferralException("the patient has no open referral from " + sender.key()));
    return new ResultsTranslator.OpenReferral(request, request.getIdentifierFirstRep().getValue());
  }

  private Optional<ServiceRequest> openReferral(Patient patient, ApplicationId sender) {
    List<ServiceRequest> open = store.search("ServiceRequest?subject=Patient/" + patient.getIdElement().getIdPart()
            + "&status=active,on-hold,draft", 50).stream().map(ServiceRequest.class::cast).toList();
    Set<String> fromSender = messages.writtenFrom(sender.key(), open.stream()
        .map(r -> "ServiceRequest/" + r.getIdElement().getIdPart()).toList());
    return open.stream().filter(r -> fromSender.contains("ServiceRequest/" + r.getIdElement().getIdPart()))
        .max(Comparator.comparing(r -> r.hasAuthoredOn() ? r.getAuthoredOn().toInstant() : Instant.EPOCH));
  }

  private static Instant receivedAt(Map<String, Object> headers) {
    Object value = headers.get(EnvelopeHeaders.RECEIVED_AT);
    return value == null ? Instant.now() : Instant.ofEpochMilli(Long.parseLong(value.toString()));
  }
}
