package org.referralbridge.triage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.referralbridge.vocabulary.Loinc;

/**
 * The latest PHQ-9 item 9 above 0, the latest PHQ-9 total in the severe range (20 or more), a "Yes" in the latest
 * C-SSRS screen, a suicidal-ideation or suicide-attempt diagnosis (current or past), or a note (on an observation or
 * the referral) that mentions suicidal ideation: always a caution. It asks for a safety assessment; it is not a
 * contraindication.
 */
final class SuicidalityRule implements ScreeningRule {

  @Override
  public FlagKind kind() {
    return FlagKind.SUICIDALITY_SCREEN_POSITIVE;
  }

  @Override
  public List<Finding> findings(ReferralFacts facts) {
    List<Finding> findings = new ArrayList<>();
    Readings.latest(facts.observations(), Set.of(Loinc.PHQ9_ITEM9.code()), r -> phq9Score(r.value()) != null)
        .filter(reading -> phq9Score(reading.value()) > 0)
        .ifPresent(reading -> findings.add(Finding.of(Severity.CAUTION, reading.reference(),
            "PHQ-9 item 9 (thoughts of death or self-harm) score " + phq9Score(reading.value()) + reading.onDate())));
    Readings.latest(facts.observations(), Set.of(Loinc.PHQ9_TOTAL.code()), r -> FhirValues.number(r.value()) != null)
        .filter(reading -> FhirValues.number(reading.value()).intValue() >= ScreeningCodes.PHQ9_TOTAL_SEVERE)
        .ifPresent(reading -> findings.add(Finding.of(Severity.CAUTION, reading.reference(),
            "PHQ-9 total score " + FhirValues.number(reading.value()).intValue() + " (severe range, "
                + ScreeningCodes.PHQ9_TOTAL_SEVERE + " or more)" + reading.onDate())));
    Readings.latestObservation(facts.observations(), Set.of(Loinc.CSSRS_PANEL.code()))
        .ifPresent(screen -> findings.addAll(cssrs(screen, facts.observations())));
    findings.addAll(Diagnoses.findings(facts.conditions(), ScreeningCodes.SUICIDALITY, Diagnoses.Past.CAUTION));
    findings.addAll(notes(facts));
    return findings;
  }

  /** One finding per observation whose note mentions suicidality, and one for the referral's own notes. */
  private static List<Finding> notes(ReferralFacts facts) {
    List<Finding> findings = new ArrayList<>();
    for (Observation observation : facts.observations()) {
      if (Readings.counts(observation) && observation.getNote().stream()
          .anyMatch(note -> SuicidalityMentions.in(note.getText()))) {
        findings.add(Finding.of(Severity.CAUTION, FhirValues.reference(observation), "the note on "
            + name(observation.getCode()) + " mentions suicidal ideation or self-harm"));
      }
    }
    if (facts.notes().stream().anyMatch(SuicidalityMentions::in)) {
      findings.add(Finding.of(Severity.CAUTION, null, "the referral notes mention suicidal ideation or self-harm"));
    }
    return findings;
  }

  /** A number, or a LOINC answer (LA6568-5 … LA6571-9) as its score; null when neither. */
  private static Integer phq9Score(Type value) {
    BigDecimal number = FhirValues.number(value);
    if (number != null) {
      return number.intValue();
    }
    if (value instanceof CodeableConcept answer) {
      return answer.getCoding().stream()
          .map(c -> FhirValues.get(ScreeningCodes.PHQ9_ANSWER_SCORES, FhirValues.trim(c.getCode())))
          .filter(score -> score != null).findFirst().orElse(null);
    }
    return null;
  }

  /** A finding for the screen's own "Yes", each component answered "Yes", and each member Observation "Yes". */
  private static List<Finding> cssrs(Observation screen, List<Observation> observations) {
    List<Finding> findings = new ArrayList<>();
    String reference = FhirValues.reference(screen);
    String onDate = Readings.date(screen) != null ? " on " + Readings.date(screen) : " (date not recorded)";
    if (isYes(screen.getValue())) {
      findings.add(Finding.of(Severity.CAUTION, reference, "C-SSRS screen positive" + onDate));
    }
    for (Observation.ObservationComponentComponent component : screen.getComponent()) {
      if (isYes(component.getValue())) {
        findings.add(Finding.of(Severity.CAUTION, reference, "C-SSRS: \"Yes\" to " + question(component.getCode())
            + onDate));
      }
    }
    for (Reference member : screen.getHasMember()) {
      member(member, observations).filter(Readings::counts).filter(m -> isYes(m.getValue()))
          .ifPresent(m -> findings.add(Finding.of(Severity.CAUTION, FhirValues.reference(m),
              "C-SSRS: \"Yes\" to " + question(m.getCode())
                  + (Readings.date(m) != null ? " on " + Readings.date(m) : onDate))));
    }
    return findings;
  }

  private static Optional<Observation> member(Reference reference, List<Observation> observations) {
    if (reference.getResource() instanceof Observation observation) {
      return Optional.of(observation);
    }
    String target = FhirValues.target(reference);
    return target == null ? Optional.empty()
        : observations.stream().filter(o -> target.equals(FhirValues.reference(o))).findFirst();
  }

  /** The LOINC name of a known code, else what the sender called it. */
  private static String name(CodeableConcept code) {
    return code.getCoding().stream().map(c -> Loinc.fromCode(FhirValues.trim(c.getCode()))).flatMap(Optional::stream)
        .map(Loinc::display).findFirst().orElseGet(() -> question(code));
  }

  private static String question(CodeableConcept code) {
    String label = FhirValues.label(code);
    return label != null ? label : "a screening question";
  }

  /** LOINC answer LA33-6 ("Yes"), the text "yes", or true. */
  private static boolean isYes(Type value) {
    if (value instanceof CodeableConcept answer) {
      return FhirValues.hasAnyCode(answer, Set.of(Loinc.ANSWER_YES.code()));
    }
    if (value instanceof StringType text) {
      return "yes".equals(FhirValues.lower(text.getValue()));
    }
    return value instanceof BooleanType flag && Boolean.TRUE.equals(flag.getValue());
  }
}
