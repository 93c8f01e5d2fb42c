package org.referralbridge.bench;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;
import org.referralbridge.ReferralBridgeApplication;
import org.referralbridge.hl7.Hl7Parser;
import org.referralbridge.store.FhirStore;
import org.referralbridge.translate.RefI12Translator;
import org.referralbridge.validate.ProfileValidator;
import org.referralbridge.validate.RepairingValidator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.connection.SingleConnectionFactory;

/**
 * What the libraries do alone, on this machine, in this run: the service's own beans in this JVM (the same
 * embedded Artemis and HAPI JPA store on a data directory of their own, the same translator and validator), called
 * directly without intake, queues or bookkeeping. The service's figures are read against these.
 */
final class RawLimits implements AutoCloseable {

  /** Calls per second of one kind, at a given concurrency. */
  record Rate(String what, int threads, int calls, double seconds) {

    double perSecond() {
      return calls / seconds;
    }
  }

  private final ConfigurableApplicationContext context;
  private final int mllpPort = ServiceUnderTest.freePort();

  /** {@code databaseArguments}: the database's settings when it is not the embedded one. */
  RawLimits(Path dataDirectory, List<String> databaseArguments) {
    // command-line arguments: they win over application.yaml
    List<String> arguments = new ArrayList<>(List.of(
        "--bridge.data-directory=" + dataDirectory,
        "--bridge.intake.mllp.port=" + mllpPort,
        "--server.port=0",
        "--bridge.processing.auto-startup=false",
        "--camel.springboot.main-run-controller=false",
        "--logging.level.root=WARN",
        "--logging.level.org.referralbridge=WARN"));
    arguments.addAll(databaseArguments);
    context = new SpringApplicationBuilder(ReferralBridgeApplication.class).run(arguments.toArray(String[]::new));
  }

  /**
   * The service's own intake alone: referrals sent flat out over MLLP to this context, whose processing is off, so
   * each ACK still waits for the durable enqueue but nothing else takes the CPU. The ceiling of the service's ingest
   * on this machine; {@code warmUp} referrals first, unmeasured.
   */
  Rate intakeAlone(int connections, int warmUp, int measured, String runId) throws Exception {
    Load load = new Load(mllpPort, connections, runId);
    load.flatOut(warmUp);
    Load.Result result = load.flatOut(measured);
    if (result.notAccepted() > 0) {
      throw new IllegalStateException(result.notAccepted() + " of the raw intake's referrals were not AA");
    }
    return new Rate("intake alone over MLLP (processing off)", connections, result.sent(), result.seconds());
  }

  /** Durable (persistent, synced) sends of the referral text to a queue of its own, one connection per thread. */
  Rate artemisDurableSend(int threads, int perThread, byte[] payload) throws Exception {
    ConnectionFactory factory = context.getBean(ConnectionFactory.class);
    if (factory instanceof SingleConnectionFactory caching && caching.getTargetConnectionFactory() != null) {
      factory = caching.getTargetConnectionFactory();
    }
    ConnectionFactory target = factory;
    String text = new String(payload, StandardCharsets.UTF_8);
    return timed("Artemis durable send", threads, threads * perThread, () -> {
      try (Connection connection = target.createConnection()) {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = session.createProducer(session.createQueue("bench.raw-durable"));
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        for (int i = 0; i < perThread; i++) {
          producer.send(session.createTextMessage(text));
        }
      }
    });
  }

  /** Referrals translated to FHIR transaction Bundles (the pipeline's translate step), single thread. */
  List<Bundle> translate(List<byte[]> referrals, List<Rate> rates) throws Exception {
    Hl7Parser parser = context.getBean(Hl7Parser.class);
    RefI12Translator translator = context.getBean(RefI12Translator.class);
    List<Bundle> bundles = new ArrayList<>();
    rates.add(timed("translate (HAPI v2 parse + map)", 1, referrals.size(), () -> {
      for (byte[] referral : referrals) {
        String raw = new String(referral, StandardCharsets.UTF_8);
        bundles.add(translator.translate(parser.parseReferral(raw), raw, Instant.now()).bundle());
      }
    }));
    return bundles;
  }

  /** The validator (with its repairs) on copies of the Bundles, spread over the threads. */
  Rate validate(List<Bundle> bundles, int threads) throws Exception {
    // the pipeline's validator: the profile validator bean behind the repairs, as PipelineConfiguration builds it
    RepairingValidator validator = new RepairingValidator(context.getBean(ProfileValidator.class));
    List<Bundle> copies = bundles.stream().map(Bundle::copy).toList();
    AtomicInteger index = new AtomicInteger();
    return timed("validate (profiles, repairs)", threads, copies.size(), () -> {
      for (int i = index.getAndIncrement(); i < copies.size(); i = index.getAndIncrement()) {
        validator.validate(copies.get(i));
      }
    });
  }

  /** The Bundles written as FHIR transactions to the embedded JPA store, spread over the threads. */
  Rate write(List<Bundle> bundles, int threads) throws Exception {
    FhirStore store = context.getBean(FhirStore.class);
    AtomicInteger index = new AtomicInteger();
    return timed("HAPI JPA transaction (referral Bundle)", threads, bundles.size(), () -> {
      for (int i = index.getAndIncrement(); i < bundles.size(); i = index.getAndIncrement()) {
        // concurrent conditional creates of the same shared resources can conflict: the pipeline retries, so here
        for (int attempt = 1; ; attempt++) {
          try {
            store.transaction(bundles.get(i));
            break;
          } catch (RuntimeException conflict) {
            if (attempt == 5) {
              throw conflict;
            }
          }
        }
      }
    });
  }

  private interface Task {
    void run() throws Exception;
  }

  private static Rate timed(String what, int threads, int calls, Task task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          task.run();
          return null;
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
      return new Rate(what, threads, calls, (System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  @Override
  public void close() {
    context.close();
  }
}
