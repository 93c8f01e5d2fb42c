package org.referralbridge.worklist;

import java.time.Clock;
import org.referralbridge.outbound.OutboundStore;
import org.referralbridge.outbound.SessionRecords;
import org.referralbridge.outbound.StatusNotifications;
import org.referralbridge.store.FhirStore;
import org.referralbridge.validate.ProfileValidator;
import ca.uhn.fhir.context.FhirContext;
import org.referralbridge.intake.ReferralIntake;
import org.referralbridge.messages.MessageReplay;
import org.referralbridge.messages.MessageStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorklistProperties.class)
class WorklistConfiguration {

  @Bean
  ReferralRecords referralRecords(FhirStore fhirStore) {
    return new ReferralRecords(fhirStore);
  }

  @Bean
  Worklist worklist(ReferralRecords records, WorklistProperties properties) {
    return new Worklist(records, properties, Clock.systemUTC());
  }

  @Bean
  ReferralPage referralPage(ReferralRecords records, OutboundStore outboundStore, SessionRecords sessionRecords,
      WorklistProperties properties) {
    return new ReferralPage(records, outboundStore, sessionRecords, properties, Clock.systemUTC());
  }

  @Bean
  SessionRecording sessionRecording(ReferralRecords records, FhirStore fhirStore, SessionRecords sessionRecords,
      WorklistProperties properties, ProfileValidator profileValidator) {
    return new SessionRecording(records, fhirStore, sessionRecords, properties.zone(), profileValidator);
  }

  @Bean
  NeedsAttention needsAttention(MessageStore messageStore, MessageReplay messageReplay, ReferralIntake referralIntake,
      FhirContext fhirContext, WorklistProperties properties) {
    return new NeedsAttention(messageStore, messageReplay, referralIntake, fhirContext, properties.zone());
  }

  @Bean
  ReferralActions referralActions(ReferralRecords records, FhirStore fhirStore, StatusNotifications notifications) {
    return new ReferralActions(records, fhirStore, notifications, Clock.systemUTC());
  }
}
