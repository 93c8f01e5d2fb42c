package org.referralbridge.pipeline;

import ca.uhn.fhir.context.FhirContext;
import org.referralbridge.hl7.Hl7Parser;
import org.referralbridge.messages.MessageReplay;
import org.referralbridge.messages.MessageStore;
import org.referralbridge.operations.BridgeMetrics;
import org.referralbridge.store.FhirStore;
import org.referralbridge.translate.RefI12Translator;
import org.referralbridge.validate.ProfileValidator;
import org.referralbridge.validate.RepairingValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

  @Bean
  ReferralSteps referralSteps(Hl7Parser hl7Parser, RefI12Translator refI12Translator,
      ProfileValidator profileValidator, FhirStore fhirStore, MessageStore messageStore, MessageReplay messageReplay,
      FhirContext fhirContext, BridgeMetrics bridgeMetrics) {
    PipelineWarmup.start(hl7Parser, refI12Translator, profileValidator);
    return new ReferralSteps(hl7Parser, refI12Translator, new RepairingValidator(profileValidator), fhirStore,
        messageStore, messageReplay, fhirContext, bridgeMetrics);
  }

  /**
   * The threads of the processing consumers (route processReferral), at the lowest Java priority. Processing is
   * work a sender does not wait on; an ACK is. On a busy machine the scheduler then runs the MLLP threads first and
   * processing on what they leave. Java priorities reach Linux only with {@code -XX:ThreadPriorityPolicy=1}, which
   * the service's JVM options set ({@code pom.xml} {@code service.jvm-options}: Java priority 1 is nice 10); without
   * it these are ordinary threads.
   */
  @Bean
  SimpleAsyncTaskExecutor processingThreads() {
    SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("processing-");
    executor.setThreadPriority(Thread.MIN_PRIORITY);
    return executor;
  }
}
