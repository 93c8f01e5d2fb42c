package org.referralbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

class ReferralChangesTests {

  private static ServiceRequest request(ServiceRequest.ServiceRequestPriority priority, String reason, String note) {
    ServiceRequest request = new ServiceRequest().setPriority(priority);
    request.addReasonCode(new CodeableConcept().setText(reason));
    request.addNote(new Annotation().setText(note));
    return request;
  }

  private static Observation phq9(String value) {
    return new Observation().setCode(new CodeableConcept().addCoding(new Coding("http://loinc.org", "44261-6",
        "PHQ-9 total score"))).setValue(new Quantity().setValue(new BigDecimal(value)).setUnit("{score}"));
  }

  @Test
  void theReferralsOwnFieldsThatChangedAreNamedWithBeforeAndAfter() {
    ServiceRequest before = request(ServiceRequest.ServiceRequestPriority.ROUTINE, "TRD", "weekly therapy");
    ServiceRequest after = request(ServiceRequest.ServiceRequestPriority.URGENT, "TRD", "weekly therapy");
    after.setQuantity(new Quantity().setValue(6).setUnit("treatments"));

    assertThat(ReferralChanges.ofRequest(before, after))
        .containsExactly("priority: routine → urgent", "requested treatments: (none) → 6 treatments");
    assertThat(ReferralChanges.ofRequest(before, before.copy())).isEmpty();
    assertThat(ReferralChanges.ofRequest(new ServiceRequest(), new ServiceRequest())).isEmpty();
  }

  @Test
  void aPartIsAddedChangedOrTheSame() {
    assertThat(ReferralChanges.ofPart(null, phq9("21")))
        .containsExactly("added: observation PHQ-9 total score 21 {score}");
    assertThat(ReferralChanges.ofPart(phq9("21"), phq9("24")))
        .containsExactly("observation PHQ-9 total score 21 {score} → observation PHQ-9 total score 24 {score}");
    assertThat(ReferralChanges.ofPart(phq9("21"), phq9("21.0"))).isEmpty();
    Condition depression = new Condition().setCode(new CodeableConcept().setText("Major depressive disorder"));
    assertThat(ReferralChanges.ofPart(null, depression)).containsExactly("added: diagnosis Major depressive disorder");
  }

  @Test
  void resourcesThatAreNotPartsOfTheReferralAreNotDescribed() {
    assertThat(ReferralChanges.ofPart(null, new Patient())).isEmpty();
    assertThat(ReferralChanges.summary(new Patient())).isNull();
  }
}
