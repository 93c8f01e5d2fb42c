package org.referralbridge.worklist;

import java.time.Clock;
import java.util.Date;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What staff do with a referral: the Task state machine's transition written to the Task and the ServiceRequest
 * in one FHIR transaction, with a Provenance (who, when, what) as the audit trail, and the referrer notified in
 * their channel: the notification is recorded in the same database transaction as the change (embedded store), so
 * a status change is never saved without it. The Task is updated only if nobody changed it since it was read
 * (If-Match on its version).
 */
class ReferralActions {

  private static final Logger log = LoggerFactory.getLogger(ReferralActions.class);
  private static final String PROVENANCE_ACTIVITY = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";
  private static final String PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

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

  /** Applies the action; throws IllegalTransitionException when the referral's status does not allow it. */
  Transition apply(String taskId, TaskAction action, ActionDetails details, String staffMember) {
    Task task = records.task(taskId).orElseThrow(() -> new ReferralNotFoundException(taskId));
    ServiceRequest request = records.read(ServiceRequest.class, task.getFocus())
        .orElseThrow(() -> new ReferralNotFoundException(taskId));
    Transition transition = TaskWorkflow.apply(task.getBusinessStatus().getCodingFirstRep().getCode(), action,
        details);
    Date now = Date.from(clock.instant());
    String version = task.getMeta().getVersionId();

    task.setStatus(transition.taskStatus());
    task.setBusinessStatus(new CodeableConcept().addCoding(transition.businessStatus()));
    task.setLastModified(now);
    if (transition.reason() != null) {
      task.setStatusReason(new CodeableConcept().setText(transition.reason()));
    }
    if (transition.scheduledFor() != null) {
      task.getExecutionPeriod().setStartElement(new DateTimeType(Date.from(transition.scheduledFor().toInstant()),
          ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND,
          TimeZone.getTimeZone(transition.scheduledFor().getOffset())));
    }
    request.setStatus(transition.serviceRequestStatus());

    Provenance provenance = new Provenance();
    provenance.addTarget(new Reference("Task/" + taskId));
    provenance.addTarget(new Reference("ServiceRequest/" + request.getIdElement().getIdPart()));
    provenance.setRecorded(now);
    provenance.setActivity(new CodeableConcept().addCoding(new Coding(PROVENANCE_ACTIVITY, "UPDATE", "revise"))
        .setText(transition.auditLabel()));
    provenance.addReason(new CodeableConcept().addCoding(transition.businessStatus()));
    provenance.addAgent()
        .setType(new CodeableConcept().addCoding(new Coding(PARTICIPANT_TYPE, "author", "Author")))
        .setWho(new Reference().setDisplay(staffMember));

    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    Bundle.BundleEntryComponent taskEntry = transaction.addEntry().setResource(task);
    taskEntry.getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Task/" + taskId);
    if (version != null) {
      taskEntry.getRequest().setIfMatch("W/\"" + version + "\"");
    }
    transaction.addEntry().setResource(request).getRequest().setMethod(Bundle.HTTPVerb.PUT)
        .setUrl("ServiceRequest/" + request.getIdElement().getIdPart());
    transaction.addEntry().setResource(provenance).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Provenance");
    // the notification is built from the new state (read inside the transaction) and recorded with it: both commit
    // or neither; it reaches the broker after commit (or through the outbox relay)
    StatusChange change = new StatusChange(transition.rf1Status(), transition.reason(),
        transition.scheduledFor() == null ? null : transition.scheduledFor().toInstant());
    store.transaction(transaction,
        () -> notifications.statusChanged(records.task(taskId).orElse(task), request, change));
    log.info("Referral Task/{}: {} by {}", taskId, transition.auditLabel(), staffMember);
    return transition;
  }
}
