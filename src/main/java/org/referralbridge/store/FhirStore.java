package org.referralbridge.store;

import org.hl7.fhir.r4.model.Bundle;

/**
 * The clinic's FHIR store, as the pipeline sees it: executes a transaction Bundle atomically. Either the embedded
 * HAPI FHIR JPA server, called in-process, or an external FHIR R4 server over HTTP.
 *
 * <p>Errors: {@link StoreRejectedException} when the store refuses the Bundle itself (4xx other than conflicts and
 * throttling; retrying cannot help); anything else (unreachable, 5xx, 409/412 conflicts of concurrent writes) is
 * transient and left to the error handler's redelivery.
 */
public interface FhirStore {

  /** Executes the transaction; returns the transaction-response Bundle. */
  Bundle transaction(Bundle transaction);

  /** Where the store is, for logs and health ("embedded" or the base URL). */
  String describe();
}
