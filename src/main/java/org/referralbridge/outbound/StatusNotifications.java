package org.referralbridge.outbound;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.util.Optional;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.referralbridge.outbound.hl7.ReferralStatusMessages;
import org.referralbridge.outbound.hl7.StatusChange;
import org.referralbridge.outbound.hl7.StatusNotices;
import org.referralbridge.partner.Partner;
import org.referralbridge.partner.PartnerDirectory;
import org.referralbridge.vocabulary.ReferralEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the loop: every status change of a referral goes back to the partner who sent it, in the partner's
 * channel — an RRI^I12 over MLLP, or the Task itself to the partner's FHIR server.
 */
public class StatusNotifications {

  private static final Logger log = LoggerFactory.getLogger(StatusNotifications.class);

  private final PartnerDirectory partners;
  private final OutboundQueue queue;
  private final StatusNotices notices;
  private final FhirContext fhirContext;
  private final ReferralContext referrals;
  private final Clock clock;

  public StatusNotifications(PartnerDirectory partners, OutboundQueue queue, StatusNotices notices,
      ReferralContext referrals, FhirContext fhirContext, Clock clock) {
    this.partners = partners;
    this.queue = queue;
    this.notices = notices;
    this.fhirContext = fhirContext;
    this.referrals = referrals;
    this.clock = clock;
  }

  /**
   * Records and queues the notification of a referral's new status for the referral's partner; returns the outbound
   * id, if one was made.
   *
   * @param task the referral's Task as the change left it (its business status names the change for staff)
   * @param request the referral's ServiceRequest
   * @param change what to tell the referrer
   */
  public Optional<Long> statusChanged(Task task, ServiceRequest request, StatusChange change) {
    String requestId = request.getIdElement().getIdPart();
    Optional<Partner> partner = referrals.senderKey(request).flatMap(partners::findBySender);
    String label = task.getBusinessStatus().getCodingFirstRep().getDisplay();
    String status = label == null || label.isBlank() ? change.status().display() : label;
    String description = change.answers() == ReferralEvent.NEW_REFERRAL ? "Status: " + status
        : "Answer to the referrer's " + change.answers().description() + ": " + status;
    if (partner.isEmpty() || partner.get().channel() == null) {
      long id = queue.enqueue(new OutboundQueue.Outgoing(OutboundMessage.Kind.STATUS, requestId,
          partner.orElse(null), null, null, description, null));
      return Optional.of(id);
    }
    Partner.Channel channel = partner.get().channel();
    if (channel.kind() == Partner.Channel.Kind.FHIR) {
      Task copy = task.copy();
      copy.setId("rb-" + task.getIdElement().getIdPart());
      copy.setMeta(null);
      copy.setFocus(new Reference().setIdentifier(referrals.placer(request)).setDisplay("Referral"));
      copy.setFor(new Reference().setDisplay("Patient of the referral"));
      copy.setRequester(null);
      copy.setOwner(new Reference().setDisplay("the clinic"));
      String json = fhirContext.newJsonParser().encodeResourceToString(copy);
      return Optional.of(queue.enqueue(new OutboundQueue.Outgoing(OutboundMessage.Kind.STATUS, requestId,
          partner.get(), Partner.Format.FHIR, null, description + " (FHIR Task)", json)));
    }
    String controlId = OutboundQueue.newControlId();
    String message = ReferralStatusMessages.rri(notices.from(request, referrals.patient(request),
        referrals.referrer(request), referrals.clinic(task), referrals.originalMessage(request),
        change, controlId, clock.instant()));
    long id = queue.enqueue(new OutboundQueue.Outgoing(OutboundMessage.Kind.STATUS, requestId, partner.get(),
        Partner.Format.RRI_I12, controlId, description + " (RRI^" + change.answers().code() + ")", message));
    log.info("Referral ServiceRequest/{}: status notification {} queued for {}", requestId, id,
        partner.get().organizationId());
    return Optional.of(id);
  }

}
