package org.referralbridge.store;

import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.interceptor.UserRequestRetryVersionConflictsInterceptor;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;

/**
 * The embedded HAPI FHIR JPA server, called in-process: no HTTP round trip, no dependence on the web server having
 * started, and the same transaction semantics as {@code POST /fhir}.
 */
public final class EmbeddedFhirStore implements FhirStore {

  /** Retries inside the store when a concurrent request created the same conditional resource first. */
  private static final int CONFLICT_RETRIES = 5;

  private final IFhirSystemDao<Bundle, Meta> systemDao;

  public EmbeddedFhirStore(IFhirSystemDao<Bundle, Meta> systemDao) {
    this.systemDao = systemDao;
  }

  @Override
  public Bundle transaction(Bundle transaction) {
    try {
      SystemRequestDetails request = new SystemRequestDetails();
      UserRequestRetryVersionConflictsInterceptor.addRetryHeader(request, CONFLICT_RETRIES);
      return systemDao.transaction(request, transaction);
    } catch (BaseServerResponseException e) {
      throw StoreErrors.classify(e);
    }
  }

  @Override
  public String describe() {
    return "embedded";
  }
}
