package org.referralbridge.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BrokerQueuesTests {

  @Test
  void aBrokerThatCannotBeReachedGivesNaNAndIsAskedAgainOnlyAfterMaxAge() {
    AtomicInteger connections = new AtomicInteger();
    ConnectionFactory down = (ConnectionFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ConnectionFactory.class}, (proxy, method, args) -> {
          connections.incrementAndGet();
          throw new JMSException("broker down");
        });
    MutableClock clock = new MutableClock(Instant.parse("2026-11-12T08:00:00Z"));
    BrokerQueues queues = new BrokerQueues(down, List.of("referrals.inbound", "referrals.dead-letter"),
        Duration.ofSeconds(10), Duration.ofSeconds(1), clock);

    assertThat(queues.depth("referrals.inbound")).isNaN();
    assertThat(queues.depth("referrals.dead-letter")).isNaN();
    clock.advance(Duration.ofSeconds(9));
    assertThat(queues.depth("referrals.inbound")).isNaN();
    assertThat(connections).hasValue(1);
    clock.advance(Duration.ofSeconds(1));
    assertThat(queues.depth("referrals.inbound")).isNaN();
    assertThat(connections).hasValue(2);
  }

  @Test
  void selectorsQuoteStringsAndLeaveNumbersAsTheyAre() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("BridgeSender", "O'BRIEN^CLINIC");
    properties.put("BridgeControlId", "CTL-1");
    assertThat(BrokerQueues.selector(properties))
        .isEqualTo("BridgeSender = 'O''BRIEN^CLINIC' AND BridgeControlId = 'CTL-1'");
    assertThat(BrokerQueues.selector(Map.of("BridgeOutboundId", 12L))).isEqualTo("BridgeOutboundId = 12");
  }

  @Test
  void aSelectorMatchingEverythingOrWithAStrangeNameIsRefused() {
    assertThatThrownBy(() -> BrokerQueues.selector(Map.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BrokerQueues.selector(Map.of("1=1 OR x", "y")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
