package org.referralbridge.triage;

import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.referralbridge.vocabulary.CodeSystems;
import org.referralbridge.vocabulary.ReferralStatus;

/**
 * The BSeR (STU2) Task.businessStatus codes this workflow moves a referral through. BSeR also has 5.1.2 Unattended,
 * 5.1.4 Event Completed and 5.2 Cancellation Requested; this workflow neither sets nor accepts them.
 */
public enum BusinessStatus {

  CREATED("2.0", "Created"),
  ACCEPTED("3.0", "Accepted"),
  DECLINED("4.0", "Declined"),
  EVENT_SCHEDULED("5.1.1", "Event Scheduled"),
  EVENT_CANCELLED("5.1.3", "Event Cancelled"),
  FULFILLMENT_CANCELLED("6.0", "Fulfillment Cancelled"),
  FULFILLMENT_COMPLETED("7.0", "Fulfillment Completed");

  /** The BSeR Task business status code system. */
  public static final String SYSTEM = CodeSystems.BSER_BUSINESS_STATUS;

  private final String code;
  private final String display;

  BusinessStatus(String code, String display) {
    this.code = code;
    this.display = display;
  }

  public String code() {
    return code;
  }

  public String display() {
    return display;
  }

  /**
   * The RF1-1 (table 0283) that tells a referrer this status: pending until triage, accepted while the referral
   * is being (or was) fulfilled, rejected once it was declined or cancelled.
   */
  public ReferralStatus referralStatus() {
    return switch (this) {
      case CREATED -> ReferralStatus.PENDING;
      case ACCEPTED, EVENT_SCHEDULED, EVENT_CANCELLED, FULFILLMENT_COMPLETED -> ReferralStatus.ACCEPTED;
      case DECLINED, FULFILLMENT_CANCELLED -> ReferralStatus.REJECTED;
    };
  }

  /** A new Coding for Task.businessStatus. */
  public Coding toCoding() {
    return new Coding(SYSTEM, code, display);
  }

  /** The status of {@code code} (surrounding blanks ignored), or empty for any other code or null. */
  public static Optional<BusinessStatus> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String trimmed = code.trim();
    for (BusinessStatus status : values()) {
      if (status.code.equals(trimmed)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
