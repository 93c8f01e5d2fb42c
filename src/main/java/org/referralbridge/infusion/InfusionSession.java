package org.referralbridge.infusion;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a clinician records after one session of a ketamine series. Times carry the clinic's offset, as entered.
 * Required: session number (from 1), start and end, drug, route, weight and dose; everything else may be null or
 * empty. Scores outside an instrument's range are refused here (a typo, not a finding); dose plausibility is
 * {@link DoseCalculator}'s concern.
 *
 * @param sessionNumber number of this session in the series, 1 for the first
 * @param start when the drug was started
 * @param end when the infusion (or the monitoring of a non-IV dose) ended; see {@link Builder#durationMinutes}
 * @param weightKg weight the dose was calculated with
 * @param doseMg total dose given
 * @param vitalSigns time points before, during and after, in the order taken
 * @param dissociation peak dissociation rating, or null when not rated
 * @param adverseEvents adverse events and what was done; empty when none
 * @param scores outcome scores before and after this session
 * @param plan next session, maintenance, safety plan
 * @param notesForTherapist free text for the referring provider
 * @param dischargeCondition condition at discharge ("alert, oriented, ambulating without help")
 * @param escort who took the patient home ("spouse")
 * @param clinician who gave the session (name as it should appear to the referrer)
 */
public record InfusionSession(
    int sessionNumber,
    OffsetDateTime start,
    OffsetDateTime end,
    Drug drug,
    Route route,
    BigDecimal weightKg,
    BigDecimal doseMg,
    List<VitalSigns> vitalSigns,
    Dissociation dissociation,
    List<AdverseEvent> adverseEvents,
    List<ScorePair> scores,
    String plan,
    String notesForTherapist,
    String dischargeCondition,
    String escort,
    String clinician) {

  public InfusionSession {
    if (sessionNumber < 1) {
      throw new IllegalArgumentException("session number must be 1 or more, was " + sessionNumber);
    }
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("session ends before it starts");
    }
    Objects.requireNonNull(drug, "drug");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(weightKg, "weightKg");
    Objects.requireNonNull(doseMg, "doseMg");
    vitalSigns = vitalSigns == null ? List.of() : List.copyOf(vitalSigns);
    adverseEvents = adverseEvents == null ? List.of() : List.copyOf(adverseEvents);
    scores = scores == null ? List.of() : List.copyOf(scores);
    if (scores.stream().map(ScorePair::instrument).distinct().count() != scores.size()) {
      throw new IllegalArgumentException("one score pair per instrument");
    }
  }

  /** Whole minutes from start to end. */
  public long durationMinutes() {
    return Duration.between(start, end).toMinutes();
  }

  /** The scores of {@code instrument} in this session, if it was scored. */
  public Optional<ScorePair> score(Instrument instrument) {
    return scores.stream().filter(s -> s.instrument() == instrument).findFirst();
  }

  public static Builder builder(int sessionNumber, OffsetDateTime start) {
    return new Builder(sessionNumber, start);
  }

  /** Vital signs at one time point; any measurement may be null (not taken). */
  public record VitalSigns(Phase phase, OffsetDateTime time, Integer systolic, Integer diastolic, Integer heartRate,
      Integer spo2, Integer respiratoryRate) {

    public enum Phase {
      BEFORE("Before"), DURING("During"), AFTER("After");

      private final String label;

      Phase(String label) {
        this.label = label;
      }

      public String label() {
        return label;
      }
    }

    public VitalSigns {
      Objects.requireNonNull(phase, "phase");
      Objects.requireNonNull(time, "time");
      for (Integer value : new Integer[] {systolic, diastolic, heartRate, spo2, respiratoryRate}) {
        if (value != null && value < 0) {
          throw new IllegalArgumentException("vital signs cannot be negative");
        }
      }
      if (spo2 != null && spo2 > 100) {
        throw new IllegalArgumentException("SpO2 above 100%");
      }
    }
  }

  /** Peak dissociation on a rating scale. */
  public record Dissociation(DissociationScale scale, int score) {
    public Dissociation {
      Objects.requireNonNull(scale, "scale");
      checkRange(scale.label(), score, scale.maxScore());
    }
  }

  /** An adverse event ("nausea") and what was done about it ("ondansetron 4 mg IV, resolved"). */
  public record AdverseEvent(String description, String actionTaken) {
    public AdverseEvent {
      if (description == null || description.isBlank()) {
        throw new IllegalArgumentException("an adverse event needs a description");
      }
    }
  }

  /** An instrument's score before and after this session; one of the two may be null (not scored). */
  public record ScorePair(Instrument instrument, Integer pre, Integer post) {
    public ScorePair {
      Objects.requireNonNull(instrument, "instrument");
      if (pre == null && post == null) {
        throw new IllegalArgumentException(instrument.label() + ": neither a pre nor a post score");
      }
      if (pre != null) {
        checkRange(instrument.label(), pre, instrument.maxScore());
      }
      if (post != null) {
        checkRange(instrument.label(), post, instrument.maxScore());
      }
    }
  }

  private static void checkRange(String label, int score, Integer max) {
    if (score < 0 || (max != null && score > max)) {
      throw new IllegalArgumentException(label + " score must be between 0 and " + (max == null ? "its maximum" : max)
          + ", was " + score);
    }
  }

  /** Collects a session field by field (the web form, tests); {@link #build()} checks it. */
  public static final class Builder {
    private final int sessionNumber;
    private final OffsetDateTime start;
    private OffsetDateTime end;
    private Drug drug;
    private Route route;
    private BigDecimal weightKg;
    private BigDecimal doseMg;
    private final List<VitalSigns> vitalSigns = new ArrayList<>();
    private Dissociation dissociation;
    private final List<AdverseEvent> adverseEvents = new ArrayList<>();
    private final List<ScorePair> scores = new ArrayList<>();
    private String plan;
    private String notesForTherapist;
    private String dischargeCondition;
    private String escort;
    private String clinician;

    private Builder(int sessionNumber, OffsetDateTime start) {
      this.sessionNumber = sessionNumber;
      this.start = Objects.requireNonNull(start, "start");
    }

    public Builder end(OffsetDateTime end) {
      this.end = end;
      return this;
    }

    /** Sets the end to start plus {@code minutes}. */
    public Builder durationMinutes(int minutes) {
      if (minutes < 0) {
        throw new IllegalArgumentException("duration cannot be negative");
      }
      this.end = start.plusMinutes(minutes);
      return this;
    }

    public Builder drug(Drug drug, Route route) {
      this.drug = drug;
      this.route = route;
      return this;
    }

    public Builder dose(String doseMg, String weightKg) {
      return dose(new BigDecimal(doseMg), new BigDecimal(weightKg));
    }

    public Builder dose(BigDecimal doseMg, BigDecimal weightKg) {
      this.doseMg = doseMg;
      this.weightKg = weightKg;
      return this;
    }

    public Builder vitals(VitalSigns.Phase phase, OffsetDateTime time, Integer systolic, Integer diastolic,
        Integer heartRate, Integer spo2, Integer respiratoryRate) {
      vitalSigns.add(new VitalSigns(phase, time, systolic, diastolic, heartRate, spo2, respiratoryRate));
      return this;
    }

    public Builder dissociation(DissociationScale scale, int score) {
      this.dissociation = new Dissociation(scale, score);
      return this;
    }

    public Builder adverseEvent(String description, String actionTaken) {
      adverseEvents.add(new AdverseEvent(description, actionTaken));
      return this;
    }

    public Builder score(Instrument instrument, Integer pre, Integer post) {
      scores.add(new ScorePair(instrument, pre, post));
      return this;
    }

    public Builder plan(String plan) {
      this.plan = plan;
      return this;
    }

    public Builder notesForTherapist(String notes) {
      this.notesForTherapist = notes;
      return this;
    }

    public Builder discharge(String condition, String escort) {
      this.dischargeCondition = condition;
      this.escort = escort;
      return this;
    }

    public Builder clinician(String clinician) {
      this.clinician = clinician;
      return this;
    }

    public InfusionSession build() {
      return new InfusionSession(sessionNumber, start, end, drug, route, weightKg, doseMg, vitalSigns, dissociation,
          adverseEvents, scores, plan, notesForTherapist, dischargeCondition, escort, clinician);
    }
  }
}
