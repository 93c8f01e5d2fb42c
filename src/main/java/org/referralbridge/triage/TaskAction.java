package org.referralbridge.triage;

/** What clinic staff do with a referral Task. */
public enum TaskAction {
  /** Accept the referral (needs nothing else). */
  ACCEPT,
  /** Decline the referral (needs a reason). */
  DECLINE,
  /** Schedule the infusion series, or reschedule it (needs a date and time). */
  SCHEDULE,
  /** Cancel the referral's fulfilment (needs a reason). */
  CANCEL,
  /** Record the series as complete (needs nothing else). */
  COMPLETE
}
