package org.referralbridge.vocabulary;

import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;

/**
 * The referral events of HL7 v2 chapter 11 (table 0003) from the referrer's side: each comes as REF^event and is
 * answered with RRI^event. I11 is a referral sent with the event of a query (seen from real senders): read as I12.
 */
public enum ReferralEvent implements Coded {
  NEW_REFERRAL("I12", "new referral", "REF/RRI - Patient referral"),
  MODIFY("I13", "modification", "REF/RRI - Modify patient referral"),
  CANCEL("I14", "cancellation", "REF/RRI - Cancel patient referral"),
  STATUS_REQUEST("I15", "status request", "REF/RRI - Patient referral status inquiry");

  private final String code;
  private final String description;
  private final String display;

  ReferralEvent(String code, String description, String display) {
    this.code = code;
    this.description = description;
    this.display = display;
  }

  /** A new Coding in HL7 table 0003 (event type), e.g. for the Task.statusReason of a referrer's cancellation. */
  public Coding coding() {
    return new Coding(CodeSystems.V2_EVENT_TYPE, code, display);
  }

  /** The event of a REF message's MSH-9.2 ("I11" is a new referral), or empty for any other event. */
  public static Optional<ReferralEvent> fromCode(String code) {
    if (code != null && code.trim().equalsIgnoreCase("I11")) {
      return Optional.of(NEW_REFERRAL);
    }
    return Coded.find(ReferralEvent.class, code);
  }

  /** The trigger event, e.g. "I14". */
  @Override
  public String code() {
    return code;
  }

  /** What the referrer asks for, e.g. "cancellation". */
  public String description() {
    return description;
  }
}
