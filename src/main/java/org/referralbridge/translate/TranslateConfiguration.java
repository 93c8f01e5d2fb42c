package org.referralbridge.translate;

import org.referralbridge.validate.ProfileValidator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TranslateProperties.class)
class TranslateConfiguration {

  @Bean
  RefI12Translator refI12Translator(TranslateProperties properties, ProfileValidator profileValidator) {
    return new RefI12Translator(properties.settings(), new Terminology(profileValidator.validationSupport()));
  }

  @Bean
  ResultsTranslator resultsTranslator(TranslateProperties properties) {
    return new ResultsTranslator(properties.settings());
  }
}
