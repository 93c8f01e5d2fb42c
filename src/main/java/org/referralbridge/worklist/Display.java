package org.referralbridge.worklist;

import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;

/** How FHIR values read on the staff pages. */
final class Display {

  private Display() {}

  static String name(HumanName name) {
    if (name == null || name.isEmpty()) {
      return "";
    }
    String given = name.getGiven().stream().map(g -> g.getValue()).collect(Collectors.joining(" "));
    String prefix = name.getPrefix().stream().map(p -> p.getValue()).collect(Collectors.joining(" "));
    String suffix = name.getSuffix().stream().map(s -> s.getValue()).collect(Collectors.joining(", "));
    String family = name.getFamily() == null ? "" : name.getFamily();
    String full = (prefix.isEmpty() ? "" : prefix + " ") + (given.isEmpty() ? "" : given + " ") + family;
    return (suffix.isEmpty() ? full : full + ", " + suffix).trim();
  }

  static String patient(Patient patient) {
    if (patient == null) {
      return "(unknown patient)";
    }
    String name = patient.hasName() ? name(patient.getNameFirstRep()) : "(no name)";
    return patient.hasBirthDate() ? name + " (born " + patient.getBirthDateElement().getValueAsString() + ")" : name;
  }

  static String practitioner(Practitioner practitioner) {
    return practitioner == null || !practitioner.hasName() ? "" : name(practitioner.getNameFirstRep());
  }

  static String organization(Organization organization) {
    return organization == null || organization.getName() == null ? "" : organization.getName();
  }

  static String concept(CodeableConcept concept) {
    if (concept == null || concept.isEmpty()) {
      return "";
    }
    if (concept.hasText()) {
      return concept.getText();
    }
    return concept.getCoding().stream()
        .map(c -> c.hasDisplay() ? c.getDisplay() : c.getCode())
        .collect(Collectors.joining(" / "));
  }

  static String value(Type value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Quantity q) {
      String unit = q.hasUnit() ? q.getUnit() : q.getCode();
      return q.getValue().toPlainString() + (unit == null || unit.startsWith("{") ? "" : " " + unit);
    }
    if (value instanceof CodeableConcept c) {
      return concept(c);
    }
    return value.primitiveValue() == null ? "" : value.primitiveValue();
  }
}
