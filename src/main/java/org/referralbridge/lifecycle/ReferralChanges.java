package org.referralbridge.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Type;

/**
 * What a referrer's modification (REF^I13) changed, in words for staff: the referral's own fields (priority,
 * reasons, notes, requested treatments, expiry) and its parts (diagnoses, observations, allergies) added or with
 * new values. A pure function of the resources it is given. Its text is shown to staff and sent back to the
 * referrer; it is never logged.
 */
final class ReferralChanges {

  private ReferralChanges() {}

  /** The changes to the referral's own fields, e.g. "priority: routine → urgent". */
  static List<String> ofRequest(ServiceRequest before, ServiceRequest after) {
    List<String> changes = new ArrayList<>();
    compare(changes, "priority", before.getPriority() == null ? "routine" : before.getPriority().toCode(),
        after.getPriority() == null ? "routine" : after.getPriority().toCode());
    compare(changes, "reasons", concepts(before.getReasonCode()), concepts(after.getReasonCode()));
    compare(changes, "notes", before.getNote().stream().map(Annotation::getText).collect(Collectors.joining(" / ")),
        after.getNote().stream().map(Annotation::getText).collect(Collectors.joining(" / ")));
    compare(changes, "requested treatments", value(before.getQuantity()), value(after.getQuantity()));
    compare(changes, "expires", before.hasOccurrencePeriod() ? before.getOccurrencePeriod().getEndElement()
        .getValueAsString() : "", after.hasOccurrencePeriod() ? after.getOccurrencePeriod().getEndElement()
        .getValueAsString() : "");
    return changes;
  }

  /**
   * The change to one part of the referral (a diagnosis, an observation, an allergy): "added: …" when it had none,
   * "… → …" when its summary differs, nothing when it is the same or not a part this knows.
   */
  static List<String> ofPart(Resource before, Resource after) {
    String now = summary(after);
    if (now == null) {
      return List.of();
    }
    if (before == null) {
      return List.of("added: " + now);
    }
    String was = summary(before);
    return Objects.equals(was, now) ? List.of() : List.of(was + " → " + now);
  }

  /** A part in a few words: what it is and, for an observation, its value; null for other resources. */
  static String summary(Resource resource) {
    if (resource instanceof Observation observation) {
      return "observation " + concept(observation.getCode()) + " " + value(observation.getValue());
    }
    if (resource instanceof Condition condition) {
      return "diagnosis " + concept(condition.getCode());
    }
    if (resource instanceof AllergyIntolerance allergy) {
      return "allergy " + concept(allergy.getCode());
    }
    return null;
  }

  private static void compare(List<String> changes, String field, String before, String after) {
    if (!Objects.equals(blankToEmpty(before), blankToEmpty(after))) {
      changes.add(field + ": " + shown(before) + " → " + shown(after));
    }
  }

  private static String concepts(List<CodeableConcept> concepts) {
    return concepts.stream().map(ReferralChanges::concept).collect(Collectors.joining(", "));
  }

  private static String concept(CodeableConcept concept) {
    if (concept == null) {
      return "";
    }
    if (concept.hasText()) {
      return concept.getText();
    }
    return concept.getCoding().stream().map(ReferralChanges::coding).collect(Collectors.joining(", "));
  }

  private static String coding(Coding coding) {
    return coding.hasDisplay() ? coding.getDisplay() : coding.getCode();
  }

  private static String value(Type value) {
    if (value instanceof Quantity quantity) {
      return quantity(quantity);
    }
    if (value instanceof CodeableConcept concept) {
      return concept(concept);
    }
    return value == null || !value.isPrimitive() ? "" : value.primitiveValue();
  }

  private static String quantity(Quantity quantity) {
    if (quantity == null || !quantity.hasValue()) {
      return "";
    }
    return quantity.getValue().stripTrailingZeros().toPlainString()
        + (quantity.hasUnit() ? " " + quantity.getUnit() : "");
  }

  private static String blankToEmpty(String value) {
    return value == null ? "" : value.strip();
  }

  private static String shown(String value) {
    return value == null || value.isBlank() ? "(none)" : value.strip();
  }
}
