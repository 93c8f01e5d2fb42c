package org.referralbridge.translate;

/**
 * The sending system of a message (MSH-3 application, MSH-4 facility namespace ids): what qualifies the sender's
 * own identifiers, such as its referral ids, so that two senders' "REF-1" never collide.
 */
public record Sender(String application, String facility) {

  public Sender {
    application = application == null ? "" : application.trim();
    facility = facility == null ? "" : facility.trim();
  }

  /** Stable key, e.g. {@code NORTHSIDE_EHR^NORTHSIDE_PSYCH}. */
  public String key() {
    return application + "^" + facility;
  }

  /** URL path segment form, e.g. {@code NORTHSIDE_EHR/NORTHSIDE_PSYCH}. */
  String path() {
    return IdentifierSystems.slug(application) + "/" + IdentifierSystems.slug(facility);
  }
}
