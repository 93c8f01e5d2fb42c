package org.referralbridge.intake;

import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.component.mllp.MllpComponent;
import org.apache.camel.component.mllp.MllpConfiguration;
import org.apache.camel.component.mllp.MllpEndpoint;
import org.apache.camel.component.mllp.MllpTcpServerConsumer;
import org.apache.camel.component.mllp.internal.Hl7Util;
import org.apache.camel.component.mllp.internal.MllpSocketBuffer;
import org.apache.camel.component.mllp.internal.TcpServerConsumerValidationRunnable;
import org.apache.camel.support.CamelContextHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's MLLP component ("mllp:" in the routes), with two faults of its listener (Camel 4.17) mended. When the first
 * frame on a new connection outgrows {@code maxBufferSize} while the listener still checks the connection, the
 * buffer's exception escapes the check and the executor's Future swallows it, so the connection is never read nor
 * closed again (the sender's write stalls until the JVM happens to collect the socket). Here the check runs inside a
 * guard that resets such a connection at once. And Camel answers only the first frame of a read, dropping frames a
 * sender pipelines behind it: here connections are read by {@link PipelinedFrameReader}, which answers each.
 * Everything else is Camel's: options, acknowledgements, logging.
 *
 * <p>Annotated with Camel's component name so that Camel's generated option binding for "mllp" endpoints applies to
 * these subclasses too (it is looked up by that name, which is not inherited).
 */
@org.apache.camel.spi.annotations.Component("mllp")
public class ResettingMllpComponent extends MllpComponent {

  private static final Logger log = LoggerFactory.getLogger(ResettingMllpComponent.class);

  /** As {@link MllpComponent#createEndpoint}, with an endpoint whose consumer guards the connection check. */
  @Override
  protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
    MllpConfiguration configuration = hasConfiguration() ? getConfiguration().copy() : new MllpConfiguration();
    ResettingEndpoint endpoint = new ResettingEndpoint(uri, this, configuration);
    if (configuration.getSslContextParameters() == null) {
      configuration.setSslContextParameters(retrieveGlobalSslContextParameters());
    }
    endpoint.setCharsetName(getDefaultCharset());
    int colon = remaining.indexOf(':');
    if (colon >= 0) {
      endpoint.setHostname(remaining.substring(0, colon));
      endpoint.setPort(CamelContextHelper.parseInt(getCamelContext(), remaining.substring(colon + 1)));
    } else {
      endpoint.setPort(CamelContextHelper.parseInt(getCamelContext(), remaining));
    }
    setProperties(endpoint, parameters);
    return endpoint;
  }

  /** An MLLP endpoint whose server consumer is {@link ResettingConsumer}. */
  static final class ResettingEndpoint extends MllpEndpoint {

    ResettingEndpoint(String uri, MllpComponent component, MllpConfiguration configuration) {
      super(uri, component, configuration);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
      Consumer consumer = new ResettingConsumer(this, processor);
      configureConsumer(consumer);
      return consumer;
    }
  }

  /**
   * Camel's MLLP server consumer, whose check of a new connection resets the connection when the check fails, and
   * whose connections are read by {@link PipelinedFrameReader}.
   */
  static final class ResettingConsumer extends MllpTcpServerConsumer {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final AtomicInteger READER_THREADS = new AtomicInteger();

    private final ExecutorService checks = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "mllp-connection-check-" + THREADS.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });

    /** As Camel's own pool of connection readers (which is not reachable from here): up to maxConcurrentConsumers. */
    private final ThreadPoolExecutor readers;
    private final Hl7Util hl7Util;

    ResettingConsumer(MllpEndpoint endpoint, Processor processor) {
      super(endpoint, processor);
      readers = new ThreadPoolExecutor(1, getConfiguration().getMaxConcurrentConsumers(),
          getConfiguration().getAcceptTimeout(), TimeUnit.MILLISECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "mllp-connection-reader-" + READER_THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });
      hl7Util = new Hl7Util(endpoint.getComponent().getLogPhiMaxBytes(), endpoint.getComponent().getLogPhi());
    }

    /** As Camel's, with a reader that answers every frame of a read (Camel's drops all but the first). */
    @Override
    public void startConsumer(Socket socket, MllpSocketBuffer buffer) {
      PipelinedFrameReader reader =
          new PipelinedFrameReader(this, socket, buffer, hl7Util, getEndpoint().getComponent().getLogPhi());
      getConsumerRunnables().put(reader, System.currentTimeMillis());
      try {
        readers.execute(reader);
        getEndpoint().updateLastConnectionEstablishedTicks();
      } catch (RejectedExecutionException full) {
        log.warn("MLLP connection reset: {} connections are being read already",
            getConfiguration().getMaxConcurrentConsumers());
        getConsumerRunnables().remove(reader);
        buffer.resetSocket(socket);
      }
    }

    @Override
    public void validateConsumer(Socket socket) {
      MllpSocketBuffer buffer = new MllpSocketBuffer(getEndpoint());
      try {
        TcpServerConsumerValidationRunnable check = new TcpServerConsumerValidationRunnable(this, socket, buffer);
        checks.execute(() -> {
          try {
            check.run();
          } catch (RuntimeException failed) {
            // e.g. a first frame beyond maxBufferSize; the exception's text is Camel's, never the content
            log.warn("MLLP connection reset: its first frame could not be read ({})",
                failed.getClass().getSimpleName());
            check.resetSocket();
          }
        });
      } catch (RejectedExecutionException | IllegalStateException cannotCheck) {
        // stopping, or the socket could not be set up: as Camel does when it cannot check a connection
        buffer.resetSocket(socket);
      }
    }

    @Override
    protected void doShutdown() throws Exception {
      try {
        super.doShutdown();
      } finally {
        checks.shutdownNow();
        readers.shutdownNow();
      }
    }
  }
}
