package org.referralbridge.messages;

import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.referralbridge.config.PeriodicTask;
import org.referralbridge.operations.BridgeMetrics;
import org.referralbridge.operations.BrokerQueues;
import org.referralbridge.outbound.OutboundQueue;
import org.referralbridge.outbound.OutboundStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessagesProperties.class)
class MessagesConfiguration {

  /** Picked up by Spring Boot's Flyway set-up, beside the SQL migrations in db/migration. */
  @Bean
  static FingerprintBackfill fingerprintBackfill() {
    return new FingerprintBackfill();
  }

  @Bean
  MessageStore messageStore(DataSource dataSource) {
    return new MessageStore(JdbcClient.create(dataSource));
  }

  @Bean
  MessageReplay messageReplay(MessageStore messageStore, ProducerTemplate producerTemplate,
      BrokerQueues brokerQueues, @Value("${bridge.queues.dead-letter}") String deadLetterQueue,
      OutboundStore outboundStore, OutboundQueue outboundQueue, BridgeMetrics bridgeMetrics,
      MessagesProperties properties) {
    return new MessageReplay(messageStore, producerTemplate, brokerQueues, deadLetterQueue, outboundStore,
        outboundQueue, bridgeMetrics, properties.replayStuckAfter(), properties.maxBulkReplay(), Clock.systemUTC());
  }

  @Bean
  MessageRetention messageRetention(DataSource dataSource, MessagesProperties properties) {
    return new MessageRetention(JdbcClient.create(dataSource), properties.retention().content(),
        properties.retention().rows(), Clock.systemUTC());
  }

  @Bean
  @ConditionalOnProperty(name = "bridge.messages.retention.enabled", havingValue = "true", matchIfMissing = true)
  RetentionSchedule retentionSchedule(MessageRetention messageRetention, MessagesProperties properties) {
    return new RetentionSchedule(messageRetention, properties.retention().interval());
  }

  @Bean
  @ConditionalOnProperty(name = "bridge.messages.retention.enabled", havingValue = "true", matchIfMissing = true)
  PeriodicTask retentionTask(RetentionSchedule retentionSchedule) {
    return new PeriodicTask("message-retention", retentionSchedule.firstDelay(), retentionSchedule.interval(),
        retentionSchedule::runOnce);
  }
}
