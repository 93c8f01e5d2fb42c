package org.referralbridge.triage;

import java.time.OffsetDateTime;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.referralbridge.vocabulary.ReferralStatus;

/**
 * What one allowed action changes: everything the web layer writes to the Task and the ServiceRequest, reports to
 * the referrer, and records in the audit trail.
 *
 * @param taskStatus the new Task.status
 * @param businessStatusCode the new Task.businessStatus code (BSeR)
 * @param businessStatusDisplay its display
 * @param serviceRequestStatus the new ServiceRequest.status
 * @param rf1Status the referral status to report back in RF1-1 (HL7 table 0283)
 * @param auditLabel a short label for the audit trail, without patient details ("Referral accepted")
 * @param reason the trimmed reason of a DECLINE or CANCEL (for Task.statusReason), else null
 * @param scheduledFor the appointment time of a SCHEDULE, else null
 */
public record Transition(Task.TaskStatus taskStatus, String businessStatusCode, String businessStatusDisplay,
    ServiceRequest.ServiceRequestStatus serviceRequestStatus, ReferralStatus rf1Status, String auditLabel, String reason,
    OffsetDateTime scheduledFor) {

  /** A new Coding for Task.businessStatus. */
  public Coding businessStatus() {
    return new Coding(BusinessStatus.SYSTEM, businessStatusCode, businessStatusDisplay);
  }

  /** Without the reason and the time, which may be patient details. */
  @Override
  public String toString() {
    return "Transition[" + auditLabel + ": task " + taskStatus.toCode() + ", business status " + businessStatusCode
        + ", service request " + serviceRequestStatus.toCode() + ", RF1-1 " + rf1Status.code() + "]";
  }
}
