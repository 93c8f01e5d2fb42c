package org.referralbridge.worklist;

import java.time.Instant;

/**
 * One referral on the worklist.
 *
 * @param taskId the referral Task's id (the page of the referral)
 * @param priority routine, urgent, asap or stat
 * @param patient name and birth date
 * @param referrer referring provider and organisation
 * @param reason reason for referral and diagnoses, short
 * @param received when it arrived
 * @param age how long ago, e.g. "3 days"
 * @param status the business status, e.g. "Created"
 * @param overdue no triage action within the configured business days
 * @param notice what staff must do about a referral its referrer cancelled (e.g. release a booked session); null
 *     for any other
 */
record WorklistRow(String taskId, String priority, String patient, String referrer, String reason, Instant received,
    String age, String status, String statusCode, boolean overdue, String notice) {}
