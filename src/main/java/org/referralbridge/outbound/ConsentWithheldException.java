package org.referralbridge.outbound;

/** The patient's consent on file does not allow sharing this summary with the referring provider. */
public class ConsentWithheldException extends RuntimeException {

  public ConsentWithheldException(String consentId) {
    super("Not sent: the patient's consent on file (Consent/" + consentId
        + ") does not allow sharing with this provider.");
  }
}
