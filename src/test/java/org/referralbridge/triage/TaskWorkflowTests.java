package org.referralbridge.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.referralbridge.triage.TaskAction.ACCEPT;
import static org.referralbridge.triage.TaskAction.CANCEL;
import static org.referralbridge.triage.TaskAction.COMPLETE;
import static org.referralbridge.triage.TaskAction.DECLINE;
import static org.referralbridge.triage.TaskAction.SCHEDULE;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.referralbridge.vocabulary.ReferralStatus;

class TaskWorkflowTests {

  private static final OffsetDateTime NINE_AM = OffsetDateTime.parse("2026-11-16T09:00:00-08:00");
  private static final ActionDetails EVERYTHING = new ActionDetails("Outside our service area", NINE_AM);

  static Stream<Arguments> allowed() {
    return Stream.of(
        Arguments.of("2.0", ACCEPT, "3.0", "Accepted", TaskStatus.ACCEPTED, ServiceRequestStatus.ACTIVE,
            ReferralStatus.ACCEPTED, "Referral accepted"),
        Arguments.of("2.0", DECLINE, "4.0", "Declined", TaskStatus.REJECTED, ServiceRequestStatus.REVOKED,
            ReferralStatus.REJECTED, "Referral declined"),
        Arguments.of("2.0", CANCEL, "6.0", "Fulfillment Cancelled", TaskStatus.CANCELLED, ServiceRequestStatus.REVOKED,
            ReferralStatus.REJECTED, "Referral cancelled"),
        Arguments.of("3.0", SCHEDULE, "5.1.1", "Event Scheduled", TaskStatus.INPROGRESS, ServiceRequestStatus.ACTIVE,
            ReferralStatus.ACCEPTED, "Appointment scheduled"),
        Arguments.of("3.0", CANCEL, "6.0", "Fulfillment Cancelled", TaskStatus.CANCELLED, ServiceRequestStatus.REVOKED,
            ReferralStatus.REJECTED, "Referral cancelled"),
        Arguments.of("3.0", COMPLETE, "7.0", "Fulfillment Completed", TaskStatus.COMPLETED,
            ServiceRequestStatus.COMPLETED, ReferralStatus.ACCEPTED, "Infusion series completed"),
        Arguments.of("5.1.1", SCHEDULE, "5.1.1", "Event Scheduled", TaskStatus.INPROGRESS, ServiceRequestStatus.ACTIVE,
            ReferralStatus.ACCEPTED, "Appointment rescheduled"),
        Arguments.of("5.1.1", CANCEL, "6.0", "Fulfillment Cancelled", TaskStatus.CANCELLED,
            ServiceRequestStatus.REVOKED, ReferralStatus.REJECTED, "Referral cancelled"),
        Arguments.of("5.1.1", COMPLETE, "7.0", "Fulfillment Completed", TaskStatus.COMPLETED,
            ServiceRequestStatus.COMPLETED, ReferralStatus.ACCEPTED, "Infusion series completed"),
        Arguments.of("5.1.3", SCHEDULE, "5.1.1", "Event Scheduled", TaskStatus.INPROGRESS, ServiceRequestStatus.ACTIVE,
            ReferralStatus.ACCEPTED, "Appointment scheduled"),
        Arguments.of("5.1.3", CANCEL, "6.0", "Fulfillment Cancelled", TaskStatus.CANCELLED,
            ServiceRequestStatus.REVOKED, ReferralStatus.REJECTED, "Referral cancelled"),
        Arguments.of("5.1.3", COMPLETE, "7.0", "Fulfillment Completed", TaskStatus.COMPLETED,
            ServiceRequestStatus.COMPLETED, ReferralStatus.ACCEPTED, "Infusion series completed"));
  }

  static Stream<Arguments> illegal() {
    return Stream.of(
        Arguments.of("2.0", SCHEDULE), Arguments.of("2.0", COMPLETE),
        Arguments.of("3.0", ACCEPT), Arguments.of("3.0", DECLINE),
        Arguments.of("5.1.1", ACCEPT), Arguments.of("5.1.1", DECLINE),
        Arguments.of("5.1.3", ACCEPT), Arguments.of("5.1.3", DECLINE),
        Arguments.of("4.0", ACCEPT), Arguments.of("4.0", DECLINE), Arguments.of("4.0", SCHEDULE),
        Arguments.of("4.0", CANCEL), Arguments.of("4.0", COMPLETE),
        Arguments.of("6.0", ACCEPT), Arguments.of("6.0", DECLINE), Arguments.of("6.0", SCHEDULE),
        Arguments.of("6.0", CANCEL), Arguments.of("6.0", COMPLETE),
        Arguments.of("7.0", ACCEPT), Arguments.of("7.0", DECLINE), Arguments.of("7.0", SCHEDULE),
        Arguments.of("7.0", CANCEL), Arguments.of("7.0", COMPLETE));
  }

  @ParameterizedTest(name = "{0} + {1} → {2} {3}")
  @MethodSource("allowed")
  void anAllowedActionGivesEveryStatusToWrite(String from, TaskAction action, String code, String display,
      TaskStatus taskStatus, ServiceRequestStatus requestStatus, ReferralStatus rf1, String label) {
    Transition transition = TaskWorkflow.apply(from, action, EVERYTHING);

    assertThat(transition.businessStatusCode()).isEqualTo(code);
    assertThat(transition.businessStatusDisplay()).isEqualTo(display);
    assertThat(transition.taskStatus()).isEqualTo(taskStatus);
    assertThat(transition.serviceRequestStatus()).isEqualTo(requestStatus);
    assertThat(transition.rf1Status()).isEqualTo(rf1);
    assertThat(transition.auditLabel()).isEqualTo(label);
    assertThat(TaskWorkflow.allowedActions(from)).contains(action);
  }

  @ParameterizedTest(name = "{0} + {1} → refused")
  @MethodSource("illegal")
  void anIllegalActionIsRefusedNamingTheStatusAndTheAction(String from, TaskAction action) {
    assertThatThrownBy(() -> TaskWorkflow.apply(from, action, EVERYTHING))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining(action.name()).hasMessageContaining("business status " + from)
        .satisfies(e -> assertThat(((IllegalTransitionException) e).action()).isEqualTo(action))
        .satisfies(e -> assertThat(((IllegalTransitionException) e).current().code()).isEqualTo(from));
    assertThat(TaskWorkflow.allowedActions(from)).doesNotContain(action);
  }

  @Test
  void theAllowedAndIllegalCasesCoverEveryStatusAndActionOnce() {
    Set<String> pairs = new HashSet<>();
    Stream.concat(allowed(), illegal()).forEach(arguments -> assertThat(
        pairs.add(arguments.get()[0] + " " + arguments.get()[1])).as("listed twice").isTrue());

    assertThat(pairs).hasSize(BusinessStatus.values().length * TaskAction.values().length);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = ';', value = {
      "2.0; ACCEPT DECLINE CANCEL",
      "3.0; SCHEDULE CANCEL COMPLETE",
      "5.1.1; SCHEDULE CANCEL COMPLETE",
      "5.1.3; SCHEDULE CANCEL COMPLETE",
      "' 2.0 '; ACCEPT DECLINE CANCEL"})
  void theAllowedActionsAreListedForTheUi(String status, String actions) {
    assertThat(TaskWorkflow.allowedActions(status))
        .containsExactlyElementsOf(Stream.of(actions.split(" ")).map(TaskAction::valueOf).toList());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @NullAndEmptySource
  @ValueSource(strings = {"4.0", "6.0", "7.0", "5.1.2", "5.1.4", "5.2", "1.0", "accepted"})
  void terminalAndUnknownStatusesAllowNoAction(String status) {
    assertThat(TaskWorkflow.allowedActions(status)).isEmpty();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @NullAndEmptySource
  @ValueSource(strings = {"5.1.4", "accepted"})
  void anUnknownStatusIsRefusedAsAnIllegalTransition(String status) {
    assertThatThrownBy(() -> TaskWorkflow.apply(status, ACCEPT))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("ACCEPT")
        .satisfies(e -> assertThat(((IllegalTransitionException) e).current()).isNull());
  }

  @Test
  void anUnknownStatusThatIsNotACodeIsNotEchoed() {
    assertThatThrownBy(() -> TaskWorkflow.apply("Jane Roe 1980-02-03", ACCEPT))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageNotContaining("Jane").hasMessageContaining("unrecognised business status");
  }

  @Test
  void aTerminalStatusSaysItIsTerminal() {
    assertThatThrownBy(() -> TaskWorkflow.apply("7.0", SCHEDULE, ActionDetails.scheduledFor(NINE_AM)))
        .hasMessage("SCHEDULE is not allowed from business status 7.0 Fulfillment Completed; allowed: none "
            + "(terminal)");
  }

  @ParameterizedTest(name = "{0} with \"{1}\"")
  @CsvSource({"DECLINE, ''", "DECLINE, '   '", "CANCEL, ''"})
  void declineAndCancelNeedAReason(TaskAction action, String reason) {
    assertThatThrownBy(() -> TaskWorkflow.apply("2.0", action, ActionDetails.reason(reason)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(action + " needs a reason");
    assertThatThrownBy(() -> TaskWorkflow.apply("2.0", action))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(action + " needs a reason");
  }

  @Test
  void scheduleNeedsADateAndTime() {
    assertThatThrownBy(() -> TaskWorkflow.apply("3.0", SCHEDULE, ActionDetails.reason("soon")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("date and time");
  }

  @Test
  void theIllegalTransitionIsReportedBeforeAMissingDetail() {
    assertThatThrownBy(() -> TaskWorkflow.apply("7.0", DECLINE)).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void theReasonIsTrimmedAndCarriedOnlyByDeclineAndCancel() {
    assertThat(TaskWorkflow.apply("2.0", DECLINE, ActionDetails.reason("  Needs inpatient care first ")).reason())
        .isEqualTo("Needs inpatient care first");
    assertThat(TaskWorkflow.apply("5.1.1", CANCEL, ActionDetails.reason("Patient moved")).reason())
        .isEqualTo("Patient moved");
    assertThat(TaskWorkflow.apply("2.0", ACCEPT, EVERYTHING).reason()).isNull();
    assertThat(TaskWorkflow.apply("2.0", ACCEPT, EVERYTHING).scheduledFor()).isNull();
  }

  @Test
  void aScheduleCarriesItsTimeAndCanBeRepeatedToReschedule() {
    Transition first = TaskWorkflow.apply("3.0", SCHEDULE, ActionDetails.scheduledFor(NINE_AM));
    Transition again = TaskWorkflow.apply(first.businessStatusCode(), SCHEDULE,
        ActionDetails.scheduledFor(NINE_AM.plusDays(2)));

    assertThat(first.scheduledFor()).isEqualTo(NINE_AM);
    assertThat(again.businessStatusCode()).isEqualTo("5.1.1");
    assertThat(again.scheduledFor()).isEqualTo(NINE_AM.plusDays(2));
    assertThat(again.auditLabel()).isEqualTo("Appointment rescheduled");
  }

  @Test
  void aWholeReferralRunsFromCreatedToCompleted() {
    String status = "2.0";
    for (TaskAction action : List.of(ACCEPT, SCHEDULE, SCHEDULE, COMPLETE)) {
      status = TaskWorkflow.apply(status, action, EVERYTHING).businessStatusCode();
    }

    assertThat(status).isEqualTo("7.0");
    assertThat(TaskWorkflow.allowedActions(status)).isEmpty();
  }

  @Test
  void theTransitionGivesABserCodingAndPrintsNoReason() {
    Transition transition = TaskWorkflow.apply("2.0", DECLINE, ActionDetails.reason("Jane Roe is pregnant"));

    assertThat(transition.businessStatus().getSystem())
        .isEqualTo("http://hl7.org/fhir/us/bser/CodeSystem/TaskBusinessStatusCS");
    assertThat(transition.businessStatus().getCode()).isEqualTo("4.0");
    assertThat(transition.businessStatus().getDisplay()).isEqualTo("Declined");
    assertThat(transition.toString()).doesNotContain("Jane", "pregnant").contains("4.0", "R");
    assertThat(ActionDetails.reason("Jane Roe").toString()).doesNotContain("Jane");
  }

  @Test
  void businessStatusesReadTheirCodes() {
    assertThat(BusinessStatus.fromCode("5.1.1")).contains(BusinessStatus.EVENT_SCHEDULED);
    assertThat(BusinessStatus.fromCode(" 2.0")).contains(BusinessStatus.CREATED);
    assertThat(BusinessStatus.fromCode("5.1.2")).isEmpty();
    assertThat(EnumSet.allOf(BusinessStatus.class)).allSatisfy(status ->
        assertThat(status.toCoding().getSystem()).isEqualTo(BusinessStatus.SYSTEM));
  }
}
