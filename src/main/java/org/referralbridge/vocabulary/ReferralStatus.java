package org.referralbridge.vocabulary;

import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;

/**
 * HL7 v2 table 0283, referral status (RF1-1), both ways: a referrer's RF1-1 becomes a ServiceRequest.status, and the
 * clinic's decision goes back to the referrer as RF1-1.
 */
public enum ReferralStatus {
  ACCEPTED("A", "Accepted", ServiceRequestStatus.ACTIVE),
  REJECTED("R", "Rejected", ServiceRequestStatus.REVOKED),
  PENDING("P", "Pending", ServiceRequestStatus.ACTIVE),
  EXPIRED("E", "Expired", ServiceRequestStatus.REVOKED);

  /** The table's name as a v2 coding system (CWE-3). */
  public static final String TABLE = "HL70283";

  private final String code;
  private final String display;
  private final ServiceRequestStatus serviceRequestStatus;

  ReferralStatus(String code, String display, ServiceRequestStatus serviceRequestStatus) {
    this.code = code;
    this.display = display;
    this.serviceRequestStatus = serviceRequestStatus;
  }

  /** The status with this code, in any case and with surrounding blanks; empty for null or any other code. */
  public static Optional<ReferralStatus> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String wanted = code.trim().toUpperCase(Locale.ROOT);
    for (ReferralStatus status : values()) {
      if (status.code.equals(wanted)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  /** The table 0283 code, e.g. "A". */
  public String code() {
    return code;
  }

  public String display() {
    return display;
  }

  /** The ServiceRequest.status of a referral its referrer sent with this status. */
  public ServiceRequestStatus serviceRequestStatus() {
    return serviceRequestStatus;
  }
}
