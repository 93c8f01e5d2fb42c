package org.referralbridge.partner;

import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Headers;
import org.referralbridge.operations.BridgeMetrics;
import org.referralbridge.pipeline.EnvelopeHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The route step that holds a message from an unknown sender in quarantine. */
public class QuarantineSteps {

  private static final Logger log = LoggerFactory.getLogger(QuarantineSteps.class);

  private final QuarantineStore store;
  private final BridgeMetrics metrics;

  public QuarantineSteps(QuarantineStore store, BridgeMetrics metrics) {
    this.store = store;
    this.metrics = metrics;
  }

  public void hold(@Body String raw, @Headers Map<String, Object> headers) {
    Object sender = headers.get(EnvelopeHeaders.SENDER);
    Object controlId = headers.get(EnvelopeHeaders.CONTROL_ID);
    store.hold(String.valueOf(sender), String.valueOf(controlId),
        String.valueOf(headers.get(EnvelopeHeaders.MESSAGE_TYPE)), raw);
    metrics.count(BridgeMetrics.Flow.REFERRAL_INTAKE, BridgeMetrics.Outcome.QUARANTINED);
    log.info("Message {} from unknown sender {}: held in quarantine", controlId, sender);
  }
}
