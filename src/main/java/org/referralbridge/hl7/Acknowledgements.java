package org.referralbridge.hl7;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one place that writes HL7 v2 acknowledgements: at intake (original mode) AA after a message is durably
 * stored, AE/AR with an ERR segment for everything else; later, from the pipeline, an application acknowledgement
 * (enhanced mode) that says what became of a message already accepted. Built from the inbound MSH alone, so a
 * message that cannot be parsed still gets a NAK whose MSA-2 echoes its MSH-10. The ERR layout follows the sender's version: ERR-1 (segment,
 * sequence, field, code) before v2.5; ERR-2 location, ERR-3 code (table 0357), ERR-4 severity and ERR-8 text from
 * v2.5 on.
 */
public final class Acknowledgements {

  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSSZ");
  private static final Map<Integer, String> ERROR_TEXT = Map.ofEntries(
      Map.entry(0, "Message accepted"),
      Map.entry(100, "Segment sequence error"),
      Map.entry(101, "Required field missing"),
      Map.entry(102, "Data type error"),
      Map.entry(103, "Table value not found"),
      Map.entry(200, "Unsupported message type"),
      Map.entry(201, "Unsupported event code"),
      Map.entry(202, "Unsupported processing id"),
      Map.entry(203, "Unsupported version id"),
      Map.entry(204, "Unknown key identifier"),
      Map.entry(205, "Duplicate key identifier"),
      Map.entry(206, "Application record locked"),
      Map.entry(207, "Application internal error"));

  private final ApplicationId clinic;
  private final AtomicLong sequence = new AtomicLong();
  private final String instancePrefix = Long.toString(System.currentTimeMillis(), 36).toUpperCase();

  /** @param clinic MSH-3/4 of every acknowledgement */
  public Acknowledgements(ApplicationId clinic) {
    this.clinic = clinic;
  }

  /** The clinic's side of every exchange (MSH-3/4): what our acknowledgements and notices are sent as. */
  public ApplicationId clinic() {
    return clinic;
  }

  /**
   * What a NAK says.
   *
   * @param ackCode MSA-1: AE (accepted as a message, not usable) or AR (rejected as a message)
   * @param errorCode HL7 table 0357 code, e.g. 101 "required field missing"
   * @param location segment and field, e.g. "PID-3", or "MSH", or null for the message as a whole
   * @param text what went wrong, never message content
   */
  public record Nak(String ackCode, int errorCode, String location, String text) {}

  /** AA for a message that has been durably stored. */
  public String accepted(String inbound) {
    MshHeader msh = MshHeader.read(inbound).orElse(null);
    return header(msh, nextControlId(), false) + "MSA|AA|" + escape(msh == null ? null : msh.controlId()) + '\r';
  }

  /** AE or AR with an ERR segment for a message that was not accepted. */
  public String rejected(String inbound, Nak nak) {
    return nak(inbound, nak, nextControlId(), false);
  }

  /**
   * An application acknowledgement (enhanced mode: MSH-15 AL asks the sender for a commit ACK, MSH-16 NE) sent as a
   * message of its own once the pipeline knows what became of an accepted message: AA, or the NAK's code with ERR.
   *
   * @param controlId MSH-10 of the acknowledgement (kept across delivery attempts)
   * @param nak null for AA
   */
  public String application(String inbound, String controlId, Nak nak) {
    if (nak != null) {
      return nak(inbound, nak, controlId, true);
    }
    MshHeader msh = MshHeader.read(inbound).orElse(null);
    return header(msh, controlId, true) + "MSA|AA|" + escape(msh == null ? null : msh.controlId()) + '\r';
  }

  private String nak(String inbound, Nak nak, String controlId, boolean enhanced) {
    MshHeader msh = MshHeader.read(inbound).orElse(null);
    String version = msh == null ? null : msh.version();
    boolean legacyErr = version != null && version.compareTo("2.5") < 0;
    String code = String.valueOf(nak.errorCode());
    String codeText = ERROR_TEXT.getOrDefault(nak.errorCode(), "Error");
    String text = escape(nak.text());
    String[] location = location(nak.location());
    StringBuilder ack = new StringBuilder(header(msh, controlId, enhanced));
    ack.append("MSA|").append(nak.ackCode()).append('|').append(escape(msh == null ? null : msh.controlId()));
    if (version == null || version.compareTo("2.7") < 0) {
      ack.append('|').append(text);
    }
    ack.append('\r');
    if (legacyErr) {
      // v2.3/2.4 ERR-1 (CM_ELD): segment^sequence^field^code&text&HL70357
      ack.append("ERR|").append(location[0]).append('^').append(location[0].isEmpty() ? "" : "1").append('^')
          .append(location[1]).append('^').append(code).append('&').append(escape(codeText)).append("&HL70357")
          .append('\r');
    } else {
      ack.append("ERR||");
      if (!location[0].isEmpty()) {
        ack.append(location[0]).append("^1");
        if (!location[1].isEmpty()) {
          ack.append('^').append(location[1]);
        }
      }
      ack.append('|').append(code).append('^').append(escape(codeText)).append("^HL70357|E||||").append(text)
          .append('\r');
    }
    return ack.toString();
  }

  private String header(MshHeader msh, String controlId, boolean enhanced) {
    String version = msh == null || msh.version() == null ? "2.5.1" : msh.version();
    String event = msh == null || msh.triggerEvent() == null ? "" : msh.triggerEvent();
    String messageType = version.equals("2.3") || version.startsWith("2.2") ? "ACK^" + event : "ACK^" + event + "^ACK";
    String processingId = msh == null || msh.processingId() == null ? "P" : msh.processingId();
    return "MSH|^~\\&|" + escape(clinic.application()) + '|' + escape(clinic.facility()) + '|'
        + escape(msh == null ? null : msh.sender().application()) + '|'
        + escape(msh == null ? null : msh.sender().facility()) + '|'
        + OffsetDateTime.now(ZoneOffset.UTC).format(TIMESTAMP) + "||" + messageType + '|' + escape(controlId) + '|'
        + escape(processingId) + '|' + escape(version) + (enhanced ? "|||AL|NE" : "") + '\r';
  }

  private String nextControlId() {
    return "RB" + instancePrefix + sequence.incrementAndGet();
  }

  /** "PID-3" → {"PID", "3"}; "MSH" → {"MSH", ""}; null → {"", ""}. */
  private static String[] location(String location) {
    if (location == null || location.isBlank()) {
      return new String[] {"", ""};
    }
    int dash = location.indexOf('-');
    return dash < 0 ? new String[] {location, ""}
        : new String[] {location.substring(0, dash), location.substring(dash + 1)};
  }

  /** HL7 escaping of the standard delimiters, so echoed values can never break the ACK's structure. */
  static String escape(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\E\\");
        case '|' -> out.append("\\F\\");
        case '^' -> out.append("\\S\\");
        case '&' -> out.append("\\T\\");
        case '~' -> out.append("\\R\\");
        case '\r', '\n' -> out.append(' ');
        default -> out.append(c < 0x20 ? ' ' : c);
      }
    }
    return out.toString();
  }
}
