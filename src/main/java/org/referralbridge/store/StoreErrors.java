package org.referralbridge.store;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;

/** Sorts the FHIR store's errors into permanent refusals and transient faults. */
final class StoreErrors {

  private StoreErrors() {}

  static RuntimeException classify(BaseServerResponseException e) {
    int status = e.getStatusCode();
    boolean permanent = status == 400 || status == 404 || status == 405 || status == 410 || status == 422;
    if (permanent) {
      return new StoreRejectedException(status, e.getClass().getSimpleName(), e);
    }
    return e;
  }
}
