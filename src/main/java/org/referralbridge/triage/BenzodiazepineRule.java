package org.referralbridge.triage;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.referralbridge.triage.ScreeningCodes.Benzodiazepine;

/**
 * Benzodiazepines the patient takes (MedicationStatement active, intended or unknown): a caution when their daily
 * doses add up to at least {@link ScreeningCodes#LORAZEPAM_EQUIVALENT_MG_PER_DAY_CAUTION} mg lorazepam equivalents,
 * or when one's daily dose is unknown. A benzodiazepine named in the notes is a caution too; the evidence names the
 * drug only, never the note.
 */
final class BenzodiazepineRule implements ScreeningRule {

  private record Dosed(MedicationStatement statement, Benzodiazepine drug, BigDecimal mgPerDay,
      BigDecimal lorazepamMgPerDay) {}

  @Override
  public FlagKind kind() {
    return FlagKind.HIGH_BENZODIAZEPINE_USE;
  }

  @Override
  public List<Finding> findings(ReferralFacts facts) {
    List<Dosed> dosed = new ArrayList<>();
    List<Finding> unknownDose = new ArrayList<>();
    for (MedicationStatement statement : facts.medications()) {
      if (!isCurrent(statement)) {
        continue;
      }
      Optional<Benzodiazepine> drug = identify(statement);
      if (drug.isEmpty()) {
        continue;
      }
      Optional<BigDecimal> mgPerDay = DailyDose.mgPerDay(statement.getDosage());
      if (mgPerDay.isPresent()) {
        dosed.add(new Dosed(statement, drug.get(), mgPerDay.get(),
            mgPerDay.get().divide(drug.get().mgEqualToOneMgLorazepam, MathContext.DECIMAL64)));
      } else {
        unknownDose.add(Finding.of(Severity.CAUTION, FhirValues.reference(statement),
            capitalised(drug.get().genericName) + ", dose unknown"));
      }
    }
    List<Finding> findings = new ArrayList<>(highDose(dosed));
    findings.addAll(unknownDose);
    for (Benzodiazepine drug : Benzodiazepine.values()) {
      if (facts.notes().stream().anyMatch(note -> drug.name.matcher(note).find())) {
        findings.add(Finding.of(Severity.CAUTION, null, "mentioned in the referral notes: " + drug.genericName));
      }
    }
    return findings;
  }

  private static List<Finding> highDose(List<Dosed> dosed) {
    BigDecimal total = dosed.stream().map(Dosed::lorazepamMgPerDay).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (total.compareTo(ScreeningCodes.LORAZEPAM_EQUIVALENT_MG_PER_DAY_CAUTION) < 0) {
      return List.of();
    }
    String inTotal = dosed.size() > 1 ? " (" + mg(total) + " mg/day in total)" : "";
    return dosed.stream().map(d -> Finding.of(Severity.CAUTION, FhirValues.reference(d.statement()),
        capitalised(d.drug().genericName) + " " + mg(d.mgPerDay()) + " mg/day = " + mg(d.lorazepamMgPerDay())
            + " mg/day lorazepam equivalent" + inTotal)).toList();
  }

  private static boolean isCurrent(MedicationStatement statement) {
    return !statement.hasStatus() || ScreeningCodes.MEDICATION_CURRENT.contains(statement.getStatus().toCode());
  }

  /** By RxNorm ingredient code, else by generic or brand name in the medication's text, codings or reference. */
  static Optional<Benzodiazepine> identify(MedicationStatement statement) {
    CodeableConcept medication = medication(statement);
    for (Benzodiazepine drug : Benzodiazepine.values()) {
      if (FhirValues.hasCode(medication, ScreeningCodes.RXNORM, drug.rxnormIngredient)) {
        return Optional.of(drug);
      }
    }
    List<String> names = new ArrayList<>(FhirValues.texts(medication).toList());
    if (statement.hasMedicationReference() && statement.getMedicationReference().hasDisplay()) {
      names.add(statement.getMedicationReference().getDisplay());
    }
    for (Benzodiazepine drug : Benzodiazepine.values()) {
      if (names.stream().anyMatch(name -> drug.name.matcher(name).find())) {
        return Optional.of(drug);
      }
    }
    return Optional.empty();
  }

  /** medicationCodeableConcept, or the code of the referenced (resolved or contained) Medication. */
  private static CodeableConcept medication(MedicationStatement statement) {
    if (statement.hasMedicationCodeableConcept()) {
      return statement.getMedicationCodeableConcept();
    }
    if (!statement.hasMedicationReference()) {
      return null;
    }
    Reference reference = statement.getMedicationReference();
    if (reference.getResource() instanceof Medication medication) {
      return medication.getCode();
    }
    String target = reference.getReference();
    if (target != null && target.startsWith("#")) {
      for (Resource contained : statement.getContained()) {
        String id = contained.getIdElement().getIdPart();
        if (contained instanceof Medication medication && id != null
            && target.substring(1).equals(id.startsWith("#") ? id.substring(1) : id)) {
          return medication.getCode();
        }
      }
    }
    return null;
  }

  private static String mg(BigDecimal value) {
    return FhirValues.plain(value.setScale(2, RoundingMode.HALF_UP));
  }

  private static String capitalised(String name) {
    return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }
}
