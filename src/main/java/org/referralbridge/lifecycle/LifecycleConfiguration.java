package org.referralbridge.lifecycle;

import org.referralbridge.hl7.Acknowledgements;
import org.referralbridge.hl7.Hl7Parser;
import org.referralbridge.messages.MessageStore;
import org.referralbridge.outbound.OutboundQueue;
import org.referralbridge.outbound.StatusNotifications;
import org.referralbridge.partner.PartnerDirectory;
import org.referralbridge.store.FhirStore;
import org.referralbridge.translate.RefI12Translator;
import org.referralbridge.translate.ResultsTranslator;
import org.referralbridge.worklist.ReferralActions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LifecycleProperties.class)
class LifecycleConfiguration {

  @Bean
  ResultAcknowledgements resultAcknowledgements(Acknowledgements acknowledgements, PartnerDirectory partnerDirectory,
      OutboundQueue outboundQueue, LifecycleProperties lifecycleProperties) {
    return new ResultAcknowledgements(acknowledgements, partnerDirectory, outboundQueue, lifecycleProperties);
  }

  @Bean
  ReferrerRequests referrerRequests(Hl7Parser hl7Parser, RefI12Translator refI12Translator, FhirStore fhirStore,
      ReferralActions referralActions, StatusNotifications statusNotifications) {
    return new ReferrerRequests(hl7Parser, refI12Translator, fhirStore, referralActions, statusNotifications);
  }

  @Bean
  ReferrerResults referrerResults(Hl7Parser hl7Parser, ResultsTranslator resultsTranslator, FhirStore fhirStore,
      MessageStore messageStore) {
    return new ReferrerResults(hl7Parser, resultsTranslator, fhirStore, messageStore);
  }
}
