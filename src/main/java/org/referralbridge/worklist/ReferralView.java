package org.referralbridge.worklist;

import java.util.List;
import org.referralbridge.outbound.OutboundMessage;

/** Everything the referral page shows, as text ready for the template. */
record ReferralView(String taskId, String serviceRequestId, String status, String statusCode, String priority,
    String received, boolean overdue, String statusReason, String scheduledFor,
    String patient, List<String> patientDetails, String referrer, List<String> referrerContacts,
    List<String> reasons, List<String> diagnoses, List<Result> scores, List<String> medications, List<String> allergies,
    List<String> insurance, List<String> notes, List<String> dataQuality, List<String> referrerUpdates,
    List<String> documents,
    List<Flag> flags, List<String> allowedActions, List<Row> history,
    List<OutboundMessage> deliveries, List<Row> sessions, String originalMessage, String originalMessageInfo) {

  /** A labelled line: label, value, and a third column (date, who, ...). */
  record Row(String label, String value, String extra) {}

  /** A screening score or other observation, with the referrer's notes on it (NTEs after its OBX). */
  record Result(String label, String value, String when, List<String> notes) {}

  /** A screening flag with the data it came from. */
  record Flag(String title, String severity, String severityClass, List<String> evidence) {}
}
