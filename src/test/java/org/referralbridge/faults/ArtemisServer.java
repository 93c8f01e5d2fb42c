package org.referralbridge.faults;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import jakarta.jms.JMSException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.referralbridge.operations.BrokerManagement;
import org.referralbridge.support.TestPorts;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A real Artemis broker in a container, its instance (journal included) on a named Docker volume so that a broker
 * stopped mid-stream can be started again on the same data, on a fixed 127.0.0.1 port.
 */
final class ArtemisServer implements AutoCloseable {

  static final String USER = "bridge";
  static final String PASSWORD = "bridge-secret";
  private static final String INSTANCE = "/var/lib/artemis-instance";

  private final int port = TestPorts.freePort();
  private final String volume = "referralbridge-it-artemis-" + UUID.randomUUID();
  private GenericContainer<?> container;

  ArtemisServer start() {
    DockerClientFactory.instance().client().createVolumeCmd().withName(volume)
        .withLabels(Map.of(FaultSuiteSettings.LABEL, "true")).exec();
    container = newContainer();
    container.start();
    return this;
  }

  @SuppressWarnings("resource")
  private GenericContainer<?> newContainer() {
    GenericContainer<?> broker = new GenericContainer<>(DockerImageName.parse(FaultSuiteSettings.artemisImage()))
        .withLabel(FaultSuiteSettings.LABEL, "true")
        .withEnv("ARTEMIS_USER", USER)
        .withEnv("ARTEMIS_PASSWORD", PASSWORD)
        .waitingFor(Wait.forLogMessage(".*AMQ221007.*\\n", 1).withStartupTimeout(Duration.ofMinutes(2)));
    if (FaultSuiteSettings.hostNetwork()) {
      broker.withNetworkMode("host").withEnv("ARTEMIS_HOST", "127.0.0.1")
          .withEnv("ARTEMIS_PORT", String.valueOf(port))
          .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withBinds(new Bind(volume, new Volume(INSTANCE))));
    } else {
      broker.withExposedPorts(61616).withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
          .withBinds(new Bind(volume, new Volume(INSTANCE)))
          .withPortBindings(new PortBinding(Ports.Binding.bindIpAndPort("127.0.0.1", port), ExposedPort.tcp(61616))));
    }
    return broker;
  }

  /** The URL the service uses: fail fast while the broker is away (the sender gets AE and resends). */
  String serviceUrl() {
    return "tcp://127.0.0.1:" + port + "?callTimeout=5000&callFailoverTimeout=5000&initialConnectAttempts=1"
        + "&useTopologyForLoadBalancing=false";
  }

  /** Stops the broker (SIGTERM, as an operator's `docker stop` does) and removes the container; the volume stays. */
  void stop() {
    DockerClientFactory.instance().client().stopContainerCmd(container.getContainerId()).withTimeout(20).exec();
    container.stop();
  }

  /** Kills the broker (SIGKILL: no clean close of its journal) and removes the container; the volume stays. */
  void kill() {
    DockerClientFactory.instance().client().killContainerCmd(container.getContainerId()).exec();
    container.stop();
  }

  /** A new broker container on the same volume and port: the journal written before the stop is read again. */
  void startAgain() {
    container = newContainer();
    container.start();
  }

  /** Messages waiting on a queue, from the broker's management address (-1 if the queue does not exist). */
  long messageCount(String queue) {
    Object count = ask(broker -> broker.attribute("queue." + queue, "messageCount"));
    return count instanceof Number number ? number.longValue() : -1;
  }

  /** The address settings the broker holds for an address, as JSON (to check what the service applied). */
  String addressSettings(String address) {
    Object settings = ask(broker -> broker.invoke("broker", "getAddressSettingsAsJSON", address));
    return settings == null ? null : String.valueOf(settings);
  }

  private interface Question {
    Object ask(BrokerManagement broker) throws JMSException;
  }

  /** One question to the broker's management address; its answer, or null when refused or unanswered. */
  private Object ask(Question question) {
    try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port, USER, PASSWORD);
        BrokerManagement broker = BrokerManagement.open(factory, Duration.ofSeconds(5))) {
      return question.ask(broker);
    } catch (BrokerManagement.Refused | BrokerManagement.NoAnswer noResult) {
      return null;
    } catch (JMSException e) {
      throw new IllegalStateException("the broker's management address could not be reached", e);
    }
  }

  @Override
  public void close() {
    if (container != null) {
      container.stop();
    }
    try {
      DockerClientFactory.instance().client().removeVolumeCmd(volume).exec();
    } catch (RuntimeException e) {
      // left for .ci/run's clean-up (labelled)
    }
  }
}
