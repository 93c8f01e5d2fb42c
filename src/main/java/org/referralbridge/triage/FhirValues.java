package org.referralbridge.triage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/** Small readers of FHIR values shared by the rules. */
final class FhirValues {

  private FhirValues() {}

  /** {@code "Condition/12"} for a resource with an id, its {@code urn:uuid:} for a Bundle entry, else null. */
  static String reference(Resource resource) {
    if (resource == null || !resource.hasIdElement() || resource.getIdElement().isEmpty()) {
      return null;
    }
    String value = resource.getIdElement().getValue();
    if (value.startsWith("urn:")) {
      return value;
    }
    return resource.getIdElement().hasIdPart() ? resource.fhirType() + "/" + resource.getIdElement().getIdPart() : null;
  }

  /** The reference a {@link Reference} points to, in the form of {@link #reference(Resource)}. */
  static String target(Reference reference) {
    if (reference.getResource() instanceof Resource resource) {
      return reference(resource);
    }
    String value = reference.getReference();
    if (value == null || value.startsWith("urn:")) {
      return value;
    }
    return reference.getReferenceElement().toUnqualifiedVersionless().getValue();
  }

  /** Whether {@code concept} has a coding of {@code system} with {@code code}. */
  static boolean hasCode(CodeableConcept concept, String system, String code) {
    return concept != null && concept.getCoding().stream()
        .anyMatch(coding -> system.equals(coding.getSystem()) && code.equals(trim(coding.getCode())));
  }

  /** Whether {@code concept} has a coding whose code is in {@code codes} (any system). */
  static boolean hasAnyCode(CodeableConcept concept, Set<String> codes) {
    return concept != null && concept.getCoding().stream().anyMatch(coding -> in(codes, trim(coding.getCode())));
  }

  /** The text, and every coding display, of a concept: what name matching reads. */
  static Stream<String> texts(CodeableConcept concept) {
    if (concept == null) {
      return Stream.empty();
    }
    return Stream.concat(Stream.ofNullable(concept.getText()), concept.getCoding().stream().map(Coding::getDisplay))
        .filter(text -> text != null && !text.isBlank());
  }

  /** A readable name of a coded concept: its text, else the first coding display, else the first code. */
  static String label(CodeableConcept concept) {
    if (concept == null) {
      return null;
    }
    if (concept.hasText()) {
      return concept.getText();
    }
    return concept.getCoding().stream().map(Coding::getDisplay).filter(d -> d != null && !d.isBlank()).findFirst()
        .orElse(concept.getCoding().stream().map(Coding::getCode).filter(c -> c != null).findFirst().orElse(null));
  }

  /** The number in a value (Quantity, integer, decimal, or a string that is a number), or null. */
  static BigDecimal number(Type value) {
    if (value instanceof Quantity quantity && quantity.hasValue()) {
      return quantity.getValue();
    }
    if (value instanceof IntegerType integer && integer.getValue() != null) {
      return BigDecimal.valueOf(integer.getValue());
    }
    if (value instanceof DecimalType decimal && decimal.getValue() != null) {
      return decimal.getValue();
    }
    if (value instanceof StringType string && string.getValue() != null) {
      try {
        return new BigDecimal(string.getValue().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** A number as people write it: 172, 0.5, 6.25. */
  static String plain(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  /** The instant of a date/time value, or null. */
  static Instant instant(BaseDateTimeType value) {
    return value == null || value.getValue() == null ? null : value.getValue().toInstant();
  }

  /** The calendar date of a date/time value as the source wrote it (2026-11-10), or null. */
  static String date(BaseDateTimeType value) {
    if (value == null || value.getValueAsString() == null) {
      return null;
    }
    String text = value.getValueAsString();
    return text.length() > 10 ? text.substring(0, 10) : text;
  }

  /** Whether {@code value} is in {@code set}; false for null (the JDK's immutable sets refuse null). */
  static boolean in(Set<String> set, String value) {
    return value != null && set.contains(value);
  }

  /** {@code map.get(key)}, or null for a null key (the JDK's immutable maps refuse null). */
  static <V> V get(Map<String, V> map, String key) {
    return key == null ? null : map.get(key);
  }

  static String lower(String text) {
    return text == null ? null : text.trim().toLowerCase(Locale.ROOT);
  }

  static String trim(String text) {
    return text == null ? null : text.trim();
  }
}
