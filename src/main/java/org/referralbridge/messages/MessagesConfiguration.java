package org.referralbridge.messages;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

  @Bean
  MessageStore messageStore(DataSource dataSource) {
    return new MessageStore(JdbcClient.create(dataSource));
  }
}
