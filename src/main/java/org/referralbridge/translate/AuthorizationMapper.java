package org.referralbridge.translate;

import static org.referralbridge.translate.CodedValues.concept;
import static org.referralbridge.translate.V2Types.text;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.v28.segment.AUT;
import ca.uhn.hl7v2.model.v28.segment.CTD;
import java.math.BigDecimal;
import java.util.List;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.referralbridge.vocabulary.CodeSystems;

/** Authorisations (AUT, with the CTD of its group) → a preauthorization ClaimResponse from the payor. */
final class AuthorizationMapper {

  private AuthorizationMapper() {}

  /**
   * AUT → a preauthorization ClaimResponse (authorisation id, period, number of treatments authorised); the CTD of
   * the AUT group becomes a contact of the payor. {@code received} is the created time when AUT-10 is empty.
   */
  static Reference authorization(AUT aut, CTD contact, Reference patient, DateTimeType received, Translation t)
      throws HL7Exception {
    ClaimResponse response = new ClaimResponse();
    String authId = text(aut.getAuthorizationIdentifier().getEntityIdentifier());
    Identifier id = authId != null
        ? t.systems.entityIdentifier(aut.getAuthorizationIdentifier(), t.sender, "authorization-id")
        : t.partIdentifier("AUT");
    if (authId != null && text(aut.getAuthorizationIdentifier().getUniversalID()) == null
        && text(aut.getAuthorizationIdentifier().getNamespaceID()) != null) {
      id.setSystem(t.systems.below(
          t.systems.forAuthority(text(aut.getAuthorizationIdentifier().getNamespaceID()), null, null), "authorization"));
    }
    response.addIdentifier(id);
    response.setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE);
    response.setType(concept(CodeSystems.CLAIM_TYPE, "professional"));
    response.setUse(ClaimResponse.Use.PREAUTHORIZATION);
    response.setPatient(patient);
    DateTimeType processed = Fields.dateTime("AUT-10", aut.getProcessDate(), t);
    response.setCreatedElement(processed != null ? processed : received.copy());
    Organization payor = new Organization();
    String payorId = text(aut.getAuthorizingPayorCompanyID().getIdentifier());
    if (payorId != null) {
      payor.addIdentifier(new Identifier().setSystem(t.systems.senderSystem(t.sender, "payor-id")).setValue(payorId));
    }
    String payorName = text(aut.getAuthorizingPayorCompanyName());
    payor.setName(payorName != null ? payorName : text(aut.getAuthorizingPayorCompanyID().getText()));
    if (!payor.hasName() && !payor.hasIdentifier()) {
      payor.setName("Unnamed payor");
    }
    Reference insurer = PartyMapper.addOrganization(payor, t);
    if (!contact.isEmpty()) {
      PartyMapper.addContacts(t, insurer, List.of(contact));
    }
    response.setInsurer(insurer);
    response.setOutcome(ClaimResponse.RemittanceOutcome.COMPLETE);
    response.setPreAuthRef(authId);
    Period period = new Period();
    period.setStartElement(Fields.dateTime("AUT-4", aut.getAuthorizationEffectiveDate(), t));
    period.setEndElement(Fields.dateTime("AUT-5", aut.getAuthorizationExpirationDate(), t));
    if (!period.isEmpty()) {
      response.setPreAuthPeriod(period);
    }
    BigDecimal requested = Fields.number("AUT-8", aut.getRequestedNumberOfTreatments(), t.quality);
    BigDecimal authorized = Fields.number("AUT-9", aut.getAuthorizedNumberOfTreatments(), t.quality);
    if (authorized != null || requested != null) {
      response.addProcessNote().setText("Treatments authorized: "
          + (authorized == null ? "not stated" : authorized.toPlainString())
          + (requested == null ? "" : " of " + requested.toPlainString() + " requested"));
    }
    String plan = text(aut.getAuthorizingPayorPlanID().getText()) != null
        ? text(aut.getAuthorizingPayorPlanID().getText()) : text(aut.getAuthorizingPayorPlanID().getIdentifier());
    if (plan != null) {
      response.setDisposition("Plan: " + plan);
    }
    return t.add(response, "ClaimResponse/" + id.getValue(), id);
  }
}
