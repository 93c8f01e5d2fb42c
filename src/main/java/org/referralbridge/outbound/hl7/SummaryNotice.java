package org.referralbridge.outbound.hl7;

import java.util.List;
import java.util.Objects;

/**
 * One infusion summary for the referrer: the PDF for an MDM^T02 and the structured results for an ORU^R01.
 *
 * @param envelope this service as sender, the referrer's system as receiver
 * @param patient PID
 * @param referrer PV1-8 referring doctor and OBR-16 ordering provider; may be null
 * @param referral the referrer's id (OBR-2, TXA-14) and the clinic's (TXA-15)
 * @param document the PDF and its metadata
 * @param results one OBX each in the ORU^R01, in this order
 * @param notes plan and notes for the therapist (ORU NTE after the OBR, one per line); may be null
 */
public record SummaryNotice(Envelope envelope, PatientDetails patient, ReferringProvider referrer,
    ReferralIds referral, SummaryDocument document, List<Result> results, String notes) {

  public SummaryNotice {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(patient, "patient");
    Objects.requireNonNull(referral, "referral");
    Objects.requireNonNull(document, "document");
    results = List.copyOf(Objects.requireNonNull(results, "results"));
  }

  /** Ids only: everything else is patient data. */
  @Override
  public String toString() {
    return "SummaryNotice[controlId=" + envelope.controlId() + ", document=" + document.id() + ", "
        + results.size() + " result(s)]";
  }
}
