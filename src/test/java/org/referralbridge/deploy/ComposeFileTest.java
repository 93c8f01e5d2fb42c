package org.referralbridge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The production shape (docker-compose.yml, docker/service/Dockerfile) read as files: no Docker needed. What an
 * operator relies on: images that do not change under them, healthchecks that gate start order, data in named
 * volumes, and a service that takes its broker and database from the environment.
 */
class ComposeFileTest {

  private static final Path COMPOSE_FILE = Path.of("docker-compose.yml");
  private static final Path SERVICE_DOCKERFILE = Path.of("docker/service/Dockerfile");
  private static final String SERVICE = "referral-bridge";

  /** ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?message}, ${VAR?message} */
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

  private static Map<String, Object> compose;
  private static Map<String, Map<String, Object>> services;

  @BeforeAll
  static void readComposeFile() throws IOException {
    compose = map(new Yaml().load(Files.readString(COMPOSE_FILE)), "docker-compose.yml");
    services = new LinkedHashMap<>();
    map(compose.get("services"), "services").forEach((name, service) -> services.put(name, map(service, name)));
  }

  @Test
  void hasTheBrokerTheDatabaseAndTheService() {
    assertThat(services).containsOnlyKeys("artemis", "postgres", SERVICE);
  }

  @Test
  void everyImageIsPinnedToATagOtherThanLatest() {
    SoftAssertions softly = new SoftAssertions();
    services.forEach((name, service) -> {
      softly.assertThat(service.get("image")).as("image of %s", name).isInstanceOf(String.class);
      if (service.get("image") instanceof String image) {
        String resolved = withDefaults(image);
        softly.assertThat(resolved).as("image of %s (%s) without a default", name, image).doesNotContain("${");
        softly.assertThat(isPinned(resolved)).as("image of %s is pinned: %s", name, resolved).isTrue();
      }
    });
    Object jreImage = map(map(services.get(SERVICE).get("build"), "build").get("args"), "build args").get("JRE_IMAGE");
    softly.assertThat(isPinned(withDefaults(String.valueOf(jreImage)))).as("JRE_IMAGE %s is pinned", jreImage).isTrue();
    softly.assertAll();
  }

  @Test
  void recognisesUnpinnedImages() {
    assertThat(isPinned("postgres")).isFalse();
    assertThat(isPinned("postgres:latest")).isFalse();
    assertThat(isPinned("registry.example.org:5000/postgres")).isFalse();
    assertThat(isPinned("registry.example.org:5000/postgres:15.13")).isTrue();
    assertThat(isPinned("postgres@sha256:" + "0".repeat(64))).isTrue();
    assertThat(withDefaults("${POSTGRES_IMAGE:-postgres:15.13}")).isEqualTo("postgres:15.13");
    assertThat(withDefaults("${POSTGRES_IMAGE}")).contains("${");
  }

  @Test
  void everyServiceHasAHealthcheck() {
    SoftAssertions softly = new SoftAssertions();
    services.forEach((name, service) -> {
      softly.assertThat(service.get("healthcheck")).as("healthcheck of %s", name).isInstanceOf(Map.class);
      if (service.get("healthcheck") instanceof Map<?, ?> healthcheck) {
        softly.assertThat(healthcheck.get("disable")).as("healthcheck of %s disabled", name).isNotEqualTo(true);
        softly.assertThat(healthcheck.get("test")).as("healthcheck test of %s", name).isNotNull();
        if (healthcheck.get("test") instanceof List<?> test) {
          softly.assertThat(test).as("healthcheck test of %s", name).isNotEmpty();
          softly.assertThat(test.get(0)).as("healthcheck test of %s", name).isIn("CMD", "CMD-SHELL");
        }
      }
    });
    softly.assertAll();
  }

  @Test
  void everyDependencyWaitsUntilTheOtherServiceIsHealthy() {
    SoftAssertions softly = new SoftAssertions();
    services.forEach((name, service) -> {
      Object dependsOn = service.get("depends_on");
      if (dependsOn == null) {
        return;
      }
      // the short form (a list) only waits until the container is started
      softly.assertThat(dependsOn).as("depends_on of %s in the long form", name).isInstanceOf(Map.class);
      if (dependsOn instanceof Map<?, ?> dependencies) {
        dependencies.forEach((other, condition) -> {
          softly.assertThat(services).as("%s depends on a service of this file", name).containsKey((String) other);
          softly.assertThat(condition instanceof Map<?, ?> c ? c.get("condition") : null)
              .as("condition of %s on %s", name, other).isEqualTo("service_healthy");
        });
      }
    });
    assertThat(map(services.get(SERVICE).get("depends_on"), "depends_on of " + SERVICE))
        .containsOnlyKeys("artemis", "postgres");
    softly.assertAll();
  }

  @Test
  void dataIsInNamedDeclaredVolumes() {
    Map<String, Object> declared = map(compose.get("volumes"), "top-level volumes");
    SoftAssertions softly = new SoftAssertions();
    List<String> used = new ArrayList<>();
    services.forEach((name, service) -> {
      Object volumes = service.get("volumes");
      if (volumes == null) {
        return;
      }
      for (Object volume : (List<?>) volumes) {
        String source;
        if (volume instanceof String shortSyntax) {
          String[] parts = shortSyntax.split(":");
          // a lone container path is an anonymous volume: left behind by every `down`
          softly.assertThat(parts.length).as("%s: volume %s has a name", name, shortSyntax).isGreaterThanOrEqualTo(2);
          source = parts[0];
        } else {
          Map<String, Object> longSyntax = map(volume, name + " volume");
          softly.assertThat(longSyntax.get("type")).as("%s: type of volume %s", name, volume).isIn(null, "volume");
          source = String.valueOf(longSyntax.get("source"));
        }
        softly.assertThat(source).as("%s: %s is a named volume, not a host path", name, source)
            .matches("[A-Za-z0-9][A-Za-z0-9_.-]*");
        softly.assertThat(declared).as("%s: volume %s is declared at the top level", name, source).containsKey(source);
        used.add(source);
      }
    });
    softly.assertThat(declared.keySet()).as("declared volumes are used").containsExactlyInAnyOrderElementsOf(used);
    softly.assertAll();
    assertThat(mounts("artemis")).containsEntry("artemis-data", "/var/lib/artemis-instance");
    assertThat(mounts("postgres")).containsEntry("postgres-data", "/var/lib/postgresql/data");
    assertThat(mounts(SERVICE)).containsEntry("bridge-data", "/app/data");
  }

  @Test
  void theServicePublishesHttpAndMllp() {
    List<String> targets = new ArrayList<>();
    for (Object port : (List<?>) services.get(SERVICE).get("ports")) {
      if (port instanceof Map<?, ?> longSyntax) {
        targets.add(String.valueOf(longSyntax.get("target")));
      } else {
        String shortSyntax = String.valueOf(port);
        targets.add(shortSyntax.substring(shortSyntax.lastIndexOf(':') + 1).replaceAll("/.*", ""));
      }
    }
    assertThat(targets).contains("8080", "2575");
  }

  @Test
  void theServiceTakesItsBrokerAndDatabaseFromTheEnvironment() {
    Map<String, String> environment = environment(SERVICE);
    assertThat(environment).containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
        "SPRING_DATASOURCE_PASSWORD", "SPRING_ARTEMIS_BROKER_URL", "SPRING_ARTEMIS_USER", "SPRING_ARTEMIS_PASSWORD");
    // an external broker, not the embedded one of the single-machine default
    assertThat(environment).containsEntry("SPRING_ARTEMIS_MODE", "native")
        .containsEntry("SPRING_ARTEMIS_EMBEDDED_ENABLED", "false")
        .containsEntry("BRIDGE_INTAKE_MLLP_HOST", "0.0.0.0")
        .containsEntry("BRIDGE_DATA_DIRECTORY", "/app/data");
    assertThat(withDefaults(environment.get("SPRING_DATASOURCE_URL")))
        .startsWith("jdbc:postgresql://postgres:5432/");
    assertThat(withDefaults(environment.get("SPRING_ARTEMIS_BROKER_URL"))).startsWith("tcp://artemis:61616?");
    // secrets are never written into the file: they come from variables (the environment or .env)
    for (String secret : List.of("SPRING_DATASOURCE_PASSWORD", "SPRING_ARTEMIS_PASSWORD")) {
      assertThat(environment.get(secret)).as(secret).matches("\\$\\{[A-Z_]+[:?-]?.*}");
    }
    assertThat(environment(SERVICE).get("SPRING_ARTEMIS_PASSWORD"))
        .isEqualTo(environment("artemis").get("ARTEMIS_PASSWORD"));
    assertThat(environment(SERVICE).get("SPRING_DATASOURCE_PASSWORD"))
        .isEqualTo(environment("postgres").get("POSTGRES_PASSWORD"));
  }

  @Test
  void theServiceImageDeclaresNoVolumeAndDoesNotRunAsRoot() throws IOException {
    List<String> instructions = instructions(Files.readString(SERVICE_DOCKERFILE));
    // a VOLUME leaves an anonymous volume behind each container; data goes into the compose file's named volume
    assertThat(instructions).noneMatch(line -> keyword(line).equals("VOLUME"));
    List<String> users = instructions.stream().filter(line -> keyword(line).equals("USER")).toList();
    assertThat(users).as("USER instructions").isNotEmpty();
    String user = users.get(users.size() - 1).substring("USER".length()).trim().split(":")[0];
    assertThat(user).as("the user the service runs as").isNotIn("root", "0", "");
    assertThat(instructions).anyMatch(line -> keyword(line).equals("EXPOSE") && line.contains("8080")
        && line.contains("2575"));
    assertThat(instructions).anyMatch(line -> line.matches("ARG\\s+JRE_IMAGE=\\S+:\\S+")
        && isPinned(line.substring(line.indexOf('=') + 1)));
  }

  @Test
  void readsDockerfileInstructionsAcrossContinuationsAndComments() {
    List<String> instructions = instructions("""
        # syntax comment
        FROM base
        RUN a \\
          # a comment inside
          && b
        user app
        """);
    assertThat(instructions).containsExactly("FROM base", "RUN a && b", "user app");
    assertThat(keyword(instructions.get(2))).isEqualTo("USER");
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  /** Replaces each ${VAR:-default} / ${VAR-default} by its default; leaves variables without one. */
  private static String withDefaults(String value) {
    Matcher matcher = VARIABLE.matcher(value);
    StringBuilder resolved = new StringBuilder();
    while (matcher.find()) {
      String operator = matcher.group(2);
      String replacement = operator != null && operator.endsWith("-") ? matcher.group(3) : matcher.group();
      matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(resolved);
    return resolved.toString();
  }

  /** A tag other than latest after the last path segment's colon, or a digest. */
  private static boolean isPinned(String image) {
    if (image.contains("@sha256:")) {
      return true;
    }
    String lastSegment = image.substring(image.lastIndexOf('/') + 1);
    int colon = lastSegment.indexOf(':');
    return colon > 0 && colon < lastSegment.length() - 1 && !lastSegment.substring(colon + 1).equals("latest")
        && !lastSegment.contains("${");
  }

  private static Map<String, String> environment(String service) {
    Object environment = services.get(service).get("environment");
    Map<String, String> variables = new LinkedHashMap<>();
    if (environment instanceof Map<?, ?> mapping) {
      mapping.forEach((key, value) -> variables.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
    } else if (environment instanceof List<?> list) {
      for (Object entry : list) {
        String[] parts = String.valueOf(entry).split("=", 2);
        variables.put(parts[0], parts.length > 1 ? parts[1] : null);
      }
    }
    return variables;
  }

  /** Named volume to container path, for the short syntax. */
  private static Map<String, String> mounts(String service) {
    Map<String, String> mounts = new LinkedHashMap<>();
    for (Object volume : (List<?>) services.get(service).get("volumes")) {
      String[] parts = String.valueOf(volume).split(":");
      if (parts.length >= 2) {
        mounts.put(parts[0], parts[1]);
      }
    }
    return mounts;
  }

  /** Dockerfile instructions, one a line: continuations joined, comments and blank lines dropped. */
  private static List<String> instructions(String dockerfile) {
    List<String> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : dockerfile.split("\\R")) {
      String trimmed = line.trim();
      if (trimmed.startsWith("#") || trimmed.isEmpty()) {
        continue;
      }
      boolean continued = trimmed.endsWith("\\");
      current.append(current.length() > 0 ? " " : "")
          .append(continued ? trimmed.substring(0, trimmed.length() - 1).trim() : trimmed);
      if (!continued) {
        instructions.add(current.toString());
        current.setLength(0);
      }
    }
    if (current.length() > 0) {
      instructions.add(current.toString());
    }
    return instructions;
  }

  private static String keyword(String instruction) {
    return instruction.split("\\s+", 2)[0].toUpperCase(java.util.Locale.ROOT);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String what) {
    assertThat(value).as(what).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }
}
