package org.referralbridge.translate.dirt;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where in a segment: "PID-3.4.2" is PID-3, first repetition, component 4, sub-component 2 (components and
 * sub-components count from 1, 0 meaning the whole; repetitions count from 0).
 */
record FieldPath(String segment, int field, int repetition, int component, int subComponent) {

  private static final Pattern PATH = Pattern.compile("([A-Z0-9]{3})-(\\d+)(?:\\.(\\d+)(?:\\.(\\d+))?)?");

  static FieldPath parse(String path) {
    Matcher m = PATH.matcher(path);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a field path: " + path);
    }
    return new FieldPath(m.group(1), Integer.parseInt(m.group(2)), 0,
        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
  }

  FieldPath inRepetition(int repetition) {
    return new FieldPath(segment, field, repetition, component, subComponent);
  }

  @Override
  public String toString() {
    return segment + "-" + field + (repetition > 0 ? "(" + (repetition + 1) + ")" : "")
        + (component > 0 ? "." + component : "") + (subComponent > 0 ? "." + subComponent : "");
  }
}
