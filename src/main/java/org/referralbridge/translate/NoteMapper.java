package org.referralbridge.translate;

import static org.referralbridge.translate.V2Types.text;

import ca.uhn.hl7v2.model.v28.segment.NTE;
import org.hl7.fhir.r4.model.Annotation;

/** Notes and comments (NTE) → Annotation, for the ServiceRequest and its Observations. */
final class NoteMapper {

  private NoteMapper() {}

  /** NTE-3 (repeats joined by line breaks) → Annotation; null for an NTE without text (Annotation.text is 1..1). */
  static Annotation note(NTE nte) {
    StringBuilder text = new StringBuilder();
    for (var line : nte.getComment()) {
      String value = text(line);
      if (value != null) {
        text.append(text.isEmpty() ? "" : "\n").append(value);
      }
    }
    return text.isEmpty() ? null : new Annotation().setText(text.toString());
  }
}
