package org.referralbridge.config;

import java.nio.file.Path;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded Artemis broker (the single-machine default): every journal directory under the data directory
 * (Boot moves only the message journal), and the queue settings the pipeline relies on. An external broker needs
 * the same address settings in its broker.xml (see README).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.artemis.embedded.enabled", havingValue = "true", matchIfMissing = true)
class BrokerConfiguration {

  @Bean
  ArtemisConfigurationCustomizer referralBrokerSettings(@Value("${bridge.data-directory}") Path dataDirectory,
      @Value("${bridge.queues.inbound}") String inbound, @Value("${bridge.queues.dead-letter}") String deadLetter,
      @Value("${bridge.outbound.queue}") String outbound,
      @Value("${bridge.outbound.dead-letter-queue}") String outboundDeadLetter,
      @Value("${bridge.broker.tcp-port:-1}") int tcpPort) {
    return configuration -> {
      Path artemis = dataDirectory.resolve("artemis");
      configuration.setBindingsDirectory(artemis.resolve("bindings").toString());
      configuration.setPagingDirectory(artemis.resolve("paging").toString());
      configuration.setLargeMessagesDirectory(artemis.resolve("large-messages").toString());
      configuration.setJournalDirectory(artemis.resolve("journal").toString());
      configuration.setNodeManagerLockDirectory(artemis.toString());
      // a message the service could not process (it rolled back, e.g. it crashed or its dead-letter step failed)
      // is redelivered after a delay; after 10 deliveries the broker moves it to the dead-letter queue itself
      configuration.addAddressSetting(inbound, new AddressSettings()
          .setDeadLetterAddress(org.apache.activemq.artemis.api.core.SimpleString.of(deadLetter))
          .setMaxDeliveryAttempts(10)
          .setRedeliveryDelay(1000)
          .setRedeliveryMultiplier(2)
          .setMaxRedeliveryDelay(60000));
      // outbound retries are scheduled by the delivery route itself; rollbacks (infrastructure faults) still get
      // a delay and, in the end, the outbound dead-letter queue rather than being dropped
      configuration.addAddressSetting(outbound, new AddressSettings()
          .setDeadLetterAddress(org.apache.activemq.artemis.api.core.SimpleString.of(outboundDeadLetter))
          .setMaxDeliveryAttempts(10)
          .setRedeliveryDelay(1000)
          .setRedeliveryMultiplier(2)
          .setMaxRedeliveryDelay(60000));
      if (tcpPort > 0) {
        // optional TCP acceptor on loopback, e.g. for tests that reach the broker through a fault-injecting proxy
        try {
          configuration.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + tcpPort);
        } catch (Exception e) {
          throw new IllegalStateException("invalid broker acceptor port " + tcpPort, e);
        }
      }
    };
  }
}
