package org.referralbridge.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * The one place where the service's queues and their broker-side settings are declared; applied to the embedded
 * broker at start ({@link BrokerConfiguration}) and to an external broker through its management address
 * ({@link ExternalBrokerSetup}).
 *
 * <ul>
 *   <li>{@code referrals.inbound}: accepted referrals. A message the service rolls back (crash, or a failure it
 *       could not even record) is redelivered with a growing delay; after the last attempt the broker moves it to
 *       {@code referrals.dead-letter}. Messages carry no time-to-live; should one ever expire it goes to the
 *       dead-letter queue too, never nowhere.
 *   <li>{@code notifications.outbound}: status notifications and summaries to partners, with the same rules and
 *       {@code notifications.dead-letter}. Retries of a partner that does not answer are scheduled by the
 *       delivery route itself (scheduled delivery), not by rollbacks.
 * </ul>
 *
 * No broker-side duplicate detection: a re-sent referral is recognised by the message store (sender and control
 * id) and the FHIR store's conditional creates, end to end; a duplicate id inside the intake's transacted send
 * would roll the send back and turn a harmless re-send into an error for the sender.
 */
public final class QueueSettings {

  private final Map<String, AddressSettings> addressSettings = new LinkedHashMap<>();
  private final List<String> queues;

  public QueueSettings(BrokerProperties broker, String inbound, String inboundDeadLetter, String outbound,
      String outboundDeadLetter) {
    addressSettings.put(inbound, retried(broker, inboundDeadLetter));
    addressSettings.put(outbound, retried(broker, outboundDeadLetter));
    queues = List.of(inbound, inboundDeadLetter, outbound, outboundDeadLetter);
  }

  /** Address (queue) name → its settings. */
  public Map<String, AddressSettings> addressSettings() {
    return addressSettings;
  }

  /** Every queue the service uses: durable, anycast (point to point), created if missing. */
  public List<QueueConfiguration> queues() {
    return queues.stream()
        .map(name -> QueueConfiguration.of(name).setRoutingType(RoutingType.ANYCAST).setDurable(true))
        .toList();
  }

  private static AddressSettings retried(BrokerProperties broker, String deadLetter) {
    return new AddressSettings()
        .setDeadLetterAddress(SimpleString.of(deadLetter))
        .setExpiryAddress(SimpleString.of(deadLetter))
        .setMaxDeliveryAttempts(broker.maxDeliveryAttempts())
        .setRedeliveryDelay(broker.redeliveryDelay().toMillis())
        .setRedeliveryMultiplier(broker.redeliveryMultiplier())
        .setMaxRedeliveryDelay(broker.maxRedeliveryDelay().toMillis());
  }
}
