package org.referralbridge.translate;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A sender's language (PID-15: HL7 table 0296, ISO 639-1/-2 codes in any case, a name such as "ENGLISH" or "Spanish",
 * or a tag like "en_US") → a BCP-47 tag FHIR accepts (Patient.communication.language is bound to BCP-47). Returns null
 * when the value is not recognisably a language; the caller keeps it as text.
 */
final class Languages {

  private static final Set<String> TWO_LETTER = Set.of(Locale.getISOLanguages());
  private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());
  private static final Pattern TAG = Pattern.compile("^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$");
  /** ISO 639-2 codes and English names (upper case) → ISO 639-1. */
  private static final Map<String, String> CODES = codes();

  private Languages() {}

  static String bcp47(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.trim();
    String byName = CODES.get(trimmed.toUpperCase(Locale.ROOT));
    if (byName != null) {
      return byName;
    }
    if (!TAG.matcher(trimmed).matches()) {
      return null;
    }
    String[] subtags = trimmed.split("[-_]");
    String language = CODES.getOrDefault(subtags[0].toUpperCase(Locale.ROOT), subtags[0].toLowerCase(Locale.ROOT));
    if (!TWO_LETTER.contains(language) && !knownThreeLetter(language)) {
      return null;
    }
    StringBuilder tag = new StringBuilder(language);
    for (int i = 1; i < subtags.length; i++) {
      String subtag = subtags[i];
      if (subtag.length() == 2 && REGIONS.contains(subtag.toUpperCase(Locale.ROOT))) {
        tag.append('-').append(subtag.toUpperCase(Locale.ROOT));
      } else if (subtag.length() == 4 && subtag.chars().allMatch(Character::isLetter)) {
        tag.append('-').append(Character.toUpperCase(subtag.charAt(0)))
            .append(subtag.substring(1).toLowerCase(Locale.ROOT));
      } else {
        return language; // an unknown region or variant: the language alone is still right
      }
    }
    return tag.toString();
  }

  /** A three-letter language without a two-letter code (e.g. "haw") that Java's locale data names. */
  private static boolean knownThreeLetter(String language) {
    return language.length() == 3
        && !Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH).equalsIgnoreCase(language);
  }

  private static Map<String, String> codes() {
    Map<String, String> codes = new HashMap<>();
    for (String twoLetter : Locale.getISOLanguages()) {
      Locale locale = Locale.forLanguageTag(twoLetter);
      codes.put(locale.getISO3Language().toUpperCase(Locale.ROOT), twoLetter);
      String name = locale.getDisplayLanguage(Locale.ENGLISH).toUpperCase(Locale.ROOT);
      if (!name.isEmpty() && !name.equalsIgnoreCase(twoLetter)) {
        codes.putIfAbsent(name, twoLetter);
      }
    }
    // ISO 639-2/B (bibliographic) codes that differ from the terminological ones Java knows, as HL7 table 0296 has them
    Map.of("ALB", "sq", "ARM", "hy", "BAQ", "eu", "BUR", "my", "CHI", "zh", "CZE", "cs", "DUT", "nl", "FRE", "fr",
        "GEO", "ka", "GER", "de").forEach(codes::put);
    Map.of("GRE", "el", "ICE", "is", "MAC", "mk", "MAO", "mi", "MAY", "ms", "PER", "fa", "RUM", "ro", "SLO", "sk",
        "TIB", "bo", "WEL", "cy").forEach(codes::put);
    // names senders write that Java's English display names do not match
    Map.of("CHINESE MANDARIN", "zh", "MANDARIN", "zh", "CANTONESE", "zh", "FARSI", "fa", "TAGALOG", "tl",
        "HAITIAN CREOLE", "ht", "CREOLE", "ht", "BURMESE", "my", "PUNJABI", "pa").forEach(codes::put);
    return Map.copyOf(codes);
  }
}
