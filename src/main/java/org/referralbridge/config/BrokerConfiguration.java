package org.referralbridge.config;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's queues and their settings ({@link QueueSettings}); for the embedded broker (the single-machine
 * default) they are applied at start, with every journal directory under the data directory (Boot moves only the
 * message journal). An external broker gets them from {@link ExternalBrokerSetup}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BrokerProperties.class)
class BrokerConfiguration {

  @Bean
  QueueSettings queueSettings(BrokerProperties broker, @Value("${bridge.queues.inbound}") String inbound,
      @Value("${bridge.queues.dead-letter}") String deadLetter, @Value("${bridge.outbound.queue}") String outbound,
      @Value("${bridge.outbound.dead-letter-queue}") String outboundDeadLetter) {
    return new QueueSettings(broker, inbound, deadLetter, outbound, outboundDeadLetter);
  }

  @Bean
  @ConditionalOnProperty(name = "spring.artemis.embedded.enabled", havingValue = "true", matchIfMissing = true)
  ArtemisConfigurationCustomizer embeddedBrokerSettings(@Value("${bridge.data-directory}") Path dataDirectory,
      QueueSettings queues, BrokerProperties broker) {
    return configuration -> {
      Path artemis = dataDirectory.resolve("artemis");
      configuration.setBindingsDirectory(artemis.resolve("bindings").toString());
      configuration.setPagingDirectory(artemis.resolve("paging").toString());
      configuration.setLargeMessagesDirectory(artemis.resolve("large-messages").toString());
      configuration.setJournalDirectory(artemis.resolve("journal").toString());
      configuration.setNodeManagerLockDirectory(artemis.toString());
      // what the AA and the pipeline's JMS commits rely on, stated rather than left to the defaults: a transaction's
      // commit (and a durable send outside one) returns once the journal is synced to disk (fdatasync; NIO journal)
      configuration.setJournalSyncTransactional(true);
      configuration.setJournalSyncNonTransactional(true);
      configuration.setJournalDatasync(true);
      configuration.setGlobalMaxSize(broker.embeddedMemory().toBytes());
      queues.addressSettings().forEach(configuration::addAddressSetting);
      queues.queues().forEach(configuration::addQueueConfiguration);
      if (broker.tcpPort() > 0) {
        // optional TCP acceptor on loopback, e.g. for tests that reach the broker through a fault-injecting proxy
        try {
          configuration.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + broker.tcpPort());
        } catch (Exception e) {
          throw new IllegalStateException("invalid broker acceptor port " + broker.tcpPort(), e);
        }
      }
    };
  }

  @Bean
  @ConditionalOnProperty(name = "spring.artemis.embedded.enabled", havingValue = "false")
  ExternalBrokerSetup externalBrokerSetup(jakarta.jms.ConnectionFactory connectionFactory, QueueSettings queues,
      BrokerProperties broker) {
    return new ExternalBrokerSetup(connectionFactory, queues, broker.configureExternal());
  }
}
