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
 * patient about. Such a referral stays on the open worklist until its booked session has passed. A referral the
 * referrer updated (REF^I13) says so too.
 */
final class ReferrerNotices {

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private ReferrerNotices() {}

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

  /**
   * The worklist's notice for the referral: its cancellation by the referrer, else that the referrer updated it
   * (REF^I13, with when), else null.
   */
  static String notice(Task task, Instant now, ZoneId zone) {
    if (!cancelledByReferrer(task)) {
      return task.getNote().stream().filter(n -> n.hasAuthorStringType()
              && ReferralActions.REFERRER_UPDATE.equals(n.getAuthorStringType().getValue()))
          .reduce((first, second) -> second)
          .map(n -> "Updated by the referrer" + (n.hasTime() ? " " + DATE_TIME.withZone(zone).format(
              n.getTime().toInstant()) : ""))
          .orElse(null);
    }
    return sessionToRelease(task, now)
        .map(start -> "Cancelled by the referrer: release the session booked for "
            + DATE_TIME.withZone(zone).format(start) + " and tell the patient")
        .orElse("Cancelled by the referrer");
  }
}
