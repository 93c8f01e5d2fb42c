package org.referralbridge.intake;

import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import org.apache.camel.Route;
import org.apache.camel.component.mllp.MllpProtocolConstants;
import org.apache.camel.component.mllp.MllpSocketException;
import org.apache.camel.component.mllp.MllpTcpServerConsumer;
import org.apache.camel.component.mllp.internal.Hl7Util;
import org.apache.camel.component.mllp.internal.MllpSocketBuffer;
import org.apache.camel.component.mllp.internal.TcpSocketConsumerRunnable;
import org.apache.camel.spi.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Reads one MLLP connection as Camel's {@link TcpSocketConsumerRunnable} does, but answers every frame a read brings.
 * Camel 4.17 keeps only the first complete frame of a read and drops the bytes after it, so a sender that pipelines
 * (several frames in one TCP write) got one ACK and nothing for the others (CAMEL-24668, mended in Camel 4.18).
 * Here the bytes after a frame are kept: every complete frame is passed to the consumer in order, one at a time, each
 * answered before the next; a partial frame waits for the next read; bytes outside frames (the LF of senders that end
 * frames with FS CR LF, junk) are skipped. Junk that holds a start-of-block byte is not taken as the start of a frame:
 * a frame's content begins after the last start-of-block byte before its end. Timeouts, the idle timeout, resets on
 * errors and the buffer limit are Camel's. A payload shorter than four bytes is padded so that Camel can answer it
 * ({@link #answerable}). Drop this class when a Camel release mends both (4.18 mends the first).
 *
 * <p>Logs byte counts only, never content (message content is PHI).
 */
class PipelinedFrameReader extends TcpSocketConsumerRunnable {

  private static final Logger log = LoggerFactory.getLogger(PipelinedFrameReader.class);
  private static final byte[] NONE = new byte[0];
  private static final int SHORTEST_ANSWERABLE = 4;

  private final MllpTcpServerConsumer consumer;
  private final Socket socket;
  private final MllpSocketBuffer readBuffer;
  private final boolean endOfDataRequired;
  private volatile boolean stopped;
  /** Bytes read but not yet passed on: the consumer writes each ACK through {@link #getMllpBuffer()}, emptying it. */
  private byte[] pending = NONE;

  PipelinedFrameReader(MllpTcpServerConsumer consumer, Socket socket, MllpSocketBuffer buffer, Hl7Util hl7Util,
      boolean logPhi) {
    super(consumer, socket, buffer, hl7Util, logPhi);
    this.consumer = consumer;
    this.socket = socket;
    this.readBuffer = getMllpBuffer();
    this.endOfDataRequired = consumer.getConfiguration().isRequireEndOfData();
  }

  @Override
  public void stop() {
    stopped = true;
    super.stop();
  }

  @Override
  public void run() {
    String threadName = Thread.currentThread().getName();
    Thread.currentThread().setName(getClass().getSimpleName() + " - " + getCombinedAddress());
    MDC.put(UnitOfWork.MDC_CAMEL_CONTEXT_ID, consumer.getEndpoint().getCamelContext().getName());
    Route route = consumer.getRoute();
    if (route != null && route.getId() != null) {
      MDC.put(UnitOfWork.MDC_ROUTE_ID, route.getId());
    }
    try {
      // what the check of the new connection read: none, part of a frame, or one or more frames
      pending = bytesOf(readBuffer);
      while (isOpen()) {
        processCompleteFrames();
        if (isOpen()) {
          readMore();
        }
      }
    } catch (RuntimeException unexpected) {
      // e.g. a frame beyond maxBufferSize; the class only, never the bytes
      log.warn("MLLP connection reset: reading it failed ({})", unexpected.getClass().getSimpleName());
    } finally {
      consumer.getConsumerRunnables().remove(this);
      Thread.currentThread().setName(threadName);
      MDC.remove(UnitOfWork.MDC_ROUTE_ID);
      MDC.remove(UnitOfWork.MDC_CAMEL_CONTEXT_ID);
      readBuffer.resetSocket(socket);
    }
  }

  private boolean isOpen() {
    return !stopped && socket.isConnected() && !socket.isClosed();
  }

  /** Passes each complete frame in {@link #pending} to the consumer, in order; keeps what follows the last one. */
  private void processCompleteFrames() {
    Frame frame;
    while (isOpen() && (frame = Frame.first(pending, endOfDataRequired)) != null) {
      if (frame.skippedBefore() > 0) {
        log.warn("Ignoring {} bytes before an MLLP frame", frame.skippedBefore());
      }
      byte[] payload = answerable(Arrays.copyOfRange(pending, frame.payloadStart(), frame.payloadEnd()));
      pending = startingAtNextFrame(pending, frame.end());
      readBuffer.reset();
      consumer.processMessage(payload, this);
    }
  }

  /**
   * A payload Camel 4.17 can answer: when it sends the acknowledgement the route set, it reads the payload's fourth
   * byte (MSH's field separator) unchecked, so a shorter payload ({@code MSH} alone, an empty frame) made it throw
   * after the route had kept the message and built its NAK, and the sender got no answer and a closed connection.
   * Such a payload goes on with segment terminators (CR) appended to four bytes: the route refuses it as before (AR)
   * and keeps it with them, and the sender gets the NAK.
   */
  static byte[] answerable(byte[] payload) {
    if (payload.length >= SHORTEST_ANSWERABLE) {
      return payload;
    }
    byte[] padded = Arrays.copyOf(payload, SHORTEST_ANSWERABLE);
    Arrays.fill(padded, payload.length, SHORTEST_ANSWERABLE, (byte) MllpProtocolConstants.SEGMENT_DELIMITER);
    return padded;
  }

  /** The bytes from the next start-of-block byte on; those before it are out-of-band and dropped. */
  private static byte[] startingAtNextFrame(byte[] bytes, int from) {
    int next = indexOf(bytes, MllpProtocolConstants.START_OF_BLOCK, from, bytes.length);
    int skipped = (next < 0 ? bytes.length : next) - from;
    if (skipped > 0) {
      if (onlyLineEnds(bytes, from, from + skipped)) {
        log.debug("Ignoring {} line-end bytes after an MLLP frame", skipped);
      } else {
        log.warn("Ignoring {} out-of-band bytes after an MLLP frame", skipped);
      }
    }
    return next < 0 ? NONE : Arrays.copyOfRange(bytes, next, bytes.length);
  }

  /** Reads until the buffer holds a complete frame; timeouts and failures as Camel's consumer handles them. */
  private void readMore() {
    readBuffer.reset();
    readBuffer.write(pending); // a partial frame, or nothing
    pending = NONE;
    try {
      readBuffer.readFrom(socket);
      pending = bytesOf(readBuffer);
      if (indexOf(pending, MllpProtocolConstants.START_OF_BLOCK, 0, pending.length) < 0 && pending.length > 0) {
        log.warn("Ignoring {} byte un-enveloped payload", pending.length);
        pending = NONE;
      }
    } catch (SocketTimeoutException timeout) {
      if (readBuffer.isEmpty()) {
        resetIfIdle();
      } else {
        readBuffer.resetSocket(socket);
        consumer.handleMessageTimeout("Timeout receiving complete message payload", readBuffer.toByteArrayAndReset(),
            timeout);
      }
    } catch (MllpSocketException failed) {
      readBuffer.resetSocket(socket);
      if (!readBuffer.isEmpty()) {
        consumer.handleMessageException("Exception encountered reading payload", readBuffer.toByteArrayAndReset(),
            failed);
      } else {
        log.debug("Ignoring exception encountered checking for data ({})", failed.getClass().getSimpleName());
      }
    }
  }

  private void resetIfIdle() {
    if (consumer.getConfiguration().hasIdleTimeout()) {
      Long lastMessage = consumer.getConsumerRunnables().get(this);
      long idle = System.currentTimeMillis() - (lastMessage == null ? 0 : lastMessage);
      if (idle >= consumer.getConfiguration().getIdleTimeout()) {
        readBuffer.resetSocket(socket, String.format("Connection idle time %d exceeded idleTimeout %d", idle,
            consumer.getConfiguration().getIdleTimeout()));
      }
    }
  }

  private static byte[] bytesOf(MllpSocketBuffer buffer) {
    byte[] bytes = buffer.toByteArrayAndReset();
    return bytes == null ? NONE : bytes;
  }

  private static boolean onlyLineEnds(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != '\n' && bytes[i] != '\r') {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] bytes, char value, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == value) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Where the first complete frame of some bytes lies: its content and the index after its end.
   *
   * @param skippedBefore bytes before the content that are not part of it (junk, with or without start-of-block)
   * @param payloadStart index of the content's first byte
   * @param payloadEnd index of the end-of-block byte
   * @param end index after the frame (after the CR that follows end-of-block, if there is one)
   */
  record Frame(int skippedBefore, int payloadStart, int payloadEnd, int end) {

    /**
     * The first complete frame, or null. Complete as Camel's buffer judges it (so that a read it calls complete
     * always yields a frame here): a start-of-block byte, the first end-of-block byte after it, and, if the endpoint
     * requires it, a CR right after that. The content starts after the last start-of-block byte before the end:
     * junk before a frame may hold start-of-block bytes of its own.
     */
    static Frame first(byte[] bytes, boolean endOfDataRequired) {
      int start = indexOf(bytes, MllpProtocolConstants.START_OF_BLOCK, 0, bytes.length);
      if (start < 0) {
        return null;
      }
      int endOfBlock = indexOf(bytes, MllpProtocolConstants.END_OF_BLOCK, start + 1, bytes.length);
      if (endOfBlock < 0) {
        return null;
      }
      boolean endOfData = endOfBlock + 1 < bytes.length && bytes[endOfBlock + 1] == MllpProtocolConstants.END_OF_DATA;
      if (endOfDataRequired && !endOfData) {
        return null;
      }
      int lastStart = start;
      for (int i = start + 1; i < endOfBlock; i++) {
        if (bytes[i] == MllpProtocolConstants.START_OF_BLOCK) {
          lastStart = i;
        }
      }
      return new Frame(lastStart, lastStart + 1, endOfBlock, endOfData ? endOfBlock + 2 : endOfBlock + 1);
    }
  }
}
