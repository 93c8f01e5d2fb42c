package org.referralbridge.outbound;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.referralbridge.infusion.InfusionSession;
import org.referralbridge.outbound.hl7.Code;
import org.referralbridge.outbound.hl7.OutboundCodes;
import org.referralbridge.outbound.hl7.Result;
import org.referralbridge.vocabulary.Loinc;
import org.referralbridge.vocabulary.Ucum;

/** A session's structured results for an ORU^R01 (and the MDM^T02's companion data): dose, vitals, scores. */
final class SummaryResults {

  private SummaryResults() {}

  static List<Result> of(InfusionSession session) {
    List<Result> results = new ArrayList<>();
    Instant start = session.start().toInstant();
    Instant end = session.end() == null ? start : session.end().toInstant();
    if (session.weightKg() != null) {
      results.add(Result.quantity(Code.loinc(Loinc.BODY_WEIGHT), session.weightKg(), Ucum.KG, start));
    }
    if (session.doseMg() != null) {
      results.add(Result.quantity(OutboundCodes.KETAMINE_DOSE, session.doseMg(), Ucum.MG, start));
      if (session.weightKg() != null && session.weightKg().signum() > 0) {
        results.add(Result.quantity(OutboundCodes.KETAMINE_DOSE_PER_KG,
            session.doseMg().divide(session.weightKg(), 2, RoundingMode.HALF_UP), Ucum.MG_PER_KG, start));
      }
    }
    for (InfusionSession.VitalSigns vitals : session.vitalSigns()) {
      Instant at = vitals.time() == null ? start : vitals.time().toInstant();
      add(results, Code.loinc(Loinc.SYSTOLIC_BP), vitals.systolic(), Ucum.MM_HG, at);
      add(results, Code.loinc(Loinc.DIASTOLIC_BP), vitals.diastolic(), Ucum.MM_HG, at);
      add(results, Code.loinc(Loinc.HEART_RATE), vitals.heartRate(), Ucum.PER_MIN, at);
      add(results, Code.loinc(Loinc.SPO2_PULSE_OXIMETRY), vitals.spo2(), Ucum.PERCENT, at);
      add(results, Code.loinc(Loinc.RESPIRATORY_RATE), vitals.respiratoryRate(), Ucum.PER_MIN, at);
    }
    if (session.dissociation() != null) {
      add(results, OutboundCodes.CADSS_TOTAL, session.dissociation().score(), Ucum.SCORE, end);
    }
    for (InfusionSession.ScorePair score : session.scores()) {
      Code code = switch (score.instrument()) {
        case PHQ9 -> Code.loinc(Loinc.PHQ9_TOTAL);
        case GAD7 -> Code.loinc(Loinc.GAD7_TOTAL);
        case PCL5 -> OutboundCodes.PCL5_TOTAL;
        case MADRS -> OutboundCodes.MADRS_TOTAL;
        case CSSRS -> null;
      };
      if (code != null) {
        add(results, code, score.pre(), Ucum.SCORE, start);
        add(results, code, score.post(), Ucum.SCORE, end);
      }
    }
    return results;
  }

  private static void add(List<Result> results, Code code, Integer value, Ucum unit, Instant at) {
    if (value != null) {
      results.add(Result.quantity(code, BigDecimal.valueOf(value), unit, at));
    }
  }
}
