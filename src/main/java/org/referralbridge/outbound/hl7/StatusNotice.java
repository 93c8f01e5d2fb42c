package org.referralbridge.outbound.hl7;

import java.time.Instant;
import java.util.Objects;
import org.referralbridge.vocabulary.ReferralEvent;
import org.referralbridge.vocabulary.ReferralPriority;
import org.referralbridge.vocabulary.ReferralStatus;

/**
 * Everything an RRI tells the referrer about the referral's status: RRI^I12 a decision of the clinic's, RRI^I13 to
 * I15 the answer to the referrer's modification, cancellation or status request.
 *
 * @param envelope this service as sender, the original referral's sender (its MSH-3/4) as receiver
 * @param originalControlId MSH-10 of the message this answers (the original referral, or the referrer's
 *     request), echoed in MSA-2
 * @param referral the referrer's id (RF1-6) and the clinic's (RF1-11)
 * @param status RF1-1
 * @param priority RF1-2; may be null
 * @param comment the reason or comment for the referrer (NTE, one per line); may be null
 * @param scheduledStart when the first session is booked (PV1 class O + PV2-8 expected admit date/time); may be null
 * @param clinic PRD role RT
 * @param referrer PRD role RP; may be null when the referral named no person
 * @param patient PID
 * @param event the RRI's trigger event, the event of the message it answers
 */
public record StatusNotice(Envelope envelope, String originalControlId, ReferralIds referral, ReferralStatus status,
    ReferralPriority priority, String comment, Instant scheduledStart, ClinicDetails clinic,
    ReferringProvider referrer, PatientDetails patient, ReferralEvent event) {

  /** An RRI^I12: a decision of the clinic's about the referral. */
  public StatusNotice(Envelope envelope, String originalControlId, ReferralIds referral, ReferralStatus status,
      ReferralPriority priority, String comment, Instant scheduledStart, ClinicDetails clinic,
      ReferringProvider referrer, PatientDetails patient) {
    this(envelope, originalControlId, referral, status, priority, comment, scheduledStart, clinic, referrer, patient,
        ReferralEvent.NEW_REFERRAL);
  }

  public StatusNotice {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(referral, "referral");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(clinic, "clinic");
    Objects.requireNonNull(patient, "patient");
    if (originalControlId == null || originalControlId.isBlank()) {
      throw new IllegalArgumentException("the original message's control id (MSA-2) is required");
    }
  }

  /** Ids and status only: the comment and the patient are patient data. */
  @Override
  public String toString() {
    return "StatusNotice[controlId=" + envelope.controlId() + ", originalControlId=" + originalControlId
        + ", status=" + status + "]";
  }
}
