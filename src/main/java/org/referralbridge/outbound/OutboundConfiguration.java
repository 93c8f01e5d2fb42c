package org.referralbridge.outbound;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.referralbridge.config.PeriodicTask;
import org.referralbridge.hl7.Acknowledgements;
import org.referralbridge.operations.BridgeMetrics;
import org.referralbridge.operations.BrokerQueues;
import org.referralbridge.outbound.hl7.StatusNotices;
import org.referralbridge.partner.PartnerDirectory;
import org.referralbridge.store.FhirStore;
import org.referralbridge.translate.TranslateProperties;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboundProperties.class)
class OutboundConfiguration {

  @Bean
  OutboundStore outboundStore(DataSource dataSource) {
    return new OutboundStore(JdbcClient.create(dataSource));
  }

  @Bean
  OutboundQueue outboundQueue(OutboundStore outboundStore, ProducerTemplate producerTemplate,
      BrokerQueues brokerQueues, OutboundProperties properties, BridgeMetrics bridgeMetrics) {
    ExecutorService afterCommit = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "outbound-after-commit");
      thread.setDaemon(true);
      return thread;
    });
    return new OutboundQueue(outboundStore, producerTemplate, brokerQueues, properties.deadLetterQueue(),
        bridgeMetrics, afterCommit);
  }

  @Bean
  OutboxRelay outboxRelay(OutboundStore outboundStore, OutboundQueue outboundQueue, OutboundProperties properties) {
    OutboundProperties.Relay relay = properties.relay();
    return new OutboxRelay(outboundStore, outboundQueue, relay.interval(), relay.grace(), relay.batchSize(),
        Clock.systemUTC());
  }

  /** The relay's runs: the first one interval after start. */
  @Bean
  PeriodicTask outboxRelayTask(OutboxRelay outboxRelay, OutboundProperties properties) {
    Duration interval = properties.relay().interval();
    return new PeriodicTask("outbox-relay", interval, interval, outboxRelay::runOnce);
  }

  @Bean
  OutboundSteps outboundSteps(OutboundStore outboundStore, OutboundProperties properties,
      BridgeMetrics bridgeMetrics) {
    return new OutboundSteps(outboundStore, properties, bridgeMetrics);
  }

  /** Who a referral came from and how to answer it, read from the FHIR store; shared by status and summaries. */
  @Bean
  ReferralContext referralContext(FhirStore fhirStore, TranslateProperties translate) {
    return new ReferralContext(fhirStore, translate.identifierBase().toString());
  }

  /** The v2 header, patient and referral ids of every message back to an HL7 v2 referrer. */
  @Bean
  StatusNotices statusNotices(TranslateProperties translate, Acknowledgements acknowledgements) {
    return new StatusNotices(translate.identifierBase().toString(),
        acknowledgements.clinic(), translate.defaultTimeZone());
  }

  @Bean
  StatusNotifications statusNotifications(PartnerDirectory partnerDirectory, OutboundQueue outboundQueue,
      StatusNotices statusNotices, ReferralContext referralContext, FhirContext fhirContext) {
    return new StatusNotifications(partnerDirectory, outboundQueue, statusNotices, referralContext, fhirContext,
        Clock.systemUTC());
  }

  @Bean
  SessionRecords sessionRecords(DataSource dataSource, ObjectMapper objectMapper) {
    return new SessionRecords(JdbcClient.create(dataSource), objectMapper);
  }

  @Bean
  SummaryNotifications summaryNotifications(FhirStore fhirStore, PartnerDirectory partnerDirectory,
      OutboundQueue outboundQueue, StatusNotices statusNotices, ReferralContext referralContext,
      SessionRecords sessionRecords, FhirContext fhirContext, TranslateProperties translate) {
    return new SummaryNotifications(fhirStore, partnerDirectory, outboundQueue, statusNotices, referralContext,
        sessionRecords, fhirContext, translate.defaultTimeZone(), Clock.systemUTC());
  }

  @Bean
  FhirPartnerDelivery fhirPartnerDelivery(OutboundProperties properties) {
    return new FhirPartnerDelivery(java.time.Duration.ofMillis(properties.ackTimeoutMillis()));
  }
}
