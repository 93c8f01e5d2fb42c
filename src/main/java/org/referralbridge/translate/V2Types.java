package org.referralbridge.translate;

import ca.uhn.hl7v2.model.Composite;
import ca.uhn.hl7v2.model.DataTypeException;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.Varies;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Generic helpers over HL7 v2 values: the text of a field or component, emptiness, and mapping every repeat. The
 * data type mappings after the HL7 v2-to-FHIR IG each have their own class: {@link CodedValues} (CWE),
 * {@link Names} (XPN), {@link Addresses} (XAD), {@link Telecoms} (XTN), {@link DateTimes} (DTM/DT); identifiers
 * (CX) need the identifier systems and live in {@link IdentifierSystems}. Plain static functions: null in, null (or
 * empty) out.
 */
final class V2Types {

  private V2Types() {}

  /** Trimmed text of a primitive, the first component of a composite, or null when empty. */
  static String text(Type type) {
    if (type == null) {
      return null;
    }
    try {
      if (type instanceof Varies varies) {
        return text(varies.getData());
      }
      if (type instanceof Primitive primitive) {
        return blankToNull(primitive.getValue());
      }
      if (type instanceof Composite composite) {
        return text(composite.getComponent(0));
      }
    } catch (DataTypeException e) {
      return null;
    }
    return null;
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  static boolean isEmpty(Type type) {
    try {
      return type == null || type.isEmpty();
    } catch (Exception e) {
      return true;
    }
  }

  /** The value in upper case (codes compared case-insensitively), or null. */
  static String upper(String value) {
    return value == null ? null : value.toUpperCase(Locale.ROOT);
  }

  /** All non-null results of mapping each element. */
  static <T, R> List<R> mapAll(T[] items, Function<T, R> mapper) {
    List<R> out = new ArrayList<>();
    if (items != null) {
      for (T item : items) {
        R mapped = mapper.apply(item);
        if (mapped != null) {
          out.add(mapped);
        }
      }
    }
    return out;
  }
}
