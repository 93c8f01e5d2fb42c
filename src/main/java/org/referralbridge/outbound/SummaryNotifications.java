package org.referralbridge.outbound;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.referralbridge.infusion.InfusionSession;
import org.referralbridge.outbound.hl7.PersonName;
import org.referralbridge.outbound.hl7.StatusChange;
import org.referralbridge.outbound.hl7.StatusNotice;
import org.referralbridge.outbound.hl7.StatusNotices;
import org.referralbridge.outbound.hl7.SummaryDocument;
import org.referralbridge.outbound.hl7.SummaryMessages;
import org.referralbridge.outbound.hl7.SummaryNotice;
import org.referralbridge.partner.Partner;
import org.referralbridge.partner.PartnerDirectory;
import org.referralbridge.store.FhirStore;
import org.referralbridge.summary.ScoreTrendChart;
import org.referralbridge.summary.SummaryDocumentBuilder;
import org.referralbridge.summary.SummaryInput;
import org.referralbridge.summary.SummaryPdf;
import org.referralbridge.vocabulary.ReferralStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a session's infusion summary to the referring provider: the BSeR-style document Bundle (with its PDF and
 * the score trend chart), kept in the clinic's FHIR store, and delivered in every summary format the partner takes
 * — the document to a FHIR partner, MDM^T02 (PDF) and/or ORU^R01 (structured results) to an HL7 v2 partner.
 *
 * <p>Consent rule: a referral is the patient's consent to share their care with the provider who referred them,
 * unless a Consent on file (active, for this patient) denies it — with no actor (sharing denied to everyone) or
 * with the referrer's organisation as actor. Then nothing is sent and the refusal is shown to staff.
 */
public class SummaryNotifications {

  private static final Logger log = LoggerFactory.getLogger(SummaryNotifications.class);

  private final FhirStore store;
  private final PartnerDirectory partners;
  private final OutboundQueue queue;
  private final StatusNotices notices;
  private final SessionRecords sessions;
  private final FhirContext fhirContext;
  private final ReferralContext referrals;
  private final ZoneId zone;
  private final Clock clock;
  private final SummaryDocumentBuilder documents = new SummaryDocumentBuilder();

  public SummaryNotifications(FhirStore store, PartnerDirectory partners, OutboundQueue queue, StatusNotices notices,
      ReferralContext referrals, SessionRecords sessions, FhirContext fhirContext, ZoneId zone, Clock clock) {
    this.store = store;
    this.partners = partners;
    this.queue = queue;
    this.notices = notices;
    this.sessions = sessions;
    this.fhirContext = fhirContext;
    this.referrals = referrals;
    this.zone = zone;
    this.clock = clock;
  }

  /** Builds and queues the summary of one session; returns the outbound ids (one per format sent). */
  public List<Long> send(Task task, ServiceRequest request, int sessionNumber) {
    String requestId = request.getIdElement().getIdPart();
    List<InfusionSession> series = sessions.series(requestId);
    InfusionSession session = series.stream().filter(s -> s.sessionNumber() == sessionNumber).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No session " + sessionNumber + " is recorded."));
    List<InfusionSession> previous = series.stream().filter(s -> s.sessionNumber() < sessionNumber).toList();
    Patient patient = referrals.patient(request);
    Optional<Partner> partner = referrals.senderKey(request).flatMap(partners::findBySender);
    partner.ifPresent(p -> checkConsent(patient, p));

    Instant now = clock.instant();
    String documentId = "rb-summary-" + requestId + "-" + sessionNumber;
    Bundle document = documents.build(new SummaryInput(patient, referrals.clinic(task), request, session, previous,
        documentId, now, zone));
    byte[] chart = ScoreTrendChart.png(series.stream().filter(s -> s.sessionNumber() <= sessionNumber).toList());
    byte[] pdf = SummaryPdf.render(document, chart);
    Bundle withPdf = documents.attachChart(documents.attachPdf(document, pdf), chart);
    withPdf.setId(documentId);
    keep(withPdf);

    String description = "Summary of session " + sessionNumber;
    List<Long> ids = new ArrayList<>();
    Partner.Channel channel = partner.map(Partner::channel).orElse(null);
    if (channel == null) {
      ids.add(queue.enqueue(new OutboundQueue.Outgoing(OutboundMessage.Kind.SUMMARY, requestId,
          partner.orElse(null), null, null, description, null)));
      return ids;
    }
    if (channel.formats().contains(Partner.Format.FHIR)) {
      ids.add(queue.enqueue(new OutboundQueue.Outgoing(OutboundMessage.Kind.SUMMARY, requestId, partner.get(),
          Partner.Format.FHIR, null, description + " (FHIR document)",
          fhirContext.newJsonParser().encodeResourceToString(withPdf))));
    }
    for (Partner.Format format : List.of(Partner.Format.MDM_T02, Partner.Format.ORU_R01)) {
      if (channel.formats().contains(format)) {
        String controlId = OutboundQueue.newControlId();
        SummaryNotice notice = v2Notice(task, request, patient, session, documentId, pdf, controlId, now);
        String message = format == Partner.Format.MDM_T02 ? SummaryMessages.mdmT02(notice)
            : SummaryMessages.oruR01(notice);
        ids.add(queue.enqueue(new OutboundQueue.Outgoing(OutboundMessage.Kind.SUMMARY, requestId, partner.get(),
            format, controlId, description + (format == Partner.Format.MDM_T02 ? " (MDM^T02, PDF)"
                : " (ORU^R01, results)"), message)));
      }
    }
    if (ids.isEmpty()) {
      ids.add(queue.enqueue(new OutboundQueue.Outgoing(OutboundMessage.Kind.SUMMARY, requestId, partner.get(),
          null, null, description + " (the partner takes no summary format)", null)));
    }
    log.info("Referral ServiceRequest/{}: summary of session {} queued ({} message(s))", requestId, sessionNumber,
        ids.size());
    return ids;
  }

  private void checkConsent(Patient patient, Partner partner) {
    if (patient == null) {
      return;
    }
    for (IBaseResource resource : store.search("Consent?patient=Patient/" + patient.getIdElement().getIdPart()
        + "&status=active", 50)) {
      Consent consent = (Consent) resource;
      Consent.ProvisionComponent provision = consent.getProvision();
      if (provision.getType() != Consent.ConsentProvisionType.DENY) {
        continue;
      }
      boolean everyone = provision.getActor().isEmpty();
      boolean thisPartner = provision.getActor().stream().map(Consent.provisionActorComponent::getReference)
          .map(Reference::getReference).anyMatch(("Organization/" + partner.organizationId())::equals);
      if (everyone || thisPartner) {
        throw new ConsentWithheldException(consent.getIdElement().getIdPart());
      }
    }
  }

  /** The document as sent, kept in the clinic's store (PUT at its id: sending again replaces it). */
  private void keep(Bundle document) {
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    transaction.addEntry().setResource(document).getRequest().setMethod(Bundle.HTTPVerb.PUT)
        .setUrl("Bundle/" + document.getIdElement().getIdPart());
    store.transaction(transaction);
  }

  private SummaryNotice v2Notice(Task task, ServiceRequest request, Patient patient, InfusionSession session,
      String documentId, byte[] pdf, String controlId, Instant now) {
    // the envelope, patient, referrer and referral ids are those of a status notice to the same referrer
    StatusNotice basis = notices.from(request, patient, referrals.referrer(request), referrals.clinic(task),
        referrals.originalMessage(request), new StatusChange(ReferralStatus.ACCEPTED, null, null), controlId, now);
    SummaryDocument document = new SummaryDocument(documentId, SummaryDocumentBuilder.title(session.sessionNumber()),
        session.clinician() == null ? null : PersonName.of(session.clinician(), null),
        session.start().toInstant(), now, SummaryDocument.Completion.AUTHENTICATED, pdf);
    String notes = join(session.plan(), session.notesForTherapist());
    return new SummaryNotice(basis.envelope(), basis.patient(), basis.referrer(), basis.referral(), document,
        SummaryResults.of(session), notes);
  }

  private static String join(String plan, String notes) {
    StringBuilder text = new StringBuilder();
    if (plan != null && !plan.isBlank()) {
      text.append("Plan: ").append(plan.strip());
    }
    if (notes != null && !notes.isBlank()) {
      text.append(text.isEmpty() ? "" : "\n").append("Notes for the therapist: ").append(notes.strip());
    }
    return text.isEmpty() ? null : text.toString();
  }
}
