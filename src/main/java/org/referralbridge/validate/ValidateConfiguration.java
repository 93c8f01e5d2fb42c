package org.referralbridge.validate;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ValidateProperties.class)
class ValidateConfiguration {

  @Bean
  ProfileValidator profileValidator(FhirContext fhirContext, ValidateProperties properties) {
    return new ProfileValidator(fhirContext, properties.profilesDirectory());
  }
}
