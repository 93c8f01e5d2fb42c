package org.referralbridge.outbound.hl7;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.referralbridge.vocabulary.Ucum;

/**
 * One structured result of an infusion summary, one OBX of the ORU^R01.
 *
 * @param code OBX-3, e.g. {@code Code.loinc(Loinc.PHQ9_TOTAL)}
 * @param type OBX-2
 * @param number the value of an {@link ValueType#NM NM} result
 * @param text the value of an {@link ValueType#ST ST} result
 * @param coded the value of a {@link ValueType#CWE CWE} result
 * @param unit OBX-6, a UCUM unit such as {@code mg/kg}, {@code mm[Hg]} or {@code {score}}; may be null
 * @param referenceRange OBX-7, e.g. {@code 0-27}; may be null
 * @param abnormalFlag OBX-8 (table 0078), e.g. {@code H}; may be null
 * @param effective OBX-14, when it was observed; may be null (the summary's session time applies)
 */
public record Result(Code code, ValueType type, BigDecimal number, String text, Code coded, String unit,
    String referenceRange, String abnormalFlag, Instant effective) {

  /** OBX-2 value types this package writes. */
  public enum ValueType { NM, ST, CWE }

  public Result {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(type, "type");
    boolean valuePresent = switch (type) {
      case NM -> number != null && text == null && coded == null;
      case ST -> text != null && number == null && coded == null;
      case CWE -> coded != null && number == null && text == null;
    };
    if (!valuePresent) {
      throw new IllegalArgumentException("a " + type + " result needs exactly its own kind of value");
    }
  }

  /** A numeric result, e.g. {@code quantity(Code.loinc(Loinc.BODY_WEIGHT), new BigDecimal("72.4"), Ucum.KG, t)}. */
  public static Result quantity(Code code, BigDecimal value, Ucum unit, Instant effective) {
    return new Result(code, ValueType.NM, value, null, null, unit.code(), null, null, effective);
  }

  /** A text result. */
  public static Result text(Code code, String value, Instant effective) {
    return new Result(code, ValueType.ST, null, value, null, null, null, null, effective);
  }

  /** A coded result. */
  public static Result coded(Code code, Code value, Instant effective) {
    return new Result(code, ValueType.CWE, null, null, value, null, null, null, effective);
  }

  public Result withReferenceRange(String range) {
    return new Result(code, type, number, text, coded, unit, range, abnormalFlag, effective);
  }

  public Result withAbnormalFlag(String flag) {
    return new Result(code, type, number, text, coded, unit, referenceRange, flag, effective);
  }
}
