package org.referralbridge.store;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.interceptor.UserRequestRetryVersionConflictsInterceptor;
import ca.uhn.fhir.jpa.searchparam.MatchUrlService;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded HAPI FHIR JPA server, called in-process: no HTTP round trip, no dependence on the web server having
 * started, and the same semantics as its REST API. It shares the service's database, so a FHIR transaction and
 * the service's own rows (the outbound message reporting a status change) can commit together.
 */
public final class EmbeddedFhirStore implements FhirStore {

  /** Retries inside the store when a concurrent request created the same conditional resource first. */
  private static final int CONFLICT_RETRIES = 5;

  private final IFhirSystemDao<Bundle, Meta> systemDao;
  private final DaoRegistry daoRegistry;
  private final MatchUrlService matchUrlService;
  private final TransactionTemplate transactions;

  /**
   * @param transactionManager HAPI's JPA transaction manager: it exposes its JDBC connection to Spring's
   *     {@code DataSourceUtils}, so JDBC code on the same DataSource (JdbcClient) joins its transactions
   */
  public EmbeddedFhirStore(IFhirSystemDao<Bundle, Meta> systemDao, DaoRegistry daoRegistry,
      MatchUrlService matchUrlService, PlatformTransactionManager transactionManager) {
    this.systemDao = systemDao;
    this.daoRegistry = daoRegistry;
    this.matchUrlService = matchUrlService;
    this.transactions = new TransactionTemplate(transactionManager);
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

  /**
   * One database transaction around the FHIR transaction and the callback; JDBC code on the same DataSource joins
   * it. HAPI refuses {@code transaction} inside an open database transaction (8.8: "Transaction must not be
   * active"); {@code transactionNested} is its form for that, and it has no retry of version conflicts (a failed
   * attempt would have doomed the outer transaction anyway): a conflict is reported to the caller, as a 412 would
   * be over HTTP.
   */
  @Override
  public Bundle transaction(Bundle transaction, Runnable inSameTransaction) {
    return transactions.execute(status -> {
      Bundle response;
      try {
        response = systemDao.transactionNested(new SystemRequestDetails(), transaction);
      } catch (BaseServerResponseException e) {
        throw StoreErrors.classify(e);
      }
      inSameTransaction.run();
      return response;
    });
  }

  @Override
  public List<IBaseResource> search(String searchUrl, int limit) {
    MatchUrlService.ResourceTypeAndSearchParameterMap parsed = matchUrlService.parseAndTranslateMatchUrl(searchUrl);
    SearchParameterMap map = parsed.searchParameterMap();
    map.setLoadSynchronousUpTo(limit);
    // a synchronous search: computed now, never served from HAPI's search cache
    SystemRequestDetails request = new SystemRequestDetails();
    IBundleProvider results = daoRegistry.getResourceDao(parsed.resourceDefinition().getName()).search(map, request);
    return results.getResources(0, limit);
  }

  @Override
  public <T extends IBaseResource> Optional<T> read(Class<T> type, String id) {
    IFhirResourceDao<T> dao = daoRegistry.getResourceDao(type);
    try {
      return Optional.of(dao.read(new IdType(daoRegistry.getFhirContext().getResourceType(type), id),
          new SystemRequestDetails()));
    } catch (ResourceNotFoundException | ResourceGoneException e) {
      return Optional.empty();
    }
  }

  @Override
  public String describe() {
    return "embedded";
  }
}
