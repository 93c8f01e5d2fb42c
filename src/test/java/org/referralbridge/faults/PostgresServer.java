package org.referralbridge.faults;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.referralbridge.support.TestPorts;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A real PostgreSQL server in a container, on a fixed 127.0.0.1 port (so the service keeps its URL across an
 * outage): with host networking it listens there itself, otherwise the port is published there. The image and the
 * network are the fault suite's settings ({@link FaultSuiteSettings}); the benchmark's PostgreSQL option uses it too.
 */
public final class PostgresServer implements AutoCloseable {

  public static final String USER = "bridge";
  public static final String PASSWORD = "bridge-secret";

  private final int port = TestPorts.freePort();
  private final GenericContainer<?> container;

  @SuppressWarnings("resource")
  public PostgresServer() {
    container = new GenericContainer<>(DockerImageName.parse(FaultSuiteSettings.postgresImage()))
        .withLabel(FaultSuiteSettings.LABEL, "true")
        .withEnv("POSTGRES_USER", USER)
        .withEnv("POSTGRES_PASSWORD", PASSWORD)
        .withEnv("POSTGRES_DB", "postgres")
        .withCommand("postgres", "-c", "max_connections=200", "-c", "fsync=on")
        .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\n", 1)
            .withStartupTimeout(Duration.ofMinutes(2)));
    if (FaultSuiteSettings.hostNetwork()) {
      container.withNetworkMode("host").withEnv("PGPORT", String.valueOf(port))
          .withEnv("POSTGRES_LISTEN", "127.0.0.1");
    } else {
      container.withExposedPorts(5432).withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(
          new PortBinding(Ports.Binding.bindIpAndPort("127.0.0.1", port), ExposedPort.tcp(5432))));
    }
  }

  public PostgresServer start() {
    container.start();
    awaitConnections(Duration.ofMinutes(1));
    return this;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** A new, empty database (one per scenario, so that scenarios never see each other's referrals). */
  public String createDatabase(String name) {
    execute("postgres", "CREATE DATABASE " + name);
    return jdbcUrl(name);
  }

  /** The database's size on disk (tables, indexes, TOAST), in MiB. */
  public long databaseSizeMib(String name) {
    try (Connection connection = connect("postgres");
        PreparedStatement statement = connection.prepareStatement("SELECT pg_database_size(?)")) {
      statement.setString(1, name);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(1) / (1024 * 1024);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL did not tell the size of " + name, e);
    }
  }

  Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
  }

  /** The database goes away (the server stops; connections are refused) until {@link #resume()}. */
  void stopServer() {
    DockerClientFactory.instance().client().stopContainerCmd(container.getContainerId()).withTimeout(10).exec();
  }

  /** The same server, on the same data, comes back. */
  void resume() {
    DockerClientFactory.instance().client().startContainerCmd(container.getContainerId()).exec();
    awaitConnections(Duration.ofMinutes(1));
  }

  private void execute(String database, String sql) {
    try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL refused: " + sql, e);
    }
  }

  private void awaitConnections(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      try (Connection connection = connect("postgres")) {
        return;
      } catch (SQLException notYet) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("PostgreSQL did not accept connections in time", notYet);
        }
        sleep(250);
      }
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    container.stop();
  }
}
