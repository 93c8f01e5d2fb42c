package org.referralbridge.outbound.hl7;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.referralbridge.hl7.ApplicationId;

/**
 * The header of one outbound message.
 *
 * @param sender this service (MSH-3/4)
 * @param receiver the referring provider's system (MSH-5/6)
 * @param controlId MSH-10, unique per message; at most 20 characters (the v2.5.1 length of MSH-10: receivers that
 *     truncate a longer one would acknowledge a different id)
 * @param time MSH-7 (and the default for the message's other times)
 * @param zone the zone every time in the message is written in, with its offset
 */
public record Envelope(ApplicationId sender, ApplicationId receiver, String controlId, Instant time, ZoneId zone) {

  static final int MAX_CONTROL_ID_LENGTH = 20;

  public Envelope {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(zone, "zone");
    if (controlId == null || controlId.isBlank() || controlId.length() > MAX_CONTROL_ID_LENGTH) {
      throw new IllegalArgumentException("control id must have 1 to " + MAX_CONTROL_ID_LENGTH + " characters");
    }
  }
}
