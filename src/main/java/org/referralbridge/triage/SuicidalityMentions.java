package org.referralbridge.triage;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a free-text note mentions suicidal ideation or a suicide attempt as present, e.g. "Recent passive suicidal
 * ideation, safety plan in place". A mention negated within its clause ("denies suicidal ideation", "no suicidal
 * thoughts", "negative for suicidality") does not count: clinicians write those as often as the positive ones. A
 * word list, not language understanding: the flag it raises informs staff, who read the note; it never decides.
 */
final class SuicidalityMentions {

  private static final Pattern MENTION = Pattern.compile(
      "\\b(suicid(?:e|al|ality)\\b|self[- ]harm\\w*|wish(?:es|ed)? to be dead|better off dead)");

  /** A negation in the same clause before the mention, at most a few words before it. */
  private static final Pattern NEGATED = Pattern.compile(
      "\\b(no|not|denies|denied|denying|without|negative for|never|nor|free of|ruled out)\\b(?:\\W+\\w+){0,4}\\W*$");

  /** Where a clause ends: what comes before these does not negate what comes after. */
  private static final Pattern CLAUSE_END = Pattern.compile("[.;:!?\\n]|\\bbut\\b|\\bhowever\\b");

  private SuicidalityMentions() {}

  static boolean in(String note) {
    if (note == null || note.isBlank()) {
      return false;
    }
    String text = note.toLowerCase(Locale.ROOT);
    Matcher mention = MENTION.matcher(text);
    while (mention.find()) {
      if (!NEGATED.matcher(clauseBefore(text, mention.start())).find()) {
        return true;
      }
    }
    return false;
  }

  private static String clauseBefore(String text, int end) {
    String before = text.substring(0, end);
    Matcher boundary = CLAUSE_END.matcher(before);
    int start = 0;
    while (boundary.find()) {
      start = boundary.end();
    }
    return before.substring(start);
  }
}
