package org.referralbridge.store;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.AdditionalRequestHeadersInterceptor;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/** An external FHIR R4 server, reached over HTTP(S) with HAPI's client. */
public final class RestFhirStore implements FhirStore {

  private final IGenericClient client;
  private final String baseUrl;

  public RestFhirStore(FhirContext context, String baseUrl, Duration connectTimeout, Duration readTimeout,
      String username, String password) {
    context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    context.getRestfulClientFactory().setConnectTimeout((int) connectTimeout.toMillis());
    context.getRestfulClientFactory().setSocketTimeout((int) readTimeout.toMillis());
    this.client = context.newRestfulGenericClient(baseUrl);
    // a HAPI server retries a concurrent conditional create instead of failing it (other servers ignore this)
    AdditionalRequestHeadersInterceptor headers = new AdditionalRequestHeadersInterceptor();
    headers.addHeaderValue("X-Retry-On-Version-Conflict", "retry; max-retries=5");
    client.registerInterceptor(headers);
    if (username != null && !username.isBlank()) {
      client.registerInterceptor(new BasicAuthInterceptor(username, password == null ? "" : password));
    }
    this.baseUrl = baseUrl;
  }

  @Override
  public Bundle transaction(Bundle transaction) {
    try {
      return client.transaction().withBundle(transaction).execute();
    } catch (BaseServerResponseException e) {
      throw StoreErrors.classify(e);
    }
  }

  /** Not atomic over HTTP: the callback runs once the server committed the transaction (see README, Limits). */
  @Override
  public Bundle transaction(Bundle transaction, Runnable inSameTransaction) {
    Bundle response = transaction(transaction);
    inSameTransaction.run();
    return response;
  }

  @Override
  public List<IBaseResource> search(String searchUrl, int limit) {
    try {
      List<IBaseResource> found = new ArrayList<>();
      Bundle page = client.search().byUrl(searchUrl).count(Math.min(limit, 200))
          .cacheControl(new CacheControlDirective().setNoCache(true)).returnBundle(Bundle.class).execute();
      while (page != null) {
        for (Bundle.BundleEntryComponent entry : page.getEntry()) {
          if (found.size() < limit && (!entry.hasSearch()
              || entry.getSearch().getMode() != Bundle.SearchEntryMode.INCLUDE)) {
            found.add(entry.getResource());
          }
        }
        page = found.size() < limit && page.getLink(Bundle.LINK_NEXT) != null
            ? client.loadPage().next(page).execute() : null;
      }
      return found;
    } catch (BaseServerResponseException e) {
      throw StoreErrors.classify(e);
    }
  }

  @Override
  public <T extends IBaseResource> Optional<T> read(Class<T> type, String id) {
    try {
      return Optional.of(client.read().resource(type).withId(id).execute());
    } catch (ResourceNotFoundException | ResourceGoneException e) {
      return Optional.empty();
    } catch (BaseServerResponseException e) {
      throw StoreErrors.classify(e);
    }
  }

  @Override
  public String describe() {
    return baseUrl;
  }
}
