package org.referralbridge.outbound;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import javax.sql.DataSource;
import org.referralbridge.intake.IntakeProperties;
import org.referralbridge.outbound.hl7.Endpoint;
import org.referralbridge.outbound.hl7.StatusNotices;
import org.referralbridge.partner.PartnerDirectory;
import org.referralbridge.store.FhirStore;
import org.referralbridge.translate.TranslateProperties;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboundProperties.class)
class OutboundConfiguration {

  @Bean
  OutboundStore outboundStore(DataSource dataSource) {
    return new OutboundStore(JdbcClient.create(dataSource));
  }

  @Bean
  OutboundQueue outboundQueue(OutboundStore outboundStore, ProducerTemplate producerTemplate) {
    return new OutboundQueue(outboundStore, producerTemplate);
  }

  @Bean
  OutboundSteps outboundSteps(OutboundStore outboundStore, OutboundProperties properties) {
    return new OutboundSteps(outboundStore, properties);
  }

  @Bean
  StatusNotifications statusNotifications(FhirStore fhirStore, PartnerDirectory partnerDirectory,
      OutboundQueue outboundQueue, FhirContext fhirContext, TranslateProperties translate,
      IntakeProperties intake) {
    StatusNotices notices = new StatusNotices(translate.identifierBase().toString(),
        new Endpoint(intake.receivingApplication(), intake.receivingFacility()), translate.defaultTimeZone());
    return new StatusNotifications(fhirStore, partnerDirectory, outboundQueue, notices, fhirContext,
        translate.identifierBase().toString(), Clock.systemUTC());
  }

  @Bean
  SessionRecords sessionRecords(DataSource dataSource, ObjectMapper objectMapper) {
    return new SessionRecords(JdbcClient.create(dataSource), objectMapper);
  }

  @Bean
  SummaryNotifications summaryNotifications(FhirStore fhirStore, PartnerDirectory partnerDirectory,
      OutboundQueue outboundQueue, SessionRecords sessionRecords, FhirContext fhirContext,
      TranslateProperties translate, IntakeProperties intake) {
    StatusNotices notices = new StatusNotices(translate.identifierBase().toString(),
        new Endpoint(intake.receivingApplication(), intake.receivingFacility()), translate.defaultTimeZone());
    return new SummaryNotifications(fhirStore, partnerDirectory, outboundQueue, notices, sessionRecords, fhirContext,
        translate.identifierBase().toString(), translate.defaultTimeZone(), Clock.systemUTC());
  }

  @Bean
  FhirPartnerDelivery fhirPartnerDelivery(OutboundProperties properties) {
    return new FhirPartnerDelivery(java.time.Duration.ofMillis(properties.ackTimeoutMillis()));
  }
}
