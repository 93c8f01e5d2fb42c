package org.referralbridge.translate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * The data-quality notes of one referral: each value that was downgraded (a code kept as text, a date left out, an
 * element removed so that the rest validates), with where it was in FHIR and in the v2 message. Kept with the message
 * and shown to staff; never logged (a note may quote the value as sent).
 */
public final class DataQuality {

  /** Author of the data-quality notes written on the referral's Task, so that pages can tell them apart. */
  public static final String AUTHOR = "ReferralBridge data-quality check";

  /**
   * One downgrade.
   *
   * @param expression the FHIRPath of the element it concerns (e.g. {@code Patient.identifier[0].type}), or null
   * @param v2Location where the value was in the v2 message (e.g. {@code PID-3.5}), or null when not known
   * @param text what was done, in plain words for staff
   */
  public record Note(String expression, String v2Location, String text) {}

  private final List<Note> notes = new ArrayList<>();

  public void note(String expression, String v2Location, String text) {
    notes.add(new Note(expression, v2Location, text));
  }

  /** An element the repairing validation removed so that the Bundle validates; {@code reason} is the validator's. */
  public void noteRemoved(String expression, String reason) {
    note(expression, null, "left out so that the referral validates: " + reason);
  }

  public List<Note> notes() {
    return Collections.unmodifiableList(notes);
  }

  public boolean isEmpty() {
    return notes.isEmpty();
  }

  /** Each note as plain text for staff: where it was in the message, what was done. */
  public static String describe(Note note) {
    String where = note.v2Location() != null ? note.v2Location()
        : note.expression() != null ? note.expression() : "message";
    return where + ": " + note.text();
  }

  /** The notes as an OperationOutcome: one warning per note, FHIRPath as expression, v2 location as location. */
  public OperationOutcome toOperationOutcome() {
    OperationOutcome outcome = new OperationOutcome();
    for (Note note : notes) {
      OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
          .setSeverity(IssueSeverity.WARNING).setCode(IssueType.VALUE).setDiagnostics(note.text());
      if (note.expression() != null) {
        issue.addExpression(note.expression());
      }
      if (note.v2Location() != null) {
        issue.addLocation(note.v2Location());
      }
    }
    return outcome;
  }
}
