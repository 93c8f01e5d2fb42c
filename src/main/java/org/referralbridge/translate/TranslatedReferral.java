package org.referralbridge.translate;

import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Task;

/**
 * A referral as FHIR: the transaction Bundle to write and the notes on what was downgraded on the way (the
 * validation step may add to them when it repairs the Bundle).
 */
public record TranslatedReferral(Bundle bundle, DataQuality quality) {

  /**
   * Writes the data-quality notes on the referral's Task (author {@link DataQuality#AUTHOR}), so they stay with the
   * referral in the FHIR store, where staff see them, after the message store's retention has cleared the message.
   */
  public void noteOnTask() {
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      if (entry.getResource() instanceof Task task) {
        for (DataQuality.Note note : quality.notes()) {
          task.addNote(new Annotation().setText(DataQuality.describe(note)).setAuthor(
              new org.hl7.fhir.r4.model.StringType(DataQuality.AUTHOR)));
        }
      }
    }
  }
}
