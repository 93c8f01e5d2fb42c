package org.referralbridge.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/** Reads the FHIR store the way a user does: over its REST API on 127.0.0.1, never from a cache. */
public final class FhirStoreQueries {

  /** The default admin account of application.yaml (tests run with the shipped defaults). */
  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "change-me-admin";
  /** The admin account as an HTTP Authorization header value (Basic). */
  public static final String ADMIN_AUTHORIZATION = "Basic " + Base64.getEncoder().encodeToString(
      (ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
  public static final String IDENTIFIER_BASE = "http://referralbridge.org/fhir/sid";

  private final IGenericClient client;

  public FhirStoreQueries(int httpPort) {
    FhirContext context = FhirContext.forR4Cached();
    context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    client = context.newRestfulGenericClient("http://127.0.0.1:" + httpPort + "/fhir");
    client.registerInterceptor(new BasicAuthInterceptor(ADMIN, ADMIN_PASSWORD));
  }

  public int count(Class<? extends Resource> type) {
    return client.search().forResource(type).summaryMode(ca.uhn.fhir.rest.api.SummaryEnum.COUNT)
        .cacheControl(new CacheControlDirective().setNoCache(true)).returnBundle(Bundle.class).execute().getTotal();
  }

  public int count(Class<? extends Resource> type, String identifierSystem, String identifierValue) {
    return search(type, identifierSystem, identifierValue).getTotal();
  }

  public Bundle search(Class<? extends Resource> type, String identifierSystem, String identifierValue) {
    return client.search().forResource(type)
        .where(ServiceRequest.IDENTIFIER.exactly().systemAndCode(identifierSystem, identifierValue))
        .cacheControl(new CacheControlDirective().setNoCache(true)).returnBundle(Bundle.class).execute();
  }

  /** The referral-id system of a sender, as the translator mints it. */
  public static String referralSystem(String application, String facility) {
    return IDENTIFIER_BASE + "/sender/" + application + "/" + facility + "/referral-id";
  }

  public IGenericClient client() {
    return client;
  }
}
