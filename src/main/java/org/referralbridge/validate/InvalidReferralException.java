package org.referralbridge.validate;

import org.hl7.fhir.r4.model.OperationOutcome;

/** A referral Bundle that does not conform to the project's profiles: permanent, needs a person's attention. */
public class InvalidReferralException extends RuntimeException {

  private final transient OperationOutcome outcome;

  public InvalidReferralException(OperationOutcome outcome, int errors) {
    super("referral does not conform to the profiles: " + errors + " error(s)");
    this.outcome = outcome;
  }

  /** The validator's issues (may quote element values: keep out of logs). */
  public OperationOutcome outcome() {
    return outcome;
  }
}
