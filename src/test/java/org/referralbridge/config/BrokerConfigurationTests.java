package org.referralbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The embedded broker's settings as the service's configuration binds and applies them. */
class BrokerConfigurationTests {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(BrokerConfiguration.class)
      .withPropertyValues("bridge.data-directory=/var/lib/bridge", "bridge.queues.inbound=referrals.inbound",
          "bridge.queues.dead-letter=referrals.dead-letter", "bridge.outbound.queue=notifications.outbound",
          "bridge.outbound.dead-letter-queue=notifications.dead-letter");

  @Test
  void keepsQueuedMessagesInAFixedShareOfTheHeapAndPagesTheRestToTheDataDirectory() {
    context.run(run -> {
      ConfigurationImpl broker = customised(run.getBean(ArtemisConfigurationCustomizer.class));
      assertThat(broker.getGlobalMaxSize()).isEqualTo(64L * 1024 * 1024);
      assertThat(Path.of(broker.getPagingDirectory())).isEqualTo(Path.of("/var/lib/bridge/artemis/paging"));
      assertThat(broker.isJournalSyncTransactional()).isTrue();
      assertThat(broker.isJournalSyncNonTransactional()).isTrue();
    });
  }

  @Test
  void theBrokersShareOfTheHeapIsASetting() {
    context.withPropertyValues("bridge.broker.embedded-memory=16MB").run(run -> {
      ConfigurationImpl broker = customised(run.getBean(ArtemisConfigurationCustomizer.class));
      assertThat(broker.getGlobalMaxSize()).isEqualTo(16L * 1024 * 1024);
    });
  }

  private static ConfigurationImpl customised(ArtemisConfigurationCustomizer customizer) {
    ConfigurationImpl configuration = new ConfigurationImpl();
    customizer.customize(configuration);
    return configuration;
  }
}
