package org.referralbridge.operations;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.time.Duration;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;

/**
 * One conversation with an Artemis broker's management address over plain JMS (so it works the same with the
 * embedded broker and an external one): requests go to {@code activemq.management}, answers come back on a
 * temporary queue, one at a time. Used to set up an external broker's queues and to read queue depths.
 *
 * <p>Requests are answered in order, so after a request that got no answer within the timeout the conversation
 * is unusable (a late answer would be taken for the next request's): {@link NoAnswer} says so, and the caller
 * closes it.
 */
public final class BrokerManagement implements AutoCloseable {

  /** The broker's management address (Artemis' default). */
  public static final String ADDRESS = "activemq.management";

  /** The broker answered, and refused (unknown resource, no permission, bad arguments). */
  public static final class Refused extends JMSException {
    Refused(String request, Object reason) {
      super(request + " refused by the broker: " + reason);
    }
  }

  /** No answer within the timeout: the conversation must not be used further. */
  public static final class NoAnswer extends JMSException {
    NoAnswer(String request, Duration timeout) {
      super("no answer from the broker's management address to " + request + " within " + timeout.toMillis()
          + " ms");
    }
  }

  private final Connection connection;
  private final Session session;
  private final TemporaryQueue replies;
  private final MessageProducer requests;
  private final MessageConsumer answers;
  private final Duration timeout;

  private BrokerManagement(Connection connection, Duration timeout) throws JMSException {
    this.connection = connection;
    this.timeout = timeout;
    this.session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    this.replies = session.createTemporaryQueue();
    this.requests = session.createProducer(session.createQueue(ADDRESS));
    this.answers = session.createConsumer(replies);
    connection.start();
  }

  /** Opens a conversation (a connection of its own); the caller closes it. */
  public static BrokerManagement open(ConnectionFactory connectionFactory, Duration timeout) throws JMSException {
    Connection connection = connectionFactory.createConnection();
    try {
      return new BrokerManagement(connection, timeout);
    } catch (JMSException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** Invokes an operation of a resource ({@code broker}, {@code queue.<name>}, …) and returns its result. */
  public Object invoke(String resource, String operation, Object... arguments) throws JMSException {
    Message request = session.createMessage();
    JMSManagementHelper.putOperationInvocation(request, resource, operation, arguments);
    return ask(request, resource + "." + operation);
  }

  /** Reads an attribute of a resource (e.g. {@code queue.<name>}'s {@code messageCount}). */
  public Object attribute(String resource, String attribute) throws JMSException {
    Message request = session.createMessage();
    JMSManagementHelper.putAttribute(request, resource, attribute);
    return ask(request, resource + "." + attribute);
  }

  private Object ask(Message request, String description) throws JMSException {
    request.setJMSReplyTo(replies);
    requests.send(request);
    Message answer = answers.receive(timeout.toMillis());
    if (answer == null) {
      throw new NoAnswer(description, timeout);
    }
    Object result;
    try {
      result = JMSManagementHelper.getResult(answer);
    } catch (Exception unreadable) {
      JMSException failure = new JMSException("unreadable answer to " + description);
      failure.setLinkedException(unreadable);
      throw failure;
    }
    if (!JMSManagementHelper.hasOperationSucceeded(answer)) {
      throw new Refused(description, result);
    }
    return result;
  }

  /** Closes the connection, which deletes the temporary reply queue with it. */
  @Override
  public void close() throws JMSException {
    connection.close();
  }
}
