package org.referralbridge.store;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.AdditionalRequestHeadersInterceptor;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.time.Duration;
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

  @Override
  public String describe() {
    return baseUrl;
  }
}
