package org.referralbridge.infusion;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.referralbridge.infusion.InfusionSession.VitalSigns;
import org.referralbridge.vocabulary.Loinc;
import org.referralbridge.vocabulary.Ucum;

/**
 * One recorded session → a FHIR R4 transaction Bundle (conditional creates, name-based fullUrls; see
 * {@link SessionEntries}), in this order:
 *
 * <ol>
 *   <li>Procedure (profile infusion-procedure): the session, based on the referral, performed over its period;
 *       plan as followUp, notes for the therapist and discharge as notes;
 *   <li>MedicationAdministration: drug (RxNorm), route (SNOMED CT), dose in mg, mg/kg and duration as text; part of
 *       the Procedure; performed by the clinician (by name: its performer may not be an Organization);
 *   <li>Observations, each part of the Procedure, based on the referral: body weight; vital signs per time point
 *       (BP panel, heart rate, SpO2, respiratory rate); the dissociation score; pre and post scores per instrument;
 *       one per adverse event.
 * </ol>
 *
 * <p>Adverse events are Observations (code {@code adverse-event}, the event as value, the action taken as a note),
 * not R4 AdverseEvent resources: R4 AdverseEvent has nowhere for the action taken without an extension, is at
 * maturity 0, and few referrers' systems accept it. Plain Java, no I/O.
 */
public final class InfusionSessionMapper {

  private static final DateTimeFormatter FHIR_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

  /**
   * @param serviceRequest the referral: a literal reference, or a logical one (identifier) where the ServiceRequest
   *     is not in the same Bundle; it seeds the fullUrls together with the session number
   * @param patient the subject of every resource
   * @param performer who gave the session (the clinic Organization, a PractitionerRole, ...)
   * @return a transaction Bundle, Procedure first
   * @throws InvalidDoseException when the dose or weight is refused by {@link DoseCalculator}
   */
  public Bundle toResources(InfusionSession session, Reference serviceRequest, Reference patient,
      Reference performer) {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(patient, "patient");
    Objects.requireNonNull(performer, "performer");
    DoseCheck dose = DoseCalculator.check(session.drug(), session.route(), session.doseMg(), session.weightKg());
    SessionEntries entries = new SessionEntries(serviceRequest, session.sessionNumber());
    Links links = new Links(serviceRequest, patient, performer,
        entries.add(procedure(session, serviceRequest, patient, performer), "procedure"));

    entries.add(medicationAdministration(session, dose, links), "medication");
    entries.add(observation(links, InfusionCodes.CATEGORY_VITAL_SIGNS,
        loinc(Loinc.BODY_WEIGHT), dateTime(session.start()))
        .setValue(quantity(session.weightKg(), Ucum.KG)), "weight");
    List<VitalSigns> vitals = session.vitalSigns();
    for (int i = 0; i < vitals.size(); i++) {
      addVitals(vitals.get(i), "vitals/" + i + "/", links, entries);
    }
    if (session.dissociation() != null) {
      InfusionSession.Dissociation d = session.dissociation();
      entries.add(observation(links, InfusionCodes.CATEGORY_SURVEY,
          project(d.scale().code(), d.scale().display()), period(session))
          .setValue(new IntegerType(d.score())), "dissociation");
    }
    for (InfusionSession.ScorePair pair : session.scores()) {
      Instrument instrument = pair.instrument();
      if (pair.pre() != null) {
        Observation pre = observation(links, InfusionCodes.CATEGORY_SURVEY, instrumentCode(instrument),
            dateTime(session.start())).setValue(new IntegerType(pair.pre()));
        pre.addNote().setText("Before the session");
        entries.add(pre, "score/" + instrument.name() + "/pre");
      }
      if (pair.post() != null) {
        Observation post = observation(links, InfusionCodes.CATEGORY_SURVEY, instrumentCode(instrument),
            dateTime(session.end())).setValue(new IntegerType(pair.post()));
        post.addNote().setText("After the session");
        entries.add(post, "score/" + instrument.name() + "/post");
      }
    }
    List<InfusionSession.AdverseEvent> events = session.adverseEvents();
    for (int i = 0; i < events.size(); i++) {
      InfusionSession.AdverseEvent event = events.get(i);
      Observation observation = observation(links, null,
          project(InfusionCodes.PROJECT_ADVERSE_EVENT, InfusionCodes.PROJECT_ADVERSE_EVENT_DISPLAY), period(session))
          .setValue(new StringType(event.description()));
      if (hasText(event.actionTaken())) {
        observation.addNote().setText("Action taken: " + event.actionTaken());
      }
      entries.add(observation, "adverse-event/" + i);
    }
    return entries.bundle();
  }

  /** "36 mg (0.50 mg/kg at 72.5 kg) IV over 40 min": the dose line of the MedicationAdministration and summaries. */
  public static String doseText(InfusionSession session, DoseCheck dose) {
    return session.doseMg().toPlainString() + " mg (" + dose.mgPerKg().toPlainString() + " mg/kg at "
        + session.weightKg().toPlainString() + " kg) " + session.route().abbreviation() + " over "
        + session.durationMinutes() + " min";
  }

  private record Links(Reference serviceRequest, Reference patient, Reference performer, Reference procedure) {}

  private static Procedure procedure(InfusionSession session, Reference serviceRequest, Reference patient,
      Reference performer) {
    Procedure procedure = new Procedure();
    procedure.getMeta().addProfile(InfusionCodes.PROFILE_INFUSION_PROCEDURE);
    procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
    procedure.setCode(project(InfusionCodes.PROJECT_KETAMINE_INFUSION,
        InfusionCodes.PROJECT_KETAMINE_INFUSION_DISPLAY));
    procedure.setSubject(patient.copy());
    procedure.addBasedOn(serviceRequest.copy());
    procedure.setPerformed(period(session));
    procedure.addPerformer().setActor(performer.copy());
    if (hasText(session.clinician())) {
      procedure.addPerformer().setActor(new Reference().setDisplay(session.clinician()))
          .setFunction(new CodeableConcept().setText("Treating clinician"));
    }
    if (hasText(session.plan())) {
      procedure.addFollowUp().setText(session.plan());
    }
    if (hasText(session.notesForTherapist())) {
      note(procedure, session, "Notes for the therapist: " + session.notesForTherapist());
    }
    String discharge = dischargeText(session);
    if (discharge != null) {
      note(procedure, session, discharge);
    }
    return procedure;
  }

  /** "Discharge: alert and oriented; escort: spouse", or null when neither was recorded. */
  public static String dischargeText(InfusionSession session) {
    boolean condition = hasText(session.dischargeCondition());
    boolean escort = hasText(session.escort());
    if (!condition && !escort) {
      return null;
    }
    return "Discharge: " + (condition ? session.dischargeCondition() : "condition not recorded")
        + "; escort: " + (escort ? session.escort() : "not recorded");
  }

  private static void note(Procedure procedure, InfusionSession session, String text) {
    Annotation note = procedure.addNote().setText(text).setTimeElement(dateTime(session.end()));
    if (hasText(session.clinician())) {
      note.setAuthor(new StringType(session.clinician()));
    }
  }

  private static MedicationAdministration medicationAdministration(InfusionSession session, DoseCheck dose,
      Links links) {
    MedicationAdministration administration = new MedicationAdministration();
    administration.setStatus(MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
    administration.setMedication(new CodeableConcept(new Coding(InfusionCodes.RXNORM, session.drug().rxNorm(), null))
        .setText(session.drug().label()));
    administration.setSubject(links.patient().copy());
    administration.addPartOf(links.procedure().copy());
    administration.setEffective(period(session));
    if (hasText(session.clinician())) {
      // MedicationAdministration.performer cannot be an Organization (the usual performer here): the clinician only
      administration.addPerformer().setActor(new Reference().setDisplay(session.clinician()));
    }
    Route route = session.route();
    administration.getDosage()
        .setText(doseText(session, dose))
        .setRoute(new CodeableConcept(new Coding(InfusionCodes.SNOMED, route.snomed(), route.snomedDisplay()))
            .setText(route.label()))
        .setDose(quantity(session.doseMg(), Ucum.MG));
    return administration;
  }

  private static void addVitals(VitalSigns v, String key, Links links, SessionEntries entries) {
    DateTimeType time = dateTime(v.time());
    if (v.systolic() != null || v.diastolic() != null) {
      Observation bp = observation(links, InfusionCodes.CATEGORY_VITAL_SIGNS,
          loinc(Loinc.BP_PANEL), time);
      bpComponent(bp, Loinc.SYSTOLIC_BP, v.systolic());
      bpComponent(bp, Loinc.DIASTOLIC_BP, v.diastolic());
      entries.add(bp, key + "bp");
    }
    if (v.heartRate() != null) {
      entries.add(observation(links, InfusionCodes.CATEGORY_VITAL_SIGNS,
          loinc(Loinc.HEART_RATE), time)
          .setValue(quantity(v.heartRate(), Ucum.PER_MIN)), key + "heart-rate");
    }
    if (v.spo2() != null) {
      CodeableConcept code = loinc(Loinc.OXYGEN_SATURATION);
      code.addCoding(Loinc.SPO2_PULSE_OXIMETRY.coding());
      entries.add(observation(links, InfusionCodes.CATEGORY_VITAL_SIGNS, code, time)
          .setValue(quantity(v.spo2(), Ucum.PERCENT)), key + "spo2");
    }
    if (v.respiratoryRate() != null) {
      entries.add(observation(links, InfusionCodes.CATEGORY_VITAL_SIGNS,
          loinc(Loinc.RESPIRATORY_RATE), time)
          .setValue(quantity(v.respiratoryRate(), Ucum.PER_MIN)), key + "respiratory-rate");
    }
  }

  private static void bpComponent(Observation bp, Loinc code, Integer value) {
    Observation.ObservationComponentComponent component = bp.addComponent().setCode(loinc(code));
    if (value != null) {
      component.setValue(quantity(value, Ucum.MM_HG));
    } else {
      component.setDataAbsentReason(new CodeableConcept(new Coding(
          InfusionCodes.DATA_ABSENT_REASON, "not-performed", "Not Performed")));
    }
  }

  /** An Observation of this session: final, part of the Procedure, based on the referral. */
  private static Observation observation(Links links, String category, CodeableConcept code,
      Type effective) {
    Observation observation = new Observation();
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.addBasedOn(links.serviceRequest().copy());
    observation.addPartOf(links.procedure().copy());
    if (category != null) {
      observation.addCategory(new CodeableConcept(new Coding(InfusionCodes.OBSERVATION_CATEGORY, category,
          InfusionCodes.CATEGORY_VITAL_SIGNS.equals(category) ? "Vital Signs" : "Survey")));
    }
    observation.setCode(code);
    observation.setSubject(links.patient().copy());
    observation.setEffective(effective);
    observation.addPerformer(links.performer().copy());
    return observation;
  }

  private static CodeableConcept instrumentCode(Instrument instrument) {
    if (instrument.isProjectCode()) {
      return project(instrument.code(), instrument.text());
    }
    // LOINC long names were not confirmed: the coding carries no display, the text says what it is
    return new CodeableConcept(new Coding(instrument.system(), instrument.code(), null)).setText(instrument.text());
  }

  private static CodeableConcept loinc(Loinc code) {
    return new CodeableConcept(code.coding()).setText(code.display());
  }

  private static CodeableConcept project(String code, String display) {
    return new CodeableConcept(new Coding(InfusionCodes.INSTRUMENTS, code, display)).setText(display);
  }

  private static Quantity quantity(BigDecimal value, Ucum unit) {
    return new Quantity().setValue(value).setUnit(unit.code()).setSystem(InfusionCodes.UCUM).setCode(unit.code());
  }

  private static Quantity quantity(int value, Ucum ucum) {
    return quantity(BigDecimal.valueOf(value), ucum);
  }

  private static Period period(InfusionSession session) {
    return new Period().setStartElement(dateTime(session.start())).setEndElement(dateTime(session.end()));
  }

  /** A FHIR dateTime to the second, with the offset the time was entered with. */
  static DateTimeType dateTime(OffsetDateTime time) {
    return new DateTimeType(FHIR_DATE_TIME.format(time));
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }
}
