package org.referralbridge.store;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.MatchUrlService;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Chooses the FHIR store: an external server when a base URL is set, else the embedded JPA server in-process. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FhirStoreProperties.class)
class FhirStoreConfiguration {

  private static final Logger log = LoggerFactory.getLogger(FhirStoreConfiguration.class);

  @Bean
  FhirStore fhirStore(FhirStoreProperties properties, FhirContext fhirContext,
      ObjectProvider<IFhirSystemDao<Bundle, Meta>> embeddedSystemDao, ObjectProvider<DaoRegistry> daoRegistry,
      ObjectProvider<MatchUrlService> matchUrlService, ObjectProvider<PlatformTransactionManager> transactionManager) {
    FhirStore store;
    if (properties.external()) {
      store = new RestFhirStore(fhirContext, properties.baseUrl().toString(), properties.connectTimeout(),
          properties.readTimeout(), properties.username(), properties.password());
    } else {
      IFhirSystemDao<Bundle, Meta> dao = embeddedSystemDao.getIfAvailable();
      if (dao == null) {
        throw new IllegalStateException(
            "No FHIR store: set bridge.fhir-store.base-url, or bridge.fhir-server.enabled=true for the embedded one");
      }
      store = new EmbeddedFhirStore(dao, daoRegistry.getObject(), matchUrlService.getObject(),
          transactionManager.getObject());
    }
    log.info("FHIR store: {}", store.describe());
    return store;
  }

  /** Health "fhirStore" (part of readiness): an external store's /metadata answers; the embedded one is in-process. */
  @Bean
  HealthIndicator fhirStoreHealthIndicator(FhirStoreProperties properties) {
    return properties.external()
        ? new FhirStoreHealth(properties.baseUrl(), properties.healthTimeout(), properties.username(),
            properties.password())
        : FhirStoreHealth.embedded();
  }

  /** Without the embedded server there is no HAPI FhirContext bean: the pipeline needs one of its own. */
  @Bean
  @ConditionalOnProperty(name = "bridge.fhir-server.enabled", havingValue = "false")
  FhirContext fhirContext() {
    return FhirContext.forR4Cached();
  }
}
