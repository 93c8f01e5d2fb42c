package org.referralbridge.partner;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.hl7.fhir.r4.model.Bundle;
import org.referralbridge.store.FhirStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PartnerProperties.class)
class PartnerConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PartnerConfiguration.class);

  /** The directory, with the seed partners loaded first (before intake starts accepting messages). */
  @Bean
  PartnerDirectory partnerDirectory(FhirStore fhirStore, FhirContext fhirContext, PartnerProperties properties) {
    if (properties.seed() != null && properties.seed().exists()) {
      try (InputStream in = properties.seed().getInputStream()) {
        Bundle seed = fhirContext.newJsonParser().parseResource(Bundle.class, in);
        fhirStore.transaction(seed);
        log.info("Partner directory seeded from {} ({} resources, existing ones kept)", properties.seed(),
            seed.getEntry().size());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read partner seed " + properties.seed(), e);
      }
    }
    return new PartnerDirectory(fhirStore, properties.cacheTtl(), Clock.systemUTC());
  }

  @Bean
  QuarantineStore quarantineStore(DataSource dataSource) {
    return new QuarantineStore(JdbcClient.create(dataSource));
  }

  @Bean
  QuarantineSteps quarantine(QuarantineStore quarantineStore) {
    return new QuarantineSteps(quarantineStore);
  }

  @Bean
  PartnerAdmin partnerAdmin(FhirStore fhirStore, PartnerDirectory partnerDirectory, QuarantineStore quarantineStore,
      ProducerTemplate producerTemplate) {
    return new PartnerAdmin(fhirStore, partnerDirectory, quarantineStore, producerTemplate);
  }

  @Bean
  SenderPolicy senderPolicy(PartnerDirectory partnerDirectory, PartnerProperties properties) {
    return new SenderPolicy(partnerDirectory, properties.unknownSenders());
  }
}
