package org.referralbridge.operations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The service's metrics (served in Prometheus' format at /actuator/prometheus).
 *
 * @param queueDepthMaxAge how long a sample of the queue depths is served before the broker is asked again: scrapes
 *     more frequent than this cost the broker nothing
 * @param brokerTimeout the longest the broker may take to answer one queue depth request (after that, NaN)
 */
@Validated
@ConfigurationProperties("bridge.metrics")
public record MetricsProperties(@DefaultValue("10s") Duration queueDepthMaxAge,
    @DefaultValue("2s") Duration brokerTimeout) {}
