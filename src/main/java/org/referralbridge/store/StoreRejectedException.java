package org.referralbridge.store;

/** The FHIR store refused a Bundle as invalid (HTTP 400/404/422): permanent, needs a person's attention. */
public class StoreRejectedException extends RuntimeException {

  private final int status;

  public StoreRejectedException(int status, String message, Throwable cause) {
    super("FHIR store refused the transaction (HTTP " + status + "): " + message, cause);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
