package org.referralbridge.infusion;

import java.time.OffsetDateTime;
import java.util.List;
import org.hl7.fhir.r4.model.Reference;
import org.referralbridge.infusion.InfusionSession.VitalSigns.Phase;

/**
 * A synthetic series of three racemic ketamine IV sessions (no real patient), shared by the infusion and summary
 * tests. Scores fall from a PHQ-9 of 22 and a MADRS of 34 at baseline to 8 and 12 after session 3 (responses); the
 * GAD-7 falls from 15 to 9 (no response); a C-SSRS is scored in session 1 only.
 */
public final class SampleSessions {

  public static final Reference REFERRAL = new Reference("ServiceRequest/77");
  public static final Reference PATIENT = new Reference("Patient/12");
  public static final Reference CLINIC = new Reference("Organization/3").setDisplay("Lakeside Ketamine Clinic");

  private SampleSessions() {}

  public static InfusionSession session1() {
    OffsetDateTime start = OffsetDateTime.parse("2026-11-03T09:00:00-08:00");
    return InfusionSession.builder(1, start)
        .durationMinutes(40)
        .drug(Drug.KETAMINE_RACEMIC, Route.IV)
        .dose("36", "72.0")
        .vitals(Phase.BEFORE, start.minusMinutes(10), 124, 80, 72, 98, 14)
        .vitals(Phase.DURING, start.plusMinutes(20), 136, 86, 78, 97, 14)
        .vitals(Phase.AFTER, start.plusMinutes(70), 122, 78, 70, 98, 14)
        .dissociation(DissociationScale.CADSS_6, 11)
        .score(Instrument.PHQ9, 22, 14)
        .score(Instrument.MADRS, 34, 22)
        .score(Instrument.GAD7, 15, 12)
        .score(Instrument.CSSRS, 2, 1)
        .plan("Session 2 on 2026-11-05.")
        .discharge("Alert and oriented, walking unaided", "Spouse")
        .clinician("Dr. Avery Sample, MD")
        .build();
  }

  public static InfusionSession session2() {
    OffsetDateTime start = OffsetDateTime.parse("2026-11-05T09:00:00-08:00");
    return InfusionSession.builder(2, start)
        .durationMinutes(40)
        .drug(Drug.KETAMINE_RACEMIC, Route.IV)
        .dose("36", "72.0")
        .vitals(Phase.BEFORE, start.minusMinutes(10), 126, 82, 74, 98, 14)
        .vitals(Phase.AFTER, start.plusMinutes(70), 120, 78, 70, 98, 14)
        .dissociation(DissociationScale.CADSS_6, 9)
        .score(Instrument.PHQ9, 16, 10)
        .score(Instrument.MADRS, 26, 16)
        .plan("Session 3 on 2026-11-10.")
        .discharge("Alert and oriented", "Spouse")
        .clinician("Dr. Avery Sample, MD")
        .build();
  }

  /** The session the summary tests report: every field filled, one adverse event, vitals at five time points. */
  public static InfusionSession session3() {
    OffsetDateTime start = OffsetDateTime.parse("2026-11-10T09:00:00-08:00");
    return InfusionSession.builder(3, start)
        .durationMinutes(40)
        .drug(Drug.KETAMINE_RACEMIC, Route.IV)
        .dose("36", "72.0")
        .vitals(Phase.BEFORE, start.minusMinutes(10), 128, 82, 74, 98, 14)
        .vitals(Phase.DURING, start.plusMinutes(10), 138, 88, 78, 97, 14)
        .vitals(Phase.DURING, start.plusMinutes(20), 144, 92, 80, 97, 13)
        .vitals(Phase.DURING, start.plusMinutes(30), 136, 86, 76, null, 14)
        .vitals(Phase.AFTER, start.plusMinutes(70), 124, 80, 72, 98, 14)
        .dissociation(DissociationScale.CADSS_6, 8)
        .adverseEvent("Nausea at 25 minutes", "Ondansetron 4 mg IV; resolved within 15 minutes")
        .score(Instrument.PHQ9, 12, 8)
        .score(Instrument.MADRS, 18, 12)
        .score(Instrument.GAD7, 11, 9)
        .plan("Session 4 on 2026-11-12, then maintenance to be discussed after session 6.")
        .notesForTherapist("Reports more energy and less rumination since session 2; please review the safety plan"
            + " at the next therapy visit.")
        .discharge("Alert and oriented, walking unaided", "Spouse")
        .clinician("Dr. Avery Sample, MD")
        .build();
  }

  public static List<InfusionSession> series() {
    return List.of(session1(), session2(), session3());
  }

  /** An intranasal esketamine session (56 mg), with nothing but the required fields and one score. */
  public static InfusionSession esketamine() {
    return InfusionSession.builder(1, OffsetDateTime.parse("2026-11-04T13:00:00-08:00"))
        .durationMinutes(120)
        .drug(Drug.ESKETAMINE, Route.INTRANASAL)
        .dose("56", "64.5")
        .score(Instrument.PHQ9, 19, null)
        .build();
  }
}
