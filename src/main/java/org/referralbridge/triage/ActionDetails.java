package org.referralbridge.triage;

import java.time.OffsetDateTime;

/**
 * What an action needs besides itself: a reason (DECLINE, CANCEL) or the appointment's date and time (SCHEDULE).
 * Details an action does not need are ignored.
 *
 * @param reason why the referral is declined or cancelled; free text for the referrer, may hold patient details
 * @param scheduledFor when the (next) infusion is booked, with its offset
 */
public record ActionDetails(String reason, OffsetDateTime scheduledFor) {

  private static final ActionDetails NONE = new ActionDetails(null, null);

  /** No details (ACCEPT, COMPLETE). */
  public static ActionDetails none() {
    return NONE;
  }

  /** A reason (DECLINE, CANCEL). */
  public static ActionDetails reason(String reason) {
    return new ActionDetails(reason, null);
  }

  /** An appointment time (SCHEDULE). */
  public static ActionDetails scheduledFor(OffsetDateTime scheduledFor) {
    return new ActionDetails(null, scheduledFor);
  }

  /** Without the reason, which may hold patient details. */
  @Override
  public String toString() {
    return "ActionDetails[reason=" + (reason == null ? "none" : "(" + reason.length() + " chars)")
        + ", scheduledFor=" + (scheduledFor == null ? "none" : "set") + "]";
  }
}
