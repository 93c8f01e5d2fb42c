package org.referralbridge.store;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where referrals are written.
 *
 * @param baseUrl an external FHIR R4 server's base URL; empty for the embedded JPA server, called in-process
 * @param connectTimeout connect timeout towards an external server
 * @param readTimeout read timeout towards an external server
 * @param username HTTP Basic user towards an external server (empty: none)
 * @param password HTTP Basic password towards an external server (from the environment)
 * @param healthTimeout how long the readiness check waits for an external server's /metadata
 */
@ConfigurationProperties("bridge.fhir-store")
public record FhirStoreProperties(URI baseUrl, @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("30s") Duration readTimeout, String username, String password,
    @DefaultValue("3s") Duration healthTimeout) {

  /** True when referrals go to an external server rather than the embedded one. */
  public boolean external() {
    return baseUrl != null && !baseUrl.toString().isBlank();
  }
}
