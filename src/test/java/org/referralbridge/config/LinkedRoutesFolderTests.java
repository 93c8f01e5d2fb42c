package org.referralbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Route folders and files reached through symbolic links, on a real file system, found by Camel's own resource
 * resolver (the one that reads {@code camel.main.routes-include-pattern}).
 */
class LinkedRoutesFolderTests {

  private static final Log LOG = LogFactory.getLog(LinkedRoutesFolderTests.class);

  @TempDir
  Path dir;

  private CamelContext camel;

  @BeforeEach
  void camel() {
    camel = new DefaultCamelContext();
  }

  @AfterEach
  void close() throws Exception {
    camel.close();
  }

  @Test
  void aLinkedFolderIsGivenToCamelByItsRealPath() throws Exception {
    Path real = routes(dir.resolve("release-7/routes"), "intake.yaml", "outbound.yaml");
    Path linked = Files.createSymbolicLink(dir.resolve("routes"), real);

    String pattern = LinkedRoutesFolder.resolve("file:" + linked + "/*.yaml");

    assertThat(pattern).isEqualTo("file:" + real.toRealPath() + "/*.yaml");
    assertThat(names(pattern)).containsExactlyInAnyOrder("intake.yaml", "outbound.yaml");
  }

  @Test
  void aFolderBelowALinkedParentIsResolvedToo() throws Exception {
    Path app = Files.createDirectories(dir.resolve("app-1.2"));
    routes(app.resolve("routes"), "intake.yaml");
    Path current = Files.createSymbolicLink(dir.resolve("current"), app);

    assertThat(names(LinkedRoutesFolder.resolve("file:" + current + "/routes/*.yaml"))).containsExactly("intake.yaml");
  }

  @Test
  void linkedFilesInARealFolderAreFoundOnceAsAConfigMapMountsThem() throws Exception {
    // the layout Kubernetes gives a mounted ConfigMap: <mount>/<key> -> ..data/<key>, ..data -> ..<timestamp>
    Path mount = Files.createDirectories(dir.resolve("mount"));
    Path version = routes(mount.resolve("..2026_12_06_18_00_00.123"), "intake.yaml", "outbound.yaml");
    Files.createSymbolicLink(mount.resolve("..data"), version.getFileName());
    Files.createSymbolicLink(mount.resolve("intake.yaml"), Path.of("..data/intake.yaml"));
    Files.createSymbolicLink(mount.resolve("outbound.yaml"), Path.of("..data/outbound.yaml"));
    String pattern = "file:" + mount + "/*.yaml";

    assertThat(LinkedRoutesFolder.resolve(pattern)).isEqualTo(pattern);
    assertThat(names(pattern)).containsExactlyInAnyOrder("intake.yaml", "outbound.yaml");
  }

  @Test
  void otherEntriesAreLeftAsTheyAre() throws Exception {
    Path real = routes(dir.resolve("real"), "intake.yaml");
    Path linked = Files.createSymbolicLink(dir.resolve("linked"), real);
    String unchanged = "classpath:routes/*.yaml, file:" + real.toRealPath() + "/*.yaml, file:" + dir
        + "/missing/*.yaml, file:" + linked + "/intake.yaml";

    assertThat(LinkedRoutesFolder.resolve(unchanged)).isEqualTo(unchanged.replace(", ", ","));
    assertThat(LinkedRoutesFolder.resolve("file:routes/*.yaml")).isEqualTo(
        Files.isSymbolicLink(Path.of("routes")) ? "file:" + Path.of("routes").toRealPath() + "/*.yaml"
            : "file:routes/*.yaml");
  }

  @Test
  void theServiceRegistersItAndItOverridesThePatternBeforeCamelReadsIt() throws Exception {
    assertThat(SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
        .load(EnvironmentPostProcessor.class, SpringFactoriesLoader.FailureHandler.logging(LOG)))
        .anyMatch(LinkedRoutesFolder.class::isInstance);

    Path real = routes(dir.resolve("real"), "intake.yaml");
    Path linked = Files.createSymbolicLink(dir.resolve("linked"), real);
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addLast(new MapPropertySource("application",
        Map.of(LinkedRoutesFolder.PROPERTY, "file:" + linked + "/*.yaml")));

    new LinkedRoutesFolder().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty(LinkedRoutesFolder.PROPERTY)).isEqualTo("file:" + real.toRealPath() + "/*.yaml");
  }

  private static Path routes(Path folder, String... files) throws IOException {
    Files.createDirectories(folder);
    for (String file : files) {
      Files.writeString(folder.resolve(file), "- route:\n    from:\n      uri: direct:" + file.replace(".yaml", "") + "\n");
    }
    return folder;
  }

  private List<String> names(String pattern) throws Exception {
    Collection<Resource> found = PluginHelper.getPackageScanResourceResolver(camel).findResources(
        pattern.substring(0, pattern.indexOf(',') < 0 ? pattern.length() : pattern.indexOf(',')));
    return found.stream().map(r -> Path.of(r.getLocation().substring("file:".length())).getFileName().toString())
        .toList();
  }
}
