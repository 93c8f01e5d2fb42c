package org.referralbridge.messages;

/**
 * What became of one replay request.
 *
 * @param id the message's id
 * @param outcome what happened
 * @param status the message's status after the request (null when there is no such message)
 * @param detail a sentence for the operator (no message content)
 */
public record ReplayResult(long id, Outcome outcome, String status, String detail) {

  /** What happened to a replay request. */
  public enum Outcome {
    /** Put back on its queue: it is being processed (delivered) again. */
    REPLAYED,
    /** Not replayed: its status does not allow it (e.g. already processed, or replayed a moment ago). */
    NOT_REPLAYABLE,
    /** No message with this id. */
    NOT_FOUND,
    /** Could not be put back on the queue (e.g. the broker is down): nothing changed, try again later. */
    FAILED
  }

  public boolean replayed() {
    return outcome == Outcome.REPLAYED;
  }
}
