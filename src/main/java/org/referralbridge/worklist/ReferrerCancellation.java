package org.referralbridge.worklist;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.Task;
import org.referralbridge.vocabulary.CodeSystems;
import org.referralbridge.vocabulary.ReferralEvent;

/**
 * What staff must know of a referral its referrer cancelled (REF^I14, named in the Task's status reason): that the
 * referrer withdrew it, and above all a session still booked for it, which someone has to release and tell the
 * patient about. Such a referral stays on the open worklist until its booked session has passed.
 */
final class ReferrerCancellation {

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private ReferrerCancellation() {}

  static boolean cancelledByReferrer(Task task) {
    return task.getStatus() == Task.TaskStatus.CANCELLED && task.getStatusReason().getCoding().stream()
        .anyMatch(c -> CodeSystems.V2_EVENT_TYPE.equals(c.getSystem())
            && ReferralEvent.CANCEL.code().equals(c.getCode()));
  }

  /** The booked session that is still ahead although the referrer cancelled the referral. */
  static Optional<Instant> sessionToRelease(Task task, Instant now) {
    if (!cancelledByReferrer(task) || !task.getExecutionPeriod().hasStart()) {
      return Optional.empty();
    }
    Instant start = task.getExecutionPeriod().getStart().toInstant();
    return start.isAfter(now) ? Optional.of(start) : Optional.empty();
  }

  /** The worklist's notice for the referral, or null when the referrer did not cancel it. */
  static String notice(Task task, Instant now, ZoneId zone) {
    if (!cancelledByReferrer(task)) {
      return null;
    }
    return sessionToRelease(task, now)
        .map(start -> "Cancelled by the referrer: release the session booked for "
            + DATE_TIME.withZone(zone).format(start) + " and tell the patient")
        .orElse("Cancelled by the referrer");
  }
}
