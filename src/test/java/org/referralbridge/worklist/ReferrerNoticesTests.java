package org.referralbridge.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.referralbridge.vocabulary.ReferralEvent;

class ReferrerNoticesTests {

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
    assertThat(ReferrerNotices.sessionToRelease(task, NOW)).contains(Instant.parse("2026-12-21T15:30:00Z"));
    assertThat(ReferrerNotices.notice(task, NOW, ZONE))
        .isEqualTo("Cancelled by the referrer: release the session booked for 2026-12-21 09:30 and tell the patient");
  }

  @Test
  void aSessionThatHasPassedOrNoneAtAllIsOnlyNoted() {
    Task passed = cancelled(true, Instant.parse("2026-12-01T15:30:00Z"));
    assertThat(ReferrerNotices.sessionToRelease(passed, NOW)).isEmpty();
    assertThat(ReferrerNotices.notice(passed, NOW, ZONE)).isEqualTo("Cancelled by the referrer");
    assertThat(ReferrerNotices.notice(cancelled(true, null), NOW, ZONE)).isEqualTo("Cancelled by the referrer");
  }

  @Test
  void aReferralTheReferrerUpdatedSaysSoWithTheTimeOfTheLastUpdate() {
    Task task = new Task().setStatus(Task.TaskStatus.ACCEPTED);
    assertThat(ReferrerNotices.notice(task, NOW, ZONE)).isNull();
    task.addNote(new org.hl7.fhir.r4.model.Annotation().setText("Updated by the referrer (REF^I13 C1): x")
        .setAuthor(new org.hl7.fhir.r4.model.StringType(ReferralActions.REFERRER_UPDATE))
        .setTime(Date.from(Instant.parse("2026-12-05T16:00:00Z"))));
    task.addNote(new org.hl7.fhir.r4.model.Annotation().setText("Updated by the referrer (REF^I13 C2): y")
        .setAuthor(new org.hl7.fhir.r4.model.StringType(ReferralActions.REFERRER_UPDATE))
        .setTime(Date.from(Instant.parse("2026-12-06T15:00:00Z"))));
    assertThat(ReferrerNotices.notice(task, NOW, ZONE)).isEqualTo("Updated by the referrer 2026-12-06 09:00");
  }

  @Test
  void aCancellationByStaffIsNotTheReferrers() {
    Task task = cancelled(false, Instant.parse("2026-12-21T15:30:00Z"));
    assertThat(ReferrerNotices.cancelledByReferrer(task)).isFalse();
    assertThat(ReferrerNotices.sessionToRelease(task, NOW)).isEmpty();
    assertThat(ReferrerNotices.notice(task, NOW, ZONE)).isNull();
  }
}
