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

/** A session's structured results for an ORU^R01 (and the MDM^T02's companion data): dose, vitals, scores. */
final class SummaryResults {

  private SummaryResults() {}

  static List<Result> of(InfusionSession session) {
    List<Result> results = new ArrayList<>();
    Instant start = session.start().toInstant();
    Instant end = session.end() == null ? start : session.end().toInstant();
    if (session.weightKg() != null) {
      results.add(Result.quantity(OutboundCodes.BODY_WEIGHT, session.weightKg(), OutboundCodes.UNIT_KG, start));
    }
    if (session.doseMg() != null) {
      results.add(Result.quantity(OutboundCodes.KETAMINE_DOSE, session.doseMg(), OutboundCodes.UNIT_MG, start));
      if (session.weightKg() != null && session.weightKg().signum() > 0) {
        results.add(Result.quantity(OutboundCodes.KETAMINE_DOSE_PER_KG,
            session.doseMg().divide(session.weightKg(), 2, RoundingMode.HALF_UP), OutboundCodes.UNIT_MG_PER_KG,
            start));
      }
    }
    for (InfusionSession.VitalSigns vitals : session.vitalSigns()) {
      Instant at = vitals.time() == null ? start : vitals.time().toInstant();
      add(results, OutboundCodes.SYSTOLIC_BP, vitals.systolic(), OutboundCodes.UNIT_MM_HG, at);
      add(results, OutboundCodes.DIASTOLIC_BP, vitals.diastolic(), OutboundCodes.UNIT_MM_HG, at);
      add(results, OutboundCodes.HEART_RATE, vitals.heartRate(), OutboundCodes.UNIT_PER_MIN, at);
      add(results, OutboundCodes.OXYGEN_SATURATION, vitals.spo2(), OutboundCodes.UNIT_PERCENT, at);
      add(results, OutboundCodes.RESPIRATORY_RATE, vitals.respiratoryRate(), OutboundCodes.UNIT_PER_MIN, at);
    }
    if (session.dissociation() != null) {
      add(results, OutboundCodes.CADSS_TOTAL, session.dissociation().score(), OutboundCodes.UNIT_SCORE, end);
    }
    for (InfusionSession.ScorePair score : session.scores()) {
      Code code = switch (score.instrument()) {
        case PHQ9 -> OutboundCodes.PHQ9_TOTAL;
        case GAD7 -> OutboundCodes.GAD7_TOTAL;
        case PCL5 -> OutboundCodes.PCL5_TOTAL;
        case MADRS -> OutboundCodes.MADRS_TOTAL;
        case CSSRS -> null;
      };
      if (code != null) {
        add(results, code, score.pre(), OutboundCodes.UNIT_SCORE, start);
        add(results, code, score.post(), OutboundCodes.UNIT_SCORE, end);
      }
    }
    return results;
  }

  private static void add(List<Result> results, Code code, Integer value, String unit, Instant at) {
    if (value != null) {
      results.add(Result.quantity(code, BigDecimal.valueOf(value), unit, at));
    }
  }
}
