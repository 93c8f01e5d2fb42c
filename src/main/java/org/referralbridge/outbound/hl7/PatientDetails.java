package org.referralbridge.outbound.hl7;

import java.util.List;
import java.util.Objects;
import org.referralbridge.vocabulary.AdministrativeSex;

/**
 * The patient as PID: identifiers with their assigning authority (PID-3, in order; at least one), name (PID-5),
 * birth date (PID-7) and administrative sex (PID-8).
 *
 * @param birthDate ISO 8601 date at the precision known: {@code 1988}, {@code 1988-02} or {@code 1988-02-14};
 *     may be null
 * @param sex may be null (PID-8 left empty)
 */
public record PatientDetails(List<AssignedId> identifiers, PersonName name, String birthDate,
    AdministrativeSex sex) {

  private static final String ISO_DATE = "\\d{4}(-\\d{2}(-\\d{2})?)?";

  public PatientDetails {
    identifiers = List.copyOf(Objects.requireNonNull(identifiers, "identifiers"));
    if (identifiers.isEmpty()) {
      throw new IllegalArgumentException("a patient needs at least one identifier (PID-3)");
    }
    if (birthDate != null && !birthDate.matches(ISO_DATE)) {
      throw new IllegalArgumentException("birth date must be YYYY, YYYY-MM or YYYY-MM-DD");
    }
  }

  @Override
  public String toString() {
    return "PatientDetails[" + identifiers.size() + " identifier(s), details redacted]";
  }
}
