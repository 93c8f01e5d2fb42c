package org.referralbridge.hl7;

/**
 * One end of an HL7 v2 exchange: the application and facility namespace ids of MSH-3/MSH-4 (the sender) or
 * MSH-5/MSH-6 (the receiver), e.g. {@code NORTHSIDE_EHR} / {@code NORTHSIDE_PSYCH}. A referrer's sender id
 * qualifies its own identifiers (so two senders' "REF-1" never collide) and names its partner entry; the clinic's
 * is what our acknowledgements and notices are sent as. Blank parts are empty strings, never null.
 */
public record ApplicationId(String application, String facility) {

  public ApplicationId {
    application = application == null ? "" : application.trim();
    facility = facility == null ? "" : facility.trim();
  }

  /** Stable key, e.g. {@code NORTHSIDE_EHR^NORTHSIDE_PSYCH}: the sender of the partner directory and message store. */
  public String key() {
    return application + "^" + facility;
  }

  /** True when neither the application nor the facility is named. */
  public boolean isEmpty() {
    return application.isEmpty() && facility.isEmpty();
  }

  /** The facility, or the application when the sender named no facility: what qualifies its unqualified ids. */
  public String facilityOrApplication() {
    return facility.isEmpty() ? application : facility;
  }
}
