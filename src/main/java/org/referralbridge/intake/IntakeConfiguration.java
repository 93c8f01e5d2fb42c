package org.referralbridge.intake;

import org.apache.camel.ProducerTemplate;
import org.referralbridge.hl7.Acknowledgements;
import org.referralbridge.hl7.Hl7Parser;
import org.referralbridge.messages.MessageStore;
import org.referralbridge.operations.BridgeMetrics;
import org.referralbridge.partner.SenderPolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the intake routes call: the checks, the acknowledgements, and the one NAK factory. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntakeProperties.class)
class IntakeConfiguration {

  /** The routes' "mllp:" component: Camel's, with its check of new connections guarded (see the class). */
  @Bean("mllp")
  ResettingMllpComponent mllp() {
    ResettingMllpComponent component = new ResettingMllpComponent();
    // never quote message content in Camel's log lines (application.yaml says so too)
    component.setLogPhi(false);
    return component;
  }

  @Bean
  Hl7Parser hl7Parser() {
    return new Hl7Parser();
  }

  @Bean
  ReferralIntake referralIntake(Hl7Parser hl7Parser, IntakeProperties properties, SenderPolicy senderPolicy) {
    return new ReferralIntake(hl7Parser, properties.maxMessageChars(), properties.structureLimits(), senderPolicy);
  }

  @Bean
  DurableEnqueue durableEnqueue(ProducerTemplate producerTemplate, IntakeProperties properties,
      BridgeMetrics bridgeMetrics) {
    return new DurableEnqueue(producerTemplate, properties.enqueueTimeout(), bridgeMetrics);
  }

  @Bean
  Acknowledgements acknowledgements(IntakeProperties properties) {
    return new Acknowledgements(properties.clinic());
  }

  @Bean
  RejectedMessages rejectedMessages(MessageStore messageStore, Acknowledgements acknowledgements,
      BridgeMetrics bridgeMetrics) {
    return new RejectedMessages(messageStore, acknowledgements, bridgeMetrics);
  }
}
