package org.referralbridge.translate.dirt;

import java.util.ArrayList;
import java.util.List;

/**
 * An HL7 v2 message as ER7 text, without HAPI: segments (split on CR, LF or CRLF), and fields, repetitions,
 * components and sub-components split by the message's own delimiters (MSH-1, MSH-2). Values are written in the
 * standard notation ({@code |^~\&}) and translated to the message's delimiters. Mutable; {@link #copy()} first.
 */
final class Er7Message {

  private static final String STANDARD = "^~\\&";

  private final String name;
  private final List<String> segments;

  private Er7Message(String name, List<String> segments) {
    this.name = name;
    this.segments = segments;
  }

  static Er7Message parse(String name, String text) {
    List<String> segments = new ArrayList<>();
    for (String segment : text.split("\r\n|\r|\n")) {
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
    }
    if (segments.isEmpty() || !segments.get(0).startsWith("MSH") || segments.get(0).length() < 8) {
      throw new IllegalArgumentException(name + " does not start with an MSH segment");
    }
    return new Er7Message(name, segments);
  }

  Er7Message copy() {
    return new Er7Message(name, new ArrayList<>(segments));
  }

  /** The base referral's name, e.g. "dg1-conditions-v251". */
  String name() {
    return name;
  }

  /** The segments joined by CR, with a CR after the last. */
  String render() {
    return String.join("\r", segments) + "\r";
  }

  int size() {
    return segments.size();
  }

  String segment(int index) {
    return segments.get(index);
  }

  /** The segment's name (its first three characters). */
  String nameOf(int index) {
    String segment = segments.get(index);
    return segment.length() < 3 ? segment : segment.substring(0, 3);
  }

  List<Integer> indexesOf(String segmentName) {
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      if (nameOf(i).equals(segmentName)) {
        indexes.add(i);
      }
    }
    return indexes;
  }

  boolean has(String segmentName) {
    return !indexesOf(segmentName).isEmpty();
  }

  void insert(int index, String segment) {
    segments.add(index, er7(segment));
  }

  String remove(int index) {
    return segments.remove(index);
  }

  void replace(int index, String segment) {
    segments.set(index, segment);
  }

  char fieldSeparator() {
    return segments.get(0).charAt(3);
  }

  /** MSH-2: component, repetition, escape and sub-component characters (and, from v2.7, truncation). */
  String encodingCharacters() {
    return split(segments.get(0), fieldSeparator()).get(1);
  }

  /** The number of fields of a segment (MSH counts MSH-1). */
  int fieldCount(int index) {
    int parts = split(segments.get(index), fieldSeparator()).size() - 1;
    return nameOf(index).equals("MSH") ? parts + 1 : parts;
  }

  /** The value at a path in a segment ("" when absent), in the message's own delimiters. */
  String get(int index, FieldPath path) {
    List<String> fields = split(segments.get(index), fieldSeparator());
    int f = fieldIndex(index, path.field());
    if (f >= fields.size()) {
      return "";
    }
    List<String> repetitions = split(fields.get(f), delimiter(1));
    if (path.repetition() >= repetitions.size()) {
      return "";
    }
    String value = repetitions.get(path.repetition());
    if (path.component() == 0) {
      return value;
    }
    List<String> components = split(value, delimiter(0));
    if (path.component() > components.size()) {
      return "";
    }
    value = components.get(path.component() - 1);
    if (path.subComponent() == 0) {
      return value;
    }
    List<String> subs = split(value, delimiter(3));
    return path.subComponent() > subs.size() ? "" : subs.get(path.subComponent() - 1);
  }

  String get(int index, String path) {
    return get(index, FieldPath.parse(path));
  }

  /** Sets the value at a path (written in standard notation), growing the segment as needed. */
  void set(int index, FieldPath path, String standardValue) {
    String value = er7(standardValue);
    List<String> fields = split(segments.get(index), fieldSeparator());
    int f = fieldIndex(index, path.field());
    grow(fields, f + 1);
    if (path.component() == 0 && path.repetition() == 0 && path.subComponent() == 0) {
      fields.set(f, value);
    } else {
      List<String> repetitions = split(fields.get(f), delimiter(1));
      grow(repetitions, path.repetition() + 1);
      String repetition = repetitions.get(path.repetition());
      if (path.component() == 0) {
        repetition = value;
      } else {
        List<String> components = split(repetition, delimiter(0));
        grow(components, path.component());
        String component = components.get(path.component() - 1);
        if (path.subComponent() == 0) {
          component = value;
        } else {
          List<String> subs = split(component, delimiter(3));
          grow(subs, path.subComponent());
          subs.set(path.subComponent() - 1, value);
          component = String.join(String.valueOf(delimiter(3)), subs);
        }
        components.set(path.component() - 1, component);
        repetition = String.join(String.valueOf(delimiter(0)), components);
      }
      repetitions.set(path.repetition(), repetition);
      fields.set(f, String.join(String.valueOf(delimiter(1)), repetitions));
    }
    segments.set(index, String.join(String.valueOf(fieldSeparator()), fields));
  }

  void set(int index, String path, String standardValue) {
    set(index, FieldPath.parse(path), standardValue);
  }

  /** A value in standard notation ({@code ^~\&}) in this message's delimiters. */
  String er7(String standardValue) {
    String own = encodingCharacters();
    if (own.startsWith(STANDARD) && fieldSeparator() == '|') {
      return standardValue;
    }
    StringBuilder out = new StringBuilder(standardValue.length());
    for (char c : standardValue.toCharArray()) {
      int at = STANDARD.indexOf(c);
      out.append(c == '|' ? fieldSeparator() : at >= 0 && at < own.length() ? own.charAt(at) : c);
    }
    return out.toString();
  }

  /** 0 component, 1 repetition, 2 escape, 3 sub-component. */
  private char delimiter(int which) {
    return encodingCharacters().charAt(which);
  }

  /** Position of field n in the split segment: MSH-1 is the separator itself, so MSH-n is at n - 1. */
  private int fieldIndex(int index, int field) {
    if (nameOf(index).equals("MSH")) {
      if (field < 3) {
        throw new IllegalArgumentException("MSH-1 and MSH-2 are the delimiters");
      }
      return field - 1;
    }
    return field;
  }

  private static void grow(List<String> parts, int size) {
    while (parts.size() < size) {
      parts.add("");
    }
  }

  static List<String> split(String text, char separator) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == separator) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }
}
