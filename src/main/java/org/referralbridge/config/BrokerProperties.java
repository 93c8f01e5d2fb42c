package org.referralbridge.config;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the service needs from the broker's queues, declared once for the embedded broker and an external one
 * (see {@link QueueSettings}).
 *
 * @param maxDeliveryAttempts deliveries of a message the service rolled back (it crashed mid-way, or could not
 *     even record a failure) before the broker moves it to the queue's dead-letter queue
 * @param redeliveryDelay the broker's wait before the first redelivery of a rolled-back message
 * @param redeliveryMultiplier growth of that wait per redelivery
 * @param maxRedeliveryDelay the longest wait between redeliveries
 * @param configureExternal with an external broker: create the queues and apply these settings through the
 *     broker's management address at start (needs the "manage" permission); false when the broker's own
 *     broker.xml carries them
 * @param tcpPort the embedded broker's optional TCP acceptor on 127.0.0.1 (-1: none, in-VM only)
 * @param embeddedMemory the most of the heap the embedded broker holds messages in (its global max size); a backlog
 *     beyond it is paged to disk under the data directory instead of filling the heap (Artemis' own default, half
 *     the heap, would leave the FHIR store and the validator too little of the documented 768 MB heap)
 */
@Validated
@ConfigurationProperties("bridge.broker")
public record BrokerProperties(@Min(1) @DefaultValue("10") int maxDeliveryAttempts,
    @DefaultValue("1s") Duration redeliveryDelay, @DefaultValue("2") double redeliveryMultiplier,
    @DefaultValue("60s") Duration maxRedeliveryDelay, @DefaultValue("true") boolean configureExternal,
    @DefaultValue("-1") int tcpPort, @DefaultValue("64MB") DataSize embeddedMemory) {}
