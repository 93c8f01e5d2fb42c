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
}
