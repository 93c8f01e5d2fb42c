package org.referralbridge.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.referralbridge.infusion.InfusionSession;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The infusion sessions of each referral's series, as recorded (table bridge_infusion_session). */
public class SessionRecords {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  public SessionRecords(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void save(String serviceRequestId, InfusionSession session, String recordedBy) {
    try {
      jdbc.sql("""
          INSERT INTO bridge_infusion_session (service_request_id, session_number, content, recorded_by, recorded_at)
          VALUES (?, ?, ?, ?, ?)""")
          .params(serviceRequestId, session.sessionNumber(), json.writeValueAsString(session), recordedBy,
              Timestamp.from(Instant.now()))
          .update();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("session could not be serialised", e);
    }
  }

  /** The series so far, in session order. */
  public List<InfusionSession> series(String serviceRequestId) {
    return jdbc.sql("SELECT content FROM bridge_infusion_session WHERE service_request_id = ? ORDER BY session_number")
        .param(serviceRequestId).query(String.class).list().stream().map(this::read).toList();
  }

  public int nextSessionNumber(String serviceRequestId) {
    return jdbc.sql("SELECT COALESCE(MAX(session_number), 0) + 1 FROM bridge_infusion_session"
        + " WHERE service_request_id = ?").param(serviceRequestId).query(Integer.class).single();
  }

  private InfusionSession read(String content) {
    try {
      return json.readValue(content, InfusionSession.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored session could not be read", e);
    }
  }
}
