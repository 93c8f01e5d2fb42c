package org.referralbridge.vocabulary;

import java.util.Optional;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestPriority;

/** HL7 v2 table 0280, referral priority (RF1-2), and the ServiceRequest.priority each code stands for. */
public enum ReferralPriority implements Coded {
  STAT("S", "STAT", ServiceRequestPriority.STAT),
  ASAP("A", "ASAP", ServiceRequestPriority.ASAP),
  ROUTINE("R", "Routine", ServiceRequestPriority.ROUTINE);

  /** The table's name as a v2 coding system (CWE-3). */
  public static final String TABLE = "HL70280";

  private final String code;
  private final String display;
  private final ServiceRequestPriority serviceRequestPriority;

  ReferralPriority(String code, String display, ServiceRequestPriority serviceRequestPriority) {
    this.code = code;
    this.display = display;
    this.serviceRequestPriority = serviceRequestPriority;
  }

  /** The priority with this code, in any case and with surrounding blanks; empty for null or any other code. */
  public static Optional<ReferralPriority> fromCode(String code) {
    return Coded.find(ReferralPriority.class, code);
  }

  /** The code for a ServiceRequest.priority: table 0280 has no "urgent", so it is sent as ASAP. */
  public static Optional<ReferralPriority> of(ServiceRequestPriority priority) {
    if (priority == null) {
      return Optional.empty();
    }
    return switch (priority) {
      case STAT -> Optional.of(STAT);
      case ASAP, URGENT -> Optional.of(ASAP);
      case ROUTINE -> Optional.of(ROUTINE);
      default -> Optional.empty();
    };
  }

  /** The table 0280 code, e.g. "R". */
  @Override
  public String code() {
    return code;
  }

  public String display() {
    return display;
  }

  public ServiceRequestPriority serviceRequestPriority() {
    return serviceRequestPriority;
  }
}
