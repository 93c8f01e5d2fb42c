package org.referralbridge.triage;

import static org.referralbridge.triage.BusinessStatus.ACCEPTED;
import static org.referralbridge.triage.BusinessStatus.CREATED;
import static org.referralbridge.triage.BusinessStatus.DECLINED;
import static org.referralbridge.triage.BusinessStatus.EVENT_CANCELLED;
import static org.referralbridge.triage.BusinessStatus.EVENT_SCHEDULED;
import static org.referralbridge.triage.BusinessStatus.FULFILLMENT_CANCELLED;
import static org.referralbridge.triage.BusinessStatus.FULFILLMENT_COMPLETED;
import static org.referralbridge.triage.TaskAction.ACCEPT;
import static org.referralbridge.triage.TaskAction.CANCEL;
import static org.referralbridge.triage.TaskAction.COMPLETE;
import static org.referralbridge.triage.TaskAction.DECLINE;
import static org.referralbridge.triage.TaskAction.SCHEDULE;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.referralbridge.vocabulary.ReferralStatus;

/**
 * The referral Task's state machine (BSeR business statuses):
 *
 * <pre>
 * 2.0   Created           ACCEPT → 3.0, DECLINE → 4.0, CANCEL → 6.0
 * 3.0   Accepted          SCHEDULE → 5.1.1, CANCEL → 6.0, COMPLETE → 7.0
 * 5.1.1 Event Scheduled   SCHEDULE → 5.1.1 (reschedule), CANCEL → 6.0, COMPLETE → 7.0
 * 5.1.3 Event Cancelled   as 3.0: the appointment was cancelled, the referral is still accepted
 * 4.0 Declined, 6.0 Fulfillment Cancelled, 7.0 Fulfillment Completed: terminal
 * </pre>
 *
 * A pure function of its arguments: it reads and writes nothing.
 */
public final class TaskWorkflow {

  private static final Map<BusinessStatus, Map<TaskAction, BusinessStatus>> ALLOWED = allowed();
  private static final Pattern PRINTABLE_CODE = Pattern.compile("[0-9A-Za-z.\\-]{1,16}");

  private TaskWorkflow() {}

  private static Map<BusinessStatus, Map<TaskAction, BusinessStatus>> allowed() {
    Map<BusinessStatus, Map<TaskAction, BusinessStatus>> allowed = new EnumMap<>(BusinessStatus.class);
    allowed.put(CREATED, actions(Map.of(ACCEPT, ACCEPTED, DECLINE, DECLINED, CANCEL, FULFILLMENT_CANCELLED)));
    Map<TaskAction, BusinessStatus> afterAcceptance =
        actions(Map.of(SCHEDULE, EVENT_SCHEDULED, CANCEL, FULFILLMENT_CANCELLED, COMPLETE, FULFILLMENT_COMPLETED));
    allowed.put(ACCEPTED, afterAcceptance);
    allowed.put(EVENT_SCHEDULED, afterAcceptance);
    allowed.put(EVENT_CANCELLED, afterAcceptance);
    for (BusinessStatus terminal : Set.of(DECLINED, FULFILLMENT_CANCELLED, FULFILLMENT_COMPLETED)) {
      allowed.put(terminal, Collections.unmodifiableMap(new EnumMap<>(TaskAction.class)));
    }
    return Collections.unmodifiableMap(allowed);
  }

  private static Map<TaskAction, BusinessStatus> actions(Map<TaskAction, BusinessStatus> actions) {
    return Collections.unmodifiableMap(new EnumMap<>(actions));
  }

  /** The actions allowed in the business status {@code currentCode}, in {@link TaskAction} order; empty if none. */
  public static Set<TaskAction> allowedActions(String currentCode) {
    return BusinessStatus.fromCode(currentCode).map(status -> ALLOWED.get(status).keySet())
        .map(Collections::unmodifiableSet).orElse(Set.of());
  }

  /** {@link #apply(String, TaskAction, ActionDetails)} for an action that needs no details (ACCEPT, COMPLETE). */
  public static Transition apply(String currentBusinessStatusCode, TaskAction action) {
    return apply(currentBusinessStatusCode, action, ActionDetails.none());
  }

  /**
   * What {@code action} does to a referral in the business status {@code currentBusinessStatusCode}.
   *
   * @throws IllegalTransitionException when the status does not allow the action, or is not one this workflow knows
   * @throws IllegalArgumentException when the action's detail is missing: a reason for DECLINE and CANCEL, a time for
   *     SCHEDULE
   */
  public static Transition apply(String currentBusinessStatusCode, TaskAction action, ActionDetails details) {
    Objects.requireNonNull(action, "action");
    ActionDetails given = details == null ? ActionDetails.none() : details;
    BusinessStatus current = BusinessStatus.fromCode(currentBusinessStatusCode)
        .orElseThrow(() -> new IllegalTransitionException(null, action, action + " is not allowed from "
            + unknown(currentBusinessStatusCode) + ": it is not a business status this workflow knows"));
    BusinessStatus next = ALLOWED.get(current).get(action);
    if (next == null) {
      throw new IllegalTransitionException(current, action, action + " is not allowed from business status "
          + current.code() + " " + current.display() + "; allowed: " + describe(ALLOWED.get(current).keySet()));
    }
    return switch (action) {
      case ACCEPT -> transition(next, TaskStatus.ACCEPTED, ServiceRequestStatus.ACTIVE, ReferralStatus.ACCEPTED,
          "Referral accepted", null, null);
      case DECLINE -> transition(next, TaskStatus.REJECTED, ServiceRequestStatus.REVOKED, ReferralStatus.REJECTED,
          "Referral declined", reason(action, given), null);
      case SCHEDULE -> transition(next, TaskStatus.INPROGRESS, ServiceRequestStatus.ACTIVE, ReferralStatus.ACCEPTED,
          current == EVENT_SCHEDULED ? "Appointment rescheduled" : "Appointment scheduled", null,
          scheduledFor(given));
      case CANCEL -> transition(next, TaskStatus.CANCELLED, ServiceRequestStatus.REVOKED, ReferralStatus.REJECTED,
          "Referral cancelled", reason(action, given), null);
      case COMPLETE -> transition(next, TaskStatus.COMPLETED, ServiceRequestStatus.COMPLETED, ReferralStatus.ACCEPTED,
          "Infusion series completed", null, null);
    };
  }

  private static Transition transition(BusinessStatus next, TaskStatus taskStatus, ServiceRequestStatus request,
      ReferralStatus rf1, String label, String reason, OffsetDateTime scheduledFor) {
    return new Transition(taskStatus, next.code(), next.display(), request, rf1, label, reason, scheduledFor);
  }

  private static String reason(TaskAction action, ActionDetails details) {
    if (details.reason() == null || details.reason().isBlank()) {
      throw new IllegalArgumentException(action + " needs a reason");
    }
    return details.reason().trim();
  }

  private static OffsetDateTime scheduledFor(ActionDetails details) {
    if (details.scheduledFor() == null) {
      throw new IllegalArgumentException("SCHEDULE needs the appointment's date and time");
    }
    return details.scheduledFor();
  }

  private static String describe(Set<TaskAction> actions) {
    return actions.isEmpty() ? "none (terminal)"
        : actions.stream().map(TaskAction::name).collect(Collectors.joining(", "));
  }

  /** The unknown code quoted when it looks like a code, otherwise not echoed. */
  private static String unknown(String code) {
    if (code == null || code.isBlank()) {
      return "an empty business status";
    }
    return PRINTABLE_CODE.matcher(code.trim()).matches() ? "business status " + code.trim()
        : "an unrecognised business status";
  }
}
