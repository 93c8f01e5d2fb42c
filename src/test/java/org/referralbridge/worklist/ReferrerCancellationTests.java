package org.referralbridge.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.referralbridge.vocabulary.ReferralEvent;

class ReferrerCancellationTests {

  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
  private static final ZoneId ZONE = ZoneId.of("America/Chicago");

  private static Task cancelled(boolean byReferrer, Instant booked) {
    Task task = new Task().setStatus(Task.TaskStatus.CANCELLED);
    CodeableConcept reason = new CodeableConcept().setText("Cancelled");
    if (byReferrer) {
      reason.addCoding(ReferralEvent.CANCEL.coding());
    }
    task.setStatusReason(reason);
    if (booked != null) {
      task.getExecutionPeriod().setStart(Date.from(booked));
    }
    return task;
  }

  @Test
  void aSessionStillAheadIsToBeReleased() {
    Task task = cancelled(true, Instant.parse("2026-12-21T15:30:00Z"));
    assertThat(ReferrerCancellation.sessionToRelease(task, NOW)).contains(Instant.parse("2026-12-21T15:30:00Z"));
    assertThat(ReferrerCancellation.notice(task, NOW, ZONE))
        .isEqualTo("Cancelled by the referrer: release the session booked for 2026-12-21 09:30 and tell the patient");
  }

  @Test
  void aSessionThatHasPassedOrNoneAtAllIsOnlyNoted() {
    Task passed = cancelled(true, Instant.parse("2026-12-01T15:30:00Z"));
    assertThat(ReferrerCancellation.sessionToRelease(passed, NOW)).isEmpty();
    assertThat(ReferrerCancellation.notice(passed, NOW, ZONE)).isEqualTo("Cancelled by the referrer");
    assertThat(ReferrerCancellation.notice(cancelled(true, null), NOW, ZONE)).isEqualTo("Cancelled by the referrer");
  }

  @Test
  void aCancellationByStaffIsNotTheReferrers() {
    Task task = cancelled(false, Instant.parse("2026-12-21T15:30:00Z"));
    assertThat(ReferrerCancellation.cancelledByReferrer(task)).isFalse();
    assertThat(ReferrerCancellation.sessionToRelease(task, NOW)).isEmpty();
    assertThat(ReferrerCancellation.notice(task, NOW, ZONE)).isNull();
  }
}
