package org.referralbridge.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A set of ICD-10 codes written as patterns: {@code "I10-I16"} is a range of three-character categories (inclusive,
 * every code below them too), {@code "F31.2"} or {@code "Z34"} a code and every code below it. Codes compare without
 * dots and case, so senders that write {@code F209} and {@code F20.9} match alike.
 */
final class IcdCodes {

  private final List<String> prefixes = new ArrayList<>();
  private final List<String[]> categoryRanges = new ArrayList<>();

  private IcdCodes(String... patterns) {
    for (String pattern : patterns) {
      int dash = pattern.indexOf('-');
      if (dash > 0) {
        String from = normalise(pattern.substring(0, dash));
        String to = normalise(pattern.substring(dash + 1));
        if (from.length() != 3 || to.length() != 3 || from.charAt(0) != to.charAt(0)) {
          throw new IllegalArgumentException("a range is of categories of one letter: " + pattern);
        }
        categoryRanges.add(new String[] {from, to});
      } else {
        prefixes.add(normalise(pattern));
      }
    }
  }

  static IcdCodes of(String... patterns) {
    return new IcdCodes(patterns);
  }

  /** Upper case, without dots and blanks; null for null. */
  static String normalise(String code) {
    return code == null ? null : code.replace(".", "").replace(" ", "").trim().toUpperCase(Locale.ROOT);
  }

  /** The code as people read it: a dot after the category ({@code F209} → {@code F20.9}). */
  static String display(String code) {
    String normalised = normalise(code);
    return normalised.length() > 3 ? normalised.substring(0, 3) + "." + normalised.substring(3) : normalised;
  }

  boolean matches(String code) {
    String normalised = normalise(code);
    if (normalised == null || normalised.length() < 3) {
      return false;
    }
    for (String prefix : prefixes) {
      if (normalised.startsWith(prefix)) {
        return true;
      }
    }
    String category = normalised.substring(0, 3);
    for (String[] range : categoryRanges) {
      if (category.charAt(0) == range[0].charAt(0) && category.compareTo(range[0]) >= 0
          && category.compareTo(range[1]) <= 0) {
        return true;
      }
    }
    return false;
  }
}
