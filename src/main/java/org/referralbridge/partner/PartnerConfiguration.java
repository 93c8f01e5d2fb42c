package org.referralbridge.partner;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.referralbridge.config.PeriodicTask;
import org.referralbridge.operations.BridgeMetrics;
import org.referralbridge.store.FhirStore;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PartnerProperties.class)
class PartnerConfiguration {

  @Bean
  PartnerDirectory partnerDirectory(FhirStore fhirStore, PartnerProperties properties) {
    return new PartnerDirectory(fhirStore, Clock.systemUTC());
  }

  /** Reads the partner directory again on a thread of its own, never on intake's. */
  @Bean
  PeriodicTask partnerDirectoryRefresh(PartnerDirectory partnerDirectory, PartnerProperties properties) {
    return new PeriodicTask("partner-directory-refresh", properties.cacheTtl(), properties.cacheTtl(),
        partnerDirectory::refreshQuietly);
  }

  /**
   * Health "partnerDirectory" (part of the "intake" group): UP once intake has a snapshot of the directory to look
   * senders up in, whether or not the store can be read now.
   */
  @Bean
  HealthIndicator partnerDirectoryHealthIndicator(PartnerDirectory partnerDirectory) {
    return () -> {
      Instant readAt = partnerDirectory.snapshotReadAt();
      return readAt == null ? Health.down().withDetail("snapshot", "not read yet").build()
          : Health.up().withDetail("readAt", readAt.toString()).withDetail("senders", partnerDirectory.senders())
              .build();
    };
  }

  @Bean
  PartnerSeed partnerSeed(FhirStore fhirStore, FhirContext fhirContext, PartnerDirectory partnerDirectory,
      PartnerProperties properties) {
    return new PartnerSeed(fhirStore, fhirContext, partnerDirectory, properties.seed());
  }

  @Bean
  QuarantineStore quarantineStore(DataSource dataSource) {
    return new QuarantineStore(JdbcClient.create(dataSource));
  }

  @Bean
  QuarantineSteps quarantine(QuarantineStore quarantineStore, BridgeMetrics bridgeMetrics) {
    return new QuarantineSteps(quarantineStore, bridgeMetrics);
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
