package org.referralbridge.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's meters and what operators ask the broker: queue depths as gauges, dead-letter clean-up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsProperties.class)
class OperationsConfiguration {

  /** The queue depth gauge, tagged queue (its name) and role (inbound, dead-letter, outbound, outbound-dead-letter). */
  static final String QUEUE_DEPTH = "bridge.queue.depth";

  @Bean
  BridgeMetrics bridgeMetrics(MeterRegistry registry) {
    return new BridgeMetrics(registry, Clock.systemUTC());
  }

  @Bean
  BrokerQueues brokerQueues(ConnectionFactory connectionFactory, MetricsProperties properties, MeterRegistry registry,
      @Value("${bridge.queues.inbound}") String inbound, @Value("${bridge.queues.dead-letter}") String deadLetter,
      @Value("${bridge.outbound.queue}") String outbound,
      @Value("${bridge.outbound.dead-letter-queue}") String outboundDeadLetter) {
    Map<String, String> roles = new LinkedHashMap<>();
    roles.put("inbound", inbound);
    roles.put("dead-letter", deadLetter);
    roles.put("outbound", outbound);
    roles.put("outbound-dead-letter", outboundDeadLetter);
    BrokerQueues queues = new BrokerQueues(connectionFactory, List.copyOf(roles.values()),
        properties.queueDepthMaxAge(), properties.brokerTimeout(), Clock.systemUTC());
    roles.forEach((role, queue) -> Gauge.builder(QUEUE_DEPTH, queues, q -> q.depth(queue))
        .description("Messages on the queue (scheduled retries included), sampled at most every "
            + properties.queueDepthMaxAge().toSeconds() + " s; NaN while the broker does not answer")
        .tag("queue", queue).tag("role", role)
        .register(registry));
    return queues;
  }
}
