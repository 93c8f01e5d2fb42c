package org.referralbridge.worklist;

import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;

/** The Provenance every change to a referral leaves: what changed, when, why, and who (a staff member, a referrer). */
public final class AuditTrail {

  private static final String ACTIVITY = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";
  private static final String PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

  private AuditTrail() {}

  /**
   * A Provenance of a revision.
   *
   * @param activity what was done, in words (e.g. "Referral accepted")
   * @param reason the business status it led to; may be null
   * @param author who did it, as staff see it (a user name, or "referrer APP^FAC (REF^I13 CTL-1)")
   */
  public static Provenance revision(List<Reference> targets, Date recorded, String activity, Coding reason,
      String author) {
    Provenance provenance = new Provenance();
    targets.forEach(provenance::addTarget);
    provenance.setRecorded(recorded);
    provenance.setActivity(new CodeableConcept().addCoding(new Coding(ACTIVITY, "UPDATE", "revise"))
        .setText(activity));
    if (reason != null) {
      provenance.addReason(new CodeableConcept().addCoding(reason));
    }
    provenance.addAgent()
        .setType(new CodeableConcept().addCoding(new Coding(PARTICIPANT_TYPE, "author", "Author")))
        .setWho(new Reference().setDisplay(author));
    return provenance;
  }
}
