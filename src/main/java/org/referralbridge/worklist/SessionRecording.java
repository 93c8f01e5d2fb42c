package org.referralbridge.worklist;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.referralbridge.infusion.DoseCalculator;
import org.referralbridge.infusion.DoseCheck;
import org.referralbridge.infusion.InfusionSession;
import org.referralbridge.infusion.InfusionSessionMapper;
import org.referralbridge.outbound.SessionRecords;
import org.referralbridge.store.FhirStore;
import org.referralbridge.validate.ProfileValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records an infusion session: the dose is checked (mg/kg computed; a typo-sized dose is refused, an unusual one
 * needs the clinician's confirmation), the session's resources are validated against the profiles and written to the FHIR store (Procedure,
 * MedicationAdministration, Observations, linked to the referral) and kept for its summaries.
 */
class SessionRecording {

  private static final Logger log = LoggerFactory.getLogger(SessionRecording.class);

  /** The dose needs confirming: these are the reasons. */
  static final class DoseNeedsConfirmation extends RuntimeException {
    private final transient List<String> warnings;

    DoseNeedsConfirmation(List<String> warnings) {
      super(String.join(" ", warnings));
      this.warnings = warnings;
    }

    List<String> warnings() {
      return warnings;
    }
  }

  private final ReferralRecords records;
  private final FhirStore store;
  private final SessionRecords sessions;
  private final ZoneId zone;
  private final ProfileValidator validator;
  private final InfusionSessionMapper mapper = new InfusionSessionMapper();

  SessionRecording(ReferralRecords records, FhirStore store, SessionRecords sessions, ZoneId zone,
      ProfileValidator validator) {
    this.validator = validator;
    this.records = records;
    this.store = store;
    this.sessions = sessions;
    this.zone = zone;
  }

  int nextSessionNumber(String taskId) {
    return sessions.nextSessionNumber(request(task(taskId)).getIdElement().getIdPart());
  }

  /** Records the session; returns its number in the series. */
  int record(String taskId, SessionForm form, String clinician) {
    Task task = task(taskId);
    ServiceRequest request = request(task);
    String requestId = request.getIdElement().getIdPart();
    if (form.getStart() == null || form.getWeightKg() == null || form.getDoseMg() == null) {
      throw new IllegalArgumentException("Start, weight and dose are needed.");
    }
    DoseCheck check = DoseCalculator.check(form.getDrug(), form.getRoute(), form.getDoseMg(), form.getWeightKg());
    if (check.hasWarnings() && !form.isDoseConfirmed()) {
      throw new DoseNeedsConfirmation(check.warnings());
    }
    int number = sessions.nextSessionNumber(requestId);
    OffsetDateTime start = form.getStart().atZone(zone).toOffsetDateTime();
    InfusionSession.Builder session = InfusionSession.builder(number, start)
        .durationMinutes(form.getDurationMinutes() == null ? 40 : form.getDurationMinutes())
        .drug(form.getDrug(), form.getRoute())
        .dose(form.getDoseMg(), form.getWeightKg())
        .plan(form.getPlan()).notesForTherapist(form.getNotesForTherapist())
        .discharge(form.getDischargeCondition(), form.getEscort())
        .clinician(clinician);
    int duration = form.getDurationMinutes() == null ? 40 : form.getDurationMinutes();
    vitals(session, InfusionSession.VitalSigns.Phase.BEFORE, start, form.getBefore());
    vitals(session, InfusionSession.VitalSigns.Phase.DURING, start.plusMinutes(duration / 2), form.getDuring());
    vitals(session, InfusionSession.VitalSigns.Phase.AFTER, start.plusMinutes(duration + 15), form.getAfter());
    if (form.getDissociationScore() != null) {
      session.dissociation(form.getDissociationScale(), form.getDissociationScore());
    }
    if (form.getAdverseEvent() != null && !form.getAdverseEvent().isBlank()) {
      session.adverseEvent(form.getAdverseEvent(), form.getAdverseEventAction());
    }
    Integer[][] scores = form.scores();
    for (int i = 0; i < scores.length; i++) {
      if (scores[i][0] != null || scores[i][1] != null) {
        session.score(SessionForm.SCORED[i], scores[i][0], scores[i][1]);
      }
    }
    InfusionSession recorded = session.build();
    Bundle resources = mapper.toResources(recorded, new Reference("ServiceRequest/" + requestId),
        request.getSubject(), task.getOwner());
    validator.validate(resources);
    store.transaction(resources);
    sessions.save(requestId, recorded, clinician);
    log.info("Referral ServiceRequest/{}: session {} recorded by {}", requestId, number, clinician);
    return number;
  }

  private static void vitals(InfusionSession.Builder session, InfusionSession.VitalSigns.Phase phase,
      OffsetDateTime time, SessionForm.Vitals vitals) {
    if (vitals != null && !vitals.isEmpty()) {
      session.vitals(phase, time, vitals.getSystolic(), vitals.getDiastolic(), vitals.getHeartRate(),
          vitals.getSpo2(), vitals.getRespiratoryRate());
    }
  }

  Task task(String taskId) {
    return records.task(taskId).orElseThrow(() -> new ReferralNotFoundException(taskId));
  }

  ServiceRequest request(Task task) {
    return records.read(ServiceRequest.class, task.getFocus())
        .orElseThrow(() -> new ReferralNotFoundException(task.getIdElement().getIdPart()));
  }
}
