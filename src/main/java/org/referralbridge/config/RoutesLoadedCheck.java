package org.referralbridge.config;

import java.util.List;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Fails the start when the route files were not found: Camel reads {@code routes/*.yaml} relative to the working
 * directory and, finding none, would otherwise run quietly with no MLLP listener and no processing.
 */
@Component
class RoutesLoadedCheck implements ApplicationRunner {

  private static final List<String> REQUIRED = List.of("receiveReferral", "enqueueReferral", "processReferral", "deadLetterReferral",
      "releaseQuarantined", "enqueueOutbound", "deliverOutbound");

  private final CamelContext camel;
  private final String pattern;

  RoutesLoadedCheck(CamelContext camel, @Value("${camel.main.routes-include-pattern:}") String pattern) {
    this.camel = camel;
    this.pattern = pattern;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> missing = REQUIRED.stream().filter(id -> camel.getRoute(id) == null).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("Routes " + missing + " were not loaded from '" + pattern
          + "': start the service from the project directory, or set camel.main.routes-include-pattern");
    }
  }
}
