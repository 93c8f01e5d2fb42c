package org.referralbridge.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.Session;
import java.time.Duration;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real (in-VM, non-persistent) Artemis broker: what its management address answers. */
class BrokerManagementTests {

  private static EmbeddedActiveMQ server;
  private static ActiveMQConnectionFactory connectionFactory;

  @BeforeAll
  static void startBroker() throws Exception {
    server = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl().setPersistenceEnabled(false)
        .setSecurityEnabled(false).addAcceptorConfiguration("in-vm", "vm://7"));
    server.start();
    connectionFactory = new ActiveMQConnectionFactory("vm://7");
  }

  @AfterAll
  static void stopBroker() throws Exception {
    connectionFactory.close();
    server.stop();
  }

  @Test
  void createsAQueueAndReadsItsDepth() throws Exception {
    try (BrokerManagement broker = BrokerManagement.open(connectionFactory, Duration.ofSeconds(5))) {
      broker.invoke("broker", "createQueue",
          QueueConfiguration.of("depth.test").setRoutingType(RoutingType.ANYCAST).toJSON(), true);
      assertThat(broker.attribute("queue.depth.test", "messageCount")).isEqualTo(0L);
    }
    try (Connection connection = connectionFactory.createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
      var producer = session.createProducer(session.createQueue("depth.test"));
      producer.send(session.createTextMessage("one"));
      producer.send(session.createTextMessage("two"));
    }
    try (BrokerManagement broker = BrokerManagement.open(connectionFactory, Duration.ofSeconds(5))) {
      assertThat(((Number) broker.attribute("queue.depth.test", "messageCount")).longValue()).isEqualTo(2);
      // asked twice on one conversation: answers stay paired with their requests
      assertThat(((Number) broker.attribute("queue.depth.test", "messageCount")).longValue()).isEqualTo(2);
    }
  }

  @Test
  void aRequestTheBrokerRefusesSaysSoAndTheConversationGoesOn() throws Exception {
    try (BrokerManagement broker = BrokerManagement.open(connectionFactory, Duration.ofSeconds(5))) {
      assertThatThrownBy(() -> broker.attribute("queue.no.such.queue", "messageCount"))
          .isInstanceOf(BrokerManagement.Refused.class).hasMessageContaining("queue.no.such.queue.messageCount");
      assertThatThrownBy(() -> broker.invoke("broker", "noSuchOperation"))
          .isInstanceOf(BrokerManagement.Refused.class);
      assertThat(broker.attribute("broker", "version")).isNotNull();
    }
  }

  @Test
  void aBrokerThatIsNotThereFailsToOpen() {
    ActiveMQConnectionFactory nowhere = new ActiveMQConnectionFactory("vm://99");
    assertThatThrownBy(() -> BrokerManagement.open(nowhere, Duration.ofSeconds(1)))
        .isInstanceOf(jakarta.jms.JMSException.class);
    nowhere.close();
  }
}
