package org.referralbridge.config;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The application's task executor. HAPI FHIR declares executors of its own, which makes Boot's auto-configured
 * {@code applicationTaskExecutor} back off; Spring MVC and Camel's platform integration still expect it by name.
 */
@Configuration(proxyBeanMethods = false)
class ExecutorConfiguration {

  @Bean(name = "applicationTaskExecutor")
  ThreadPoolTaskExecutor applicationTaskExecutor(ThreadPoolTaskExecutorBuilder builder) {
    return builder.threadNamePrefix("bridge-task-").build();
  }
}
