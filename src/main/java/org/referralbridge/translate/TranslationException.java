package org.referralbridge.translate;

/**
 * A message that parsed but cannot be turned into FHIR (e.g. a malformed date in a field the referral needs).
 * Permanent: retrying will not help, the referral needs a person's attention. The message names the field
 * (e.g. "RF1-7"), never its content.
 */
public class TranslationException extends RuntimeException {

  private final String location;

  public TranslationException(String location, String problem, Throwable cause) {
    super(location + ": " + problem, cause);
    this.location = location;
  }

  public String location() {
    return location;
  }
}
