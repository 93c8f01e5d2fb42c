package org.referralbridge.triage;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;

/** FHIR R4 test data for the screening tests, built with the model classes; every resource has an id. */
final class Fhir {

  static final String LOINC = "http://loinc.org";
  static final String SNOMED = "http://snomed.info/sct";
  static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
  static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  static final String UCUM = "http://unitsofmeasure.org";

  private Fhir() {}

  // --- facts and flags

  static ReferralFacts conditions(Condition... conditions) {
    return new ReferralFacts(null, List.of(conditions), null, null, null, null);
  }

  static ReferralFacts observations(Observation... observations) {
    return new ReferralFacts(null, null, List.of(observations), null, null, null);
  }

  static ReferralFacts medications(MedicationStatement... medications) {
    return new ReferralFacts(null, null, null, null, List.of(medications), null);
  }

  static ReferralFacts allergies(AllergyIntolerance... allergies) {
    return new ReferralFacts(null, null, null, List.of(allergies), null, null);
  }

  static ReferralFacts notes(String... notes) {
    return new ReferralFacts(null, null, null, null, null, List.of(notes));
  }

  /** The flag of {@code kind} that {@code facts} raise, if any. */
  static Optional<ScreeningFlag> flag(FlagKind kind, ReferralFacts facts) {
    return ScreeningRules.evaluate(facts).stream().filter(f -> f.kind() == kind).findFirst();
  }

  // --- conditions

  static Condition icd10(String id, String code, String display) {
    return condition(id, new Coding(ICD10CM, code, display));
  }

  static Condition snomed(String id, String code, String display) {
    return condition(id, new Coding(SNOMED, code, display));
  }

  static Condition condition(String id, Coding coding) {
    Condition condition = new Condition();
    condition.setId(id);
    condition.setClinicalStatus(clinicalStatus("active"));
    condition.setCode(new CodeableConcept().addCoding(coding));
    return condition;
  }

  static CodeableConcept clinicalStatus(String code) {
    return new CodeableConcept().addCoding(
        new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", code, null));
  }

  static CodeableConcept verificationStatus(String code) {
    return new CodeableConcept().addCoding(
        new Coding("http://terminology.hl7.org/CodeSystem/condition-ver-status", code, null));
  }

  // --- observations

  static Observation observation(String id, String loinc, String date, Type value) {
    Observation observation = new Observation();
    observation.setId(id);
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.setCode(new CodeableConcept().addCoding(new Coding(LOINC, loinc, null)));
    if (date != null) {
      observation.setEffective(new DateTimeType(date));
    }
    observation.setValue(value);
    return observation;
  }

  static Observation bloodPressure(String id, String date, int systolic, int diastolic) {
    Observation panel = observation(id, "85354-9", date, null);
    panel.addComponent().setCode(loinc("8480-6")).setValue(mmHg(systolic));
    panel.addComponent().setCode(loinc("8462-4")).setValue(mmHg(diastolic));
    return panel;
  }

  static Quantity mmHg(int value) {
    return new Quantity().setValue(value).setUnit("mmHg").setSystem(UCUM).setCode("mm[Hg]");
  }

  static CodeableConcept loinc(String code) {
    return new CodeableConcept().addCoding(new Coding(LOINC, code, null));
  }

  static CodeableConcept loinc(String code, String display) {
    return new CodeableConcept().addCoding(new Coding(LOINC, code, display));
  }

  static CodeableConcept coded(String system, String code, String display) {
    return new CodeableConcept().addCoding(new Coding(system, code, display));
  }

  // --- medications

  static MedicationStatement medication(String id, CodeableConcept medication, Dosage... dosages) {
    MedicationStatement statement = new MedicationStatement();
    statement.setId(id);
    statement.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
    statement.setMedication(medication);
    for (Dosage dosage : dosages) {
      statement.addDosage(dosage);
    }
    return statement;
  }

  static CodeableConcept rxnorm(String code, String display) {
    return coded(RXNORM, code, display);
  }

  /** {@code mg} mg, {@code frequency} times per {@code period} {@code unit} (UCUM: h, d, wk). */
  static Dosage dose(String mg, int frequency, int period, String unit) {
    Dosage dosage = new Dosage();
    dosage.addDoseAndRate().setDose(milligrams(mg));
    dosage.getTiming().getRepeat().setFrequency(frequency).setPeriod(period)
        .setPeriodUnit(org.hl7.fhir.r4.model.Timing.UnitsOfTime.fromCode(unit));
    return dosage;
  }

  static Quantity milligrams(String mg) {
    return new Quantity().setValue(new BigDecimal(mg)).setUnit("mg").setSystem(UCUM).setCode("mg");
  }

  // --- allergies

  static AllergyIntolerance allergy(String id, CodeableConcept code) {
    AllergyIntolerance allergy = new AllergyIntolerance();
    allergy.setId(id);
    allergy.setClinicalStatus(coded("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active",
        null));
    allergy.setCode(code);
    return allergy;
  }
}
