package org.referralbridge.translate;

import java.time.ZoneId;

/**
 * What a translator needs to know about this installation.
 *
 * @param identifierBase base URL of the identifier systems this service mints (sender-qualified ids)
 * @param clinic the receiving clinic (owner of every referral Task)
 * @param defaultZone time zone for v2 times that carry no offset (FHIR requires one whenever a time is given)
 */
public record TranslationSettings(String identifierBase, Clinic clinic, ZoneId defaultZone) {

  /** The clinic's Organization as it appears in every referral Bundle. */
  public record Clinic(String name, String identifierSystem, String identifierValue) {}
}
