package org.referralbridge.vocabulary;

import java.util.Optional;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;

/**
 * HL7 v2 table 0001, administrative sex (PID-8), and FHIR's AdministrativeGender for each code. The clinic writes
 * F, M, O and U; it reads the table's later codes too (A ambiguous, N not applicable, X), as FHIR "other".
 */
public enum AdministrativeSex implements Coded {
  FEMALE("F", AdministrativeGender.FEMALE),
  MALE("M", AdministrativeGender.MALE),
  OTHER("O", AdministrativeGender.OTHER),
  UNKNOWN("U", AdministrativeGender.UNKNOWN),
  AMBIGUOUS("A", AdministrativeGender.OTHER),
  NOT_APPLICABLE("N", AdministrativeGender.OTHER),
  X("X", AdministrativeGender.OTHER);

  private final String code;
  private final AdministrativeGender gender;

  AdministrativeSex(String code, AdministrativeGender gender) {
    this.code = code;
    this.gender = gender;
  }

  /** The value with this code, in any case and with surrounding blanks; empty for null or any other code. */
  public static Optional<AdministrativeSex> fromCode(String code) {
    return Coded.find(AdministrativeSex.class, code);
  }

  /** The code the clinic writes for a FHIR gender (F, M, O or U); empty for null and "null". */
  public static Optional<AdministrativeSex> of(AdministrativeGender gender) {
    if (gender == null) {
      return Optional.empty();
    }
    return switch (gender) {
      case FEMALE -> Optional.of(FEMALE);
      case MALE -> Optional.of(MALE);
      case OTHER -> Optional.of(OTHER);
      case UNKNOWN -> Optional.of(UNKNOWN);
      default -> Optional.empty();
    };
  }

  /** The table 0001 code, e.g. "F". */
  @Override
  public String code() {
    return code;
  }

  public AdministrativeGender gender() {
    return gender;
  }
}
