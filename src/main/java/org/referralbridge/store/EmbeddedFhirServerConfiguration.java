package org.referralbridge.store;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.interceptor.UserRequestRetryVersionConflictsInterceptor;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.orm.jpa.JpaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * The embedded HAPI FHIR JPA server (R4): the clinic's FHIR store by default, on the service's database, served
 * at {@code /fhir}. Off with {@code bridge.fhir-server.enabled=false} (then set bridge.fhir-store.base-url).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bridge.fhir-server.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(JpaProperties.class)
@Import({JpaR4Config.class, HapiJpaConfig.class, JpaBatch2Config.class, Batch2JobsConfig.class,
    ThreadPoolFactoryConfig.class, SubscriptionChannelConfig.class})
class EmbeddedFhirServerConfiguration {

  @Bean
  JpaStorageSettings jpaStorageSettings() {
    JpaStorageSettings settings = new JpaStorageSettings();
    // references between resources of one transaction are resolved; references to unknown resources refused
    settings.setAllowExternalReferences(false);
    settings.setAutoCreatePlaceholderReferenceTargets(false);
    // referrals are matched by identifier: conditional creates must be safe under concurrency
    settings.setMatchUrlCacheEnabled(false);
    settings.setIndexMissingFields(JpaStorageSettings.IndexEnabledEnum.DISABLED);
    settings.setAllowMultipleDelete(false);
    settings.setExpungeEnabled(false);
    // staff and tests read right after writes: do not serve cached search results
    settings.setReuseCachedSearchResultsForMillis(null);
    return settings;
  }

  @Bean
  LocalContainerEntityManagerFactoryBean entityManagerFactory(ConfigurableListableBeanFactory beanFactory,
      FhirContext fhirContext, JpaStorageSettings storageSettings, DataSource dataSource, JpaProperties jpa) {
    LocalContainerEntityManagerFactoryBean factory =
        HapiEntityManagerFactoryUtil.newEntityManagerFactory(beanFactory, fhirContext, storageSettings);
    factory.setPersistenceUnitName("HAPI_PU");
    factory.setDataSource(dataSource);
    factory.getJpaPropertyMap().putAll(jpa.getProperties());
    // H2 or PostgreSQL, from the datasource URL, unless configured explicitly
    factory.getJpaPropertyMap().computeIfAbsent("hibernate.dialect",
        key -> HapiDialects.forJdbcUrl(jdbcUrl(dataSource)));
    return factory;
  }

  private static String jdbcUrl(DataSource dataSource) {
    if (dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari) {
      return hikari.getJdbcUrl();
    }
    try (java.sql.Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getURL();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot tell the database's kind from its connection", e);
    }
  }

  @Bean
  @Primary
  JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
    return new JpaTransactionManager(entityManagerFactory);
  }

  /** Required by HAPI's entity manager factory; partitioning stays off. */
  @Bean
  PartitionSettings partitionSettings() {
    return new PartitionSettings();
  }

  /**
   * Concurrent conditional creates of one identifier (two copies of a referral, two referrals of one patient) are
   * refused by HAPI's HFJ_RES_SEARCH_URL constraint; with this interceptor, requests that ask for it are retried
   * inside the store and then find the resource the other request created.
   */
  @Bean
  UserRequestRetryVersionConflictsInterceptor retryVersionConflicts(IInterceptorService jpaInterceptorService) {
    UserRequestRetryVersionConflictsInterceptor interceptor = new UserRequestRetryVersionConflictsInterceptor();
    jpaInterceptorService.registerInterceptor(interceptor);
    return interceptor;
  }

  /**
   * HAPI's RESTful server for {@code /fhir}, held by a bean that is not itself a servlet: Spring Boot registers
   * servlet beans while it creates the web server, which would build HAPI's bean graph then (see
   * {@link DeferredServlet}).
   */
  @Bean
  FhirRestEndpoint fhirRestEndpoint(FhirContext fhirContext,
      @Qualifier("myResourceProvidersR4") ResourceProviderFactory resourceProviders,
      JpaSystemProvider<Bundle, Meta> systemProvider, IFhirSystemDao<Bundle, Meta> systemDao,
      DatabaseBackedPagingProvider pagingProvider, JpaStorageSettings storageSettings,
      ISearchParamRegistry searchParamRegistry, IValidationSupport validationSupport) {
    RestfulServer server = new RestfulServer(fhirContext);
    server.registerProviders(resourceProviders.createProviders());
    server.registerProvider(systemProvider);
    pagingProvider.setDefaultPageSize(20);
    pagingProvider.setMaximumPageSize(200);
    server.setPagingProvider(pagingProvider);
    server.setDefaultResponseEncoding(EncodingEnum.JSON);
    server.setDefaultPrettyPrint(true);
    JpaCapabilityStatementProvider capabilities = new JpaCapabilityStatementProvider(server, systemDao,
        storageSettings, searchParamRegistry, validationSupport);
    capabilities.setImplementationDescription("ReferralBridge clinic FHIR store");
    server.setServerConformanceProvider(capabilities);
    return new FhirRestEndpoint(server);
  }

  @Bean
  ServletRegistrationBean<DeferredServlet> fhirServlet(ObjectProvider<FhirRestEndpoint> endpoint) {
    ServletRegistrationBean<DeferredServlet> registration =
        new ServletRegistrationBean<>(new DeferredServlet(() -> endpoint.getObject().server()), "/fhir/*");
    registration.setName("fhirServlet");
    registration.setLoadOnStartup(1);
    return registration;
  }

  /** The RESTful server that {@code /fhir} delegates to. */
  record FhirRestEndpoint(RestfulServer server) {}
}
