package org.referralbridge.vocabulary;

import java.util.Optional;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;

/**
 * HL7 v2 table 0283, referral status (RF1-1), both ways: a referrer's RF1-1 becomes a ServiceRequest.status, and the
 * clinic's decision goes back to the referrer as RF1-1.
 */
public enum ReferralStatus implements Coded {
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
    return Coded.find(ReferralStatus.class, code);
  }

  /** The table 0283 code, e.g. "A". */
  @Override
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
