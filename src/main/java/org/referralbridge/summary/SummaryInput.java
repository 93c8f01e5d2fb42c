package org.referralbridge.summary;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.referralbridge.infusion.InfusionSession;

/**
 * Everything one infusion summary is built from.
 *
 * @param patient the patient as stored (copied into the document; its id is not carried over)
 * @param clinic the clinic: author and custodian of the document, performer of the session
 * @param referral the referral; the document refers to it by its placer identifier (the referrer's own id)
 * @param session the session this summary reports
 * @param previousSessions earlier sessions of the same series, in any order (for the trend)
 * @param documentId unique id of this document (Bundle.identifier and Composition.identifier)
 * @param created when the document was made (Bundle.timestamp, Composition.date)
 * @param zone the clinic's time zone, for the times a person reads
 */
public record SummaryInput(
    Patient patient,
    Organization clinic,
    ServiceRequest referral,
    InfusionSession session,
    List<InfusionSession> previousSessions,
    String documentId,
    Instant created,
    ZoneId zone) {

  public SummaryInput {
    Objects.requireNonNull(patient, "patient");
    Objects.requireNonNull(clinic, "clinic");
    Objects.requireNonNull(referral, "referral");
    Objects.requireNonNull(session, "session");
    previousSessions = previousSessions == null ? List.of() : List.copyOf(previousSessions);
    if (documentId == null || documentId.isBlank()) {
      throw new IllegalArgumentException("a summary needs a document id");
    }
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(zone, "zone");
  }

  /**
   * The series so far, by session number, ending with this session: previous sessions with a later number are left
   * out (they happened after the one reported), and this session wins over a previous one with its number.
   */
  public List<InfusionSession> series() {
    Map<Integer, InfusionSession> byNumber = new LinkedHashMap<>();
    previousSessions.stream()
        .filter(s -> s.sessionNumber() < session.sessionNumber())
        .forEach(s -> byNumber.put(s.sessionNumber(), s));
    byNumber.put(session.sessionNumber(), session);
    List<InfusionSession> series = new ArrayList<>(byNumber.values());
    series.sort(Comparator.comparingInt(InfusionSession::sessionNumber));
    return List.copyOf(series);
  }
}
