package org.referralbridge.store;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
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

  /**
   * Executes the transaction and then {@code inSameTransaction} (e.g. recording the outbound message that reports
   * the change). The embedded store runs both in one database transaction: the callback sees the change, and if
   * either fails neither is committed. An external store cannot: the callback runs after the FHIR transaction
   * succeeded, so a crash or a failure of the callback leaves the change without what the callback does.
   */
  Bundle transaction(Bundle transaction, Runnable inSameTransaction);

  /**
   * The resources matching a search URL relative to the base, e.g. {@code Task?owner=Organization/1&_count=50},
   * at most {@code limit} of them. Reads bypass any search cache.
   */
  List<IBaseResource> search(String searchUrl, int limit);

  /** One resource by type and logical id, if it exists (and was not deleted). */
  <T extends IBaseResource> Optional<T> read(Class<T> type, String id);

  /** Where the store is, for logs and health ("embedded" or the base URL). */
  String describe();
}
