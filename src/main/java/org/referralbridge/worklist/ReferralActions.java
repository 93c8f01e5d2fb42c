package org.referralbridge.worklist;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.referralbridge.outbound.StatusNotifications;
import org.referralbridge.outbound.hl7.StatusChange;
import org.referralbridge.store.FhirStore;
import org.referralbridge.triage.ActionDetails;
import org.referralbridge.triage.TaskAction;
import org.referralbridge.triage.TaskWorkflow;
import org.referralbridge.triage.Transition;
import org.referralbridge.vocabulary.ReferralEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What staff, or the referrer, do with a referral: the Task state machine's transition written to the Task and the
 * ServiceRequest in one FHIR transaction, with a Provenance (who, when, what) as the audit trail, and the referrer
 * told in their channel: the notification is recorded in the same database transaction as the change (embedded
 * store), so a status change is never saved without it. The Task is updated only if nobody changed it since it was
 * read (If-Match on its version).
 */
public class ReferralActions {

  /** The author of the Task notes a referrer's modification (REF^I13) leaves: the referral page lists them. */
  public static final String REFERRER_UPDATE = "Referrer update";

  private static final Logger log = LoggerFactory.getLogger(ReferralActions.class);

  private final ReferralRecords records;
  private final FhirStore store;
  private final StatusNotifications notifications;
  private final Clock clock;

  ReferralActions(ReferralRecords records, FhirStore store, StatusNotifications notifications, Clock clock) {
    this.records = records;
    this.store = store;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** Applies a staff member's action; throws IllegalTransitionException when the status does not allow it. */
  public Transition apply(String taskId, TaskAction action, ActionDetails details, String staffMember) {
    Task task = records.task(taskId).orElseThrow(() -> new ReferralNotFoundException(taskId));
    ServiceRequest request = records.read(ServiceRequest.class, task.getFocus())
        .orElseThrow(() -> new ReferralNotFoundException(taskId));
    Transition transition = TaskWorkflow.apply(task.getBusinessStatus().getCodingFirstRep().getCode(), action,
        details);
    write(task, request, transition, null, staffMember, new StatusChange(transition.rf1Status(),
        transition.reason(), transition.scheduledFor() == null ? null : transition.scheduledFor().toInstant()));
    return transition;
  }

  /**
   * Applies what the referrer asked for in a message (a cancellation): the Task's status reason names the message's
   * event, the Provenance the referrer, and the referrer gets the RRI that answers the message (MSA-2 its control
   * id).
   *
   * @param referrer who asked, for the audit trail (the sender's application and facility, no patient data)
   * @throws org.referralbridge.triage.IllegalTransitionException when the status does not allow it
   */
  public Transition applyForReferrer(Task task, ServiceRequest request, TaskAction action, ActionDetails details,
      ReferralEvent event, String controlId, String referrer) {
    Transition transition = TaskWorkflow.apply(task.getBusinessStatus().getCodingFirstRep().getCode(), action,
        details);
    write(task, request, transition, event.coding(), "referrer " + referrer + " (REF^" + event.code() + " "
        + controlId + ")", new StatusChange(transition.rf1Status(), transition.reason(),
            transition.scheduledFor() == null ? null : transition.scheduledFor().toInstant(), event, controlId));
    return transition;
  }

  private void write(Task task, ServiceRequest request, Transition transition, Coding reasonCode, String agent,
      StatusChange change) {
    String taskId = task.getIdElement().getIdPart();
    Date now = Date.from(clock.instant());
    String version = task.getMeta().getVersionId();

    task.setStatus(transition.taskStatus());
    task.setBusinessStatus(new CodeableConcept().addCoding(transition.businessStatus()));
    task.setLastModified(now);
    if (transition.reason() != null) {
      CodeableConcept reason = new CodeableConcept().setText(transition.reason());
      if (reasonCode != null) {
        reason.addCoding(reasonCode);
      }
      task.setStatusReason(reason);
    }
    if (transition.scheduledFor() != null) {
      task.getExecutionPeriod().setStartElement(new DateTimeType(Date.from(transition.scheduledFor().toInstant()),
          ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND,
          TimeZone.getTimeZone(transition.scheduledFor().getOffset())));
    }
    request.setStatus(transition.serviceRequestStatus());

    Provenance provenance = AuditTrail.revision(List.of(new Reference("Task/" + taskId),
        new Reference("ServiceRequest/" + request.getIdElement().getIdPart())), now, transition.auditLabel(),
        transition.businessStatus(), agent);

    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    Bundle.BundleEntryComponent taskEntry = transaction.addEntry().setResource(task);
    taskEntry.getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Task/" + taskId);
    if (version != null) {
      taskEntry.getRequest().setIfMatch("W/\"" + version + "\"");
    }
    Bundle.BundleEntryComponent requestEntry = transaction.addEntry().setResource(request);
    requestEntry.getRequest().setMethod(Bundle.HTTPVerb.PUT)
        .setUrl("ServiceRequest/" + request.getIdElement().getIdPart());
    // nor the ServiceRequest (a referrer's modification or results may have been attached meanwhile)
    if (request.getMeta().getVersionId() != null) {
      requestEntry.getRequest().setIfMatch("W/\"" + request.getMeta().getVersionId() + "\"");
    }
    transaction.addEntry().setResource(provenance).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Provenance");
    // the notification is built from the new state (read inside the transaction) and recorded with it: both commit
    // or neither; it reaches the broker after commit (or through the outbox relay)
    store.transaction(transaction,
        () -> notifications.statusChanged(records.task(taskId).orElse(task), request, change));
    log.info("Referral Task/{}: {} by {}", taskId, transition.auditLabel(), agent);
  }
}
