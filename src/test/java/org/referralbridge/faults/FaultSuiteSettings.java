package org.referralbridge.faults;

import java.util.Locale;

/**
 * How the fault suite reaches Docker and which images it runs. Each setting is a system property or, for
 * {@code .ci/run}, an environment variable. The defaults are the official images, for a machine with Docker Hub
 * access; CI, which reaches no registry, builds its own images (docker/build-images.sh) and names them here.
 *
 * <ul>
 *   <li>{@code bridge.it.artemis-image} / BRIDGE_IT_ARTEMIS_IMAGE (default apache/activemq-artemis:2.40.0)
 *   <li>{@code bridge.it.postgres-image} / BRIDGE_IT_POSTGRES_IMAGE (default postgres:15.13)
 *   <li>{@code bridge.it.network} / BRIDGE_IT_NETWORK: {@code bridge} (default: ports published on 127.0.0.1)
 *       or {@code host} (a daemon without a bridge network, as in CI: containers listen on 127.0.0.1 ports)
 *   <li>{@code bridge.it.require-docker} / BRIDGE_IT_REQUIRE_DOCKER: true makes a missing Docker or image a
 *       failure instead of a skip (set by .ci/run: there the suite must run)
 *   <li>{@code bridge.it.pull} / BRIDGE_IT_PULL: true lets Testcontainers pull a missing image (never in CI)
 * </ul>
 */
final class FaultSuiteSettings {

  /** Label on every container and volume the suite creates, so that a run's leftovers can be found. */
  static final String LABEL = "org.referralbridge.it";

  private FaultSuiteSettings() {}

  static String artemisImage() {
    return setting("bridge.it.artemis-image", "apache/activemq-artemis:2.40.0");
  }

  static String postgresImage() {
    return setting("bridge.it.postgres-image", "postgres:15.13");
  }

  static boolean hostNetwork() {
    return "host".equalsIgnoreCase(setting("bridge.it.network", "bridge"));
  }

  static boolean dockerRequired() {
    return Boolean.parseBoolean(setting("bridge.it.require-docker", "false"));
  }

  static boolean pullAllowed() {
    return Boolean.parseBoolean(setting("bridge.it.pull", "false"));
  }

  /** A whole-number setting (a scenario's size), {@code fallback} when unset. */
  static int number(String property, int fallback) {
    return Integer.parseInt(setting(property, String.valueOf(fallback)));
  }

  private static String setting(String property, String fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    }
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
