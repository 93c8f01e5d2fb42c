package org.referralbridge.infusion;

/**
 * A dose or weight that cannot be recorded as entered (zero, negative, out of range, or far above any usual dose).
 * The message is a plain sentence for the person entering it, without patient details.
 */
public final class InvalidDoseException extends RuntimeException {

  public InvalidDoseException(String message) {
    super(message);
  }
}
