package org.referralbridge.intake;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.referralbridge.hl7.ApplicationId;
import org.referralbridge.hl7.MshHeader;

/**
 * The one place that writes HL7 v2 acknowledgements (original mode): AA after a message is durably stored, AE/AR
 * with an ERR segment for everything else. Built from the inbound MSH alone, so a message that cannot be parsed
 * still gets a NAK whose MSA-2 echoes its MSH-10. The ERR layout follows the sender's version: ERR-1 (segment,
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

  /** AA for a message that has been durably stored. */
  public String accepted(String inbound) {
    MshHeader msh = MshHeader.read(inbound).orElse(null);
    return header(msh) + "MSA|AA|" + escape(msh == null ? null : msh.controlId()) + '\r';
  }

  /** AE or AR with an ERR segment for a message that was not accepted. */
  public String rejected(String inbound, IntakeRejection rejection) {
    MshHeader msh = MshHeader.read(inbound).orElse(null);
    String version = msh == null ? null : msh.version();
    boolean legacyErr = version != null && version.compareTo("2.5") < 0;
    String code = String.valueOf(rejection.errorCode());
    String codeText = ERROR_TEXT.getOrDefault(rejection.errorCode(), "Error");
    String text = escape(rejection.getMessage());
    String[] location = location(rejection.location());
    StringBuilder ack = new StringBuilder(header(msh));
    ack.append("MSA|").append(rejection.ackCode()).append('|').append(escape(msh == null ? null : msh.controlId()));
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

  private String header(MshHeader msh) {
    String version = msh == null || msh.version() == null ? "2.5.1" : msh.version();
    String event = msh == null || msh.triggerEvent() == null ? "" : msh.triggerEvent();
    String messageType = version.equals("2.3") || version.startsWith("2.2") ? "ACK^" + event : "ACK^" + event + "^ACK";
    String processingId = msh == null || msh.processingId() == null ? "P" : msh.processingId();
    return "MSH|^~\\&|" + escape(clinic.application()) + '|' + escape(clinic.facility()) + '|'
        + escape(msh == null ? null : msh.sender().application()) + '|'
        + escape(msh == null ? null : msh.sender().facility()) + '|'
        + OffsetDateTime.now(ZoneOffset.UTC).format(TIMESTAMP) + "||" + messageType + '|' + nextControlId() + '|'
        + escape(processingId) + '|' + escape(version) + '\r';
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
