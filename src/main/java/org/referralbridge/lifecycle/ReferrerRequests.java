package org.referralbridge.lifecycle;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.v28.message.REF_I12;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Headers;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.referralbridge.hl7.Hl7Parser;
import org.referralbridge.outbound.StatusNotifications;
import org.referralbridge.outbound.hl7.StatusChange;
import org.referralbridge.pipeline.EnvelopeHeaders;
import org.referralbridge.store.FhirStore;
import org.referralbridge.translate.RefI12Translator;
import org.referralbridge.translate.TranslationException;
import org.referralbridge.triage.ActionDetails;
import org.referralbridge.triage.BusinessStatus;
import org.referralbridge.triage.IllegalTransitionException;
import org.referralbridge.triage.TaskAction;
import org.referralbridge.vocabulary.ReferralEvent;
import org.referralbridge.worklist.AuditTrail;
import org.referralbridge.worklist.ReferralActions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processing route's steps for what a referrer asks about a referral they sent: a modification (REF^I13), a
 * cancellation (REF^I14) and a status request (REF^I15). Each finds the referral by its sender and RF1-6, as the
 * referral's own message wrote it, and is answered to the referrer with the RRI of its event (MSA-2 its control
 * id) in the referrer's channel. Each returns the referral's ServiceRequest ("ServiceRequest/12") for the message
 * store. A message whose referral is not written (yet) raises {@link ReferralNotReceivedException}: it is held
 * until the referral is written.
 */
public class ReferrerRequests {

  private static final Logger log = LoggerFactory.getLogger(ReferrerRequests.class);

  private final Hl7Parser parser;
  private final RefI12Translator translator;
  private final FhirStore store;
  private final ReferralActions actions;
  private final StatusNotifications notifications;

  public ReferrerRequests(Hl7Parser parser, RefI12Translator translator, FhirStore store, ReferralActions actions,
      StatusNotifications notifications) {
    this.parser = parser;
    this.translator = translator;
    this.store = store;
    this.actions = actions;
    this.notifications = notifications;
  }

  /** A referral as the store holds it: its Task (the clinic's work item) and its ServiceRequest. */
  private record Referral(Task task, ServiceRequest request) {

    BusinessStatus status() {
      return BusinessStatus.fromCode(task.getBusinessStatus().getCodingFirstRep().getCode())
          .orElse(BusinessStatus.CREATED);
    }

    String reference() {
      return "ServiceRequest/" + request.getIdElement().getIdPart();
    }
  }

  /**
   * REF^I14: the referral is cancelled (Task cancelled, business status 6.0 Fulfillment Cancelled, ServiceRequest
   * revoked) unless it is already closed (declined, cancelled, completed), which the answer then says. A session
   * booked for it stays on the Task, for staff to release (the worklist flags it).
   */
  public String cancel(@Body String raw, @Headers Map<String, Object> headers) {
    REF_I12 message = parse(raw);
    Referral referral = find(message, headers);
    String controlId = controlId(headers);
    String sender = String.valueOf(headers.get(EnvelopeHeaders.SENDER));
    // the referrer's notes are not taken for a reason: many senders repeat the referral's own notes in an I14
    String reason = "Cancelled by the referrer (REF^I14 " + controlId + ")";
    try {
      actions.applyForReferrer(referral.task(), referral.request(), TaskAction.CANCEL, ActionDetails.reason(reason),
          ReferralEvent.CANCEL, controlId, sender);
    } catch (IllegalTransitionException closed) {
      BusinessStatus status = referral.status();
      notifications.statusChanged(referral.task(), referral.request(), new StatusChange(status.referralStatus(),
          "Not cancelled: the referral was already closed (" + status.display() + ")", null, ReferralEvent.CANCEL,
          controlId));
      log.info("Message {} from {}: cancellation of {}, already closed ({}); answered", controlId, sender,
          referral.reference(), status.code());
    }
    return referral.reference();
  }

  /**
   * REF^I13: the referral takes the new content (translated and validated as a new referral's): the ServiceRequest
   * is updated in place (a new version; its status, the clinic's decision, is kept, and so are the earlier original
   * messages), the referral's parts (diagnoses, observations, allergies, each keyed by the referral id and its
   * place) are created or updated, the Task keeps its workflow and gets a note of what changed, a Provenance names
   * the referrer, and the referrer gets an RRI^I13, in one transaction with the notification. The Patient, the
   * practitioners and organisations are left as they are (shared with other referrals).
   */
  public String modify(@Body Bundle translated, @Headers Map<String, Object> headers) {
    ServiceRequest update = only(translated, ServiceRequest.class);
    Referral referral = find(RefI12Translator.searchToken(update.getIdentifierFirstRep()), headers);
    String controlId = controlId(headers);
    String sender = String.valueOf(headers.get(EnvelopeHeaders.SENDER));
    ServiceRequest before = referral.request();
    Task task = referral.task();
    String taskVersion = task.getMeta().getVersionId();

    List<String> changes = new ArrayList<>(ReferralChanges.ofRequest(before, update));
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    for (Bundle.BundleEntryComponent entry : translated.getEntry()) {
      Resource resource = entry.getResource();
      if (resource instanceof Task translatedTask) {
        // the workflow stays the clinic's; the message's data-quality notes join the referral's Task
        translatedTask.getNote().forEach(task::addNote);
        continue;
      }
      if (resource == update) {
        String id = before.getIdElement().getIdPart();
        update.setId(id);
        update.setStatus(before.getStatus());
        for (Reference earlier : before.getSupportingInfo()) {
          if ("DocumentReference".equals(earlier.getReferenceElement().getResourceType())) {
            update.addSupportingInfo(earlier.copy());
          }
        }
        entry.getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("ServiceRequest/" + id).setIfNoneExist(null)
            .setIfMatch(before.getMeta().getVersionId() == null ? null
                : "W/\"" + before.getMeta().getVersionId() + "\"");
      } else if (isPart(entry)) {
        String match = resource.fhirType() + "?" + entry.getRequest().getIfNoneExist();
        Resource existing = store.search(match, 2).stream().map(Resource.class::cast).findFirst().orElse(null);
        changes.addAll(ReferralChanges.ofPart(existing, resource));
        entry.getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(match).setIfNoneExist(null);
      }
      transaction.addEntry(entry);
    }
    String summary = changes.isEmpty() ? "no change to what the clinic sees" : String.join("; ", changes);
    Date now = new Date();
    task.addNote(new Annotation().setText("Updated by the referrer (REF^I13 " + controlId + "): " + summary)
        .setAuthor(new StringType(ReferralActions.REFERRER_UPDATE)).setTimeElement(new DateTimeType(now)));
    task.setLastModified(now);
    Bundle.BundleEntryComponent taskEntry = transaction.addEntry().setResource(task);
    taskEntry.getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Task/" + task.getIdElement().getIdPart());
    if (taskVersion != null) {
      taskEntry.getRequest().setIfMatch("W/\"" + taskVersion + "\"");
    }
    transaction.addEntry().setResource(provenance(referral, now, sender, controlId)).getRequest()
        .setMethod(Bundle.HTTPVerb.POST).setUrl("Provenance");

    BusinessStatus status = referral.status();
    store.transaction(transaction, () -> notifications.statusChanged(task, update, new StatusChange(
        status.referralStatus(), "Modification applied: " + summary, booked(referral), ReferralEvent.MODIFY,
        controlId)));
    log.info("Message {} from {}: modification of {} applied ({} change(s))", controlId, sender,
        referral.reference(), changes.size());
    return referral.reference();
  }

  /** REF^I15: answered with the referral's current status (RF1-1) and, once booked, its first session. */
  public String answerStatusRequest(@Body String raw, @Headers Map<String, Object> headers) {
    REF_I12 message = parse(raw);
    Referral referral = find(message, headers);
    BusinessStatus status = referral.status();
    String comment = "Current status: " + status.display()
        + (referral.task().hasStatusReason() && referral.task().getStatusReason().hasText()
            ? " (" + referral.task().getStatusReason().getText() + ")" : "");
    notifications.statusChanged(referral.task(), referral.request(), new StatusChange(status.referralStatus(),
        comment, booked(referral), ReferralEvent.STATUS_REQUEST, controlId(headers)));
    log.info("Message {} from {}: status request for {} answered ({})", controlId(headers),
        headers.get(EnvelopeHeaders.SENDER), referral.reference(), status.code());
    return referral.reference();
  }

  private REF_I12 parse(String raw) {
    try {
      return parser.parseReferral(raw);
    } catch (HL7Exception e) {
      throw new TranslationException("message", "could not be parsed", e);
    }
  }

  private Referral find(REF_I12 message, Map<String, Object> headers) {
    return find(translator.referralSearchToken(message), headers);
  }

  private Referral find(String token, Map<String, Object> headers) {
    Task task = store.search("Task?identifier=" + token, 2).stream().map(Task.class::cast).findFirst()
        .orElseThrow(() -> new ReferralNotReceivedException("no referral " + headers.get(EnvelopeHeaders.REFERRAL_KEY)
            + " has been written yet"));
    ServiceRequest request = store.read(ServiceRequest.class, task.getFocus().getReferenceElement().getIdPart())
        .orElseThrow(() -> new ReferralNotReceivedException("the Task of referral "
            + headers.get(EnvelopeHeaders.REFERRAL_KEY) + " has no ServiceRequest"));
    return new Referral(task, request);
  }

  /** The first session, while one is booked. */
  private static Instant booked(Referral referral) {
    return referral.status() == BusinessStatus.EVENT_SCHEDULED && referral.task().getExecutionPeriod().hasStart()
        ? referral.task().getExecutionPeriod().getStart().toInstant() : null;
  }

  /** A part of the referral alone (keyed by the referral id and its place), which a modification replaces. */
  private static boolean isPart(Bundle.BundleEntryComponent entry) {
    String match = entry.getRequest().getIfNoneExist();
    return match != null && URLDecoder.decode(match, StandardCharsets.UTF_8).contains("/referral-part|");
  }

  private static <T extends Resource> T only(Bundle bundle, Class<T> type) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
        .map(type::cast).findFirst()
        .orElseThrow(() -> new IllegalStateException("the translated referral has no " + type.getSimpleName()));
  }

  private static Provenance provenance(Referral referral, Date now, String sender, String controlId) {
    return AuditTrail.revision(List.of(new Reference("Task/" + referral.task().getIdElement().getIdPart()),
        new Reference(referral.reference())), now, "Referral updated by the referrer", null,
        "referrer " + sender + " (REF^I13 " + controlId + ")");
  }

  private static String controlId(Map<String, Object> headers) {
    return String.valueOf(headers.get(EnvelopeHeaders.CONTROL_ID));
  }
}
