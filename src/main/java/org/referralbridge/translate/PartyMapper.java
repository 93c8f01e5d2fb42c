package org.referralbridge.translate;

import static org.referralbridge.translate.V2Types.text;

import ca.uhn.hl7v2.model.v28.datatype.CWE;
import ca.uhn.hl7v2.model.v28.datatype.HD;
import ca.uhn.hl7v2.model.v28.datatype.PLN;
import ca.uhn.hl7v2.model.v28.datatype.XON;
import ca.uhn.hl7v2.model.v28.group.REF_I12_PROVIDER_CONTACT;
import ca.uhn.hl7v2.model.v28.segment.CTD;
import ca.uhn.hl7v2.model.v28.segment.PID;
import ca.uhn.hl7v2.model.v28.segment.PRD;
import ca.uhn.hl7v2.HL7Exception;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.referralbridge.vocabulary.AdministrativeSex;
import org.referralbridge.vocabulary.CodeSystems;

/** PID → Patient; PRD (+ CTD) → Practitioner, PractitionerRole and Organization. */
final class PartyMapper {

  private static final java.util.regex.Pattern US_SSN = java.util.regex.Pattern.compile("^\\d{3}-?\\d{2}-?\\d{4}$");

  private PartyMapper() {}

  /** Must-support patient data the sender left out: the referral still lands, and staff are told. */
  private static void noteMissing(boolean present, String expression, String v2Location, String what, Translation t) {
    if (!present) {
      t.quality.note(expression, v2Location, what + " in the message");
    }
  }

  static Reference patient(PID pid, Translation t) {
    Patient patient = new Patient();
    patient.getMeta().addProfile(Profiles.CLINIC_PATIENT);
    for (var cx : pid.getPatientIdentifierList()) {
      Identifier identifier = t.systems.identifier(cx, t.sender, "PID-3", t.quality);
      if (identifier != null) {
        patient.addIdentifier(identifier);
      }
    }
    addSocialSecurityNumber(patient, text(pid.getSSNNumberPatient()), t);
    patient.getName().addAll(V2Types.mapAll(pid.getPatientName(), Names::name));
    patient.setBirthDateElement(Fields.date("PID-7", pid.getDateTimeOfBirth(), t.quality));
    String sex = text(pid.getAdministrativeSex().getIdentifier());
    if (sex != null) {
      patient.setGender(AdministrativeSex.fromCode(sex).map(AdministrativeSex::gender).orElseGet(() -> {
        t.quality.note("Patient.gender", "PID-8", "'" + sex + "' is not a code of HL7 table 0001: written as unknown");
        return AdministrativeGender.UNKNOWN;
      }));
    }
    noteMissing(patient.hasName(), "Patient.name", "PID-5", "no patient name", t);
    noteMissing(patient.hasBirthDate(), "Patient.birthDate", "PID-7", "no usable date of birth", t);
    noteMissing(patient.hasGender(), "Patient.gender", "PID-8", "no administrative sex", t);
    patient.getAddress().addAll(V2Types.mapAll(pid.getPatientAddress(), Addresses::address));
    patient.getTelecom().addAll(V2Types.mapAll(pid.getPhoneNumberHome(), Telecoms::contact));
    for (ContactPoint work : V2Types.mapAll(pid.getPhoneNumberBusiness(), Telecoms::contact)) {
      if (!work.hasUse()) {
        work.setUse(ContactPoint.ContactPointUse.WORK);
      }
      patient.addTelecom(work);
    }
    // PID-40 (v2.7+) replaces PID-13/14; a number sent in both is kept once
    for (ContactPoint contact : V2Types.mapAll(pid.getPatientTelecommunicationInformation(), Telecoms::contact)) {
      if (patient.getTelecom().stream().noneMatch(existing -> existing.equalsDeep(contact))) {
        patient.addTelecom(contact);
      }
    }
    CodeableConcept language = CodedValues.language(pid.getPrimaryLanguage());
    if (language != null) {
      patient.addCommunication().setLanguage(language).setPreferred(true);
    }
    // a living patient recorded as deceased is worse than the reverse: a death date counts only with PID-30 = Y
    String deceased = text(pid.getPatientDeathIndicator());
    boolean deathDate = text(pid.getPatientDeathDateAndTime()) != null;
    if ("Y".equalsIgnoreCase(deceased)) {
      DateTimeType died = deathDate ? Fields.dateTime("PID-29", pid.getPatientDeathDateAndTime(), t) : null;
      patient.setDeceased(died != null ? died : new org.hl7.fhir.r4.model.BooleanType(true));
    } else if (deathDate) {
      t.quality.note("Patient.deceased", "PID-29", "a death date without the death indicator (PID-30 = Y): the"
          + " patient is not recorded as deceased; confirm with the referrer");
    }
    return t.add(patient, "Patient", matchingIdentifier(patient.getIdentifier()));
  }

  /** PID-19 (withdrawn in v2.7, still sent by v2.3-2.6 systems) as an SSN identifier, unless PID-3 has it. */
  private static void addSocialSecurityNumber(Patient patient, String ssn, Translation t) {
    if (ssn == null || patient.getIdentifier().stream()
        .anyMatch(id -> CodeSystems.SSN.equals(id.getSystem()) && ssn.equals(id.getValue()))) {
      return;
    }
    if (!US_SSN.matcher(ssn).matches()) {
      // senders outside the US put their national number here (e.g. an Irish PPS number)
      t.quality.note("Patient.identifier", "PID-19", "'" + ssn + "' is not a US social security number: left out");
      return;
    }
    patient.addIdentifier(new Identifier().setSystem(CodeSystems.SSN).setValue(ssn)
        .setType(new CodeableConcept().addCoding(new Coding(CodeSystems.V2_IDENTIFIER_TYPE, CodeSystems.ID_TYPE_SSN, null))));
  }

  /** The identifier a Patient is matched on: the first medical record number, else the first identifier. */
  private static Identifier matchingIdentifier(List<Identifier> identifiers) {
    for (Identifier identifier : identifiers) {
      if (identifier.getType().getCoding().stream().anyMatch(c -> "MR".equals(c.getCode()))) {
        return identifier;
      }
    }
    return identifiers.isEmpty() ? null : identifiers.get(0);
  }

  /** The role code of a PRD (PRD-1, table 0286), upper-cased, e.g. "RP" or "RT". */
  static String role(PRD prd) {
    CWE[] roles = prd.getProviderRole();
    String code = roles.length == 0 ? null : text(roles[0].getIdentifier());
    return code == null ? "" : code.toUpperCase(Locale.ROOT);
  }

  /**
   * One provider group (PRD and its CTDs) as a PractitionerRole (with its Practitioner and Organization), or as
   * just an Organization when the PRD names no person. {@code defaultOrganization} is called (and so adds its
   * Organization to the Bundle) only when the PRD names no organisation itself; it may return null (none).
   */
  static Reference provider(REF_I12_PROVIDER_CONTACT group, int index, Supplier<Reference> defaultOrganization,
      Translation t) throws HL7Exception {
    PRD prd = group.getPRD();
    String role = role(prd);
    Reference organization = organization(prd, t);
    if (organization == null) {
      organization = defaultOrganization.get();
    }
    List<CTD> contacts = group.getCTDAll();
    if (organization != null && !contacts.isEmpty()) {
      addContacts(t, organization, contacts);
    }
    if (V2Types.isEmpty(prd.getProviderName().length == 0 ? null : prd.getProviderName(0))) {
      return organization;
    }
    Practitioner practitioner = new Practitioner();
    for (PLN pln : prd.getProviderIdentifiers()) {
      Identifier identifier = providerIdentifier(pln, t);
      if (identifier != null) {
        practitioner.addIdentifier(identifier);
      }
    }
    practitioner.getName().addAll(V2Types.mapAll(prd.getProviderName(), Names::name));
    practitioner.getAddress().addAll(V2Types.mapAll(prd.getProviderAddress(), Addresses::address));
    practitioner.getTelecom().addAll(V2Types.mapAll(prd.getProviderCommunicationInformation(), Telecoms::contact));
    Identifier practitionerId = practitioner.hasIdentifier()
        ? practitioner.getIdentifierFirstRep()
        : t.partIdentifier("PRD/" + index);
    if (!practitioner.hasIdentifier()) {
      practitioner.addIdentifier(practitionerId);
    }
    Reference practitionerRef = t.add(practitioner, "Practitioner/" + practitionerId.getSystem() + "|"
        + practitionerId.getValue(), practitionerId);

    PractitionerRole practitionerRole = new PractitionerRole();
    // keyed by the organisation's own identifier (not its Bundle-local fullUrl, which differs per referral), so
    // the same practitioner in the same organisation and role is one PractitionerRole across referrals
    String organizationKey = organization == null ? "-"
        : ((Organization) t.resource(organization)).getIdentifierFirstRep().getValue();
    Identifier roleId = new Identifier().setSystem(t.systems.local("practitioner-role"))
        .setValue(practitionerId.getValue() + "@" + organizationKey + "/" + role);
    practitionerRole.addIdentifier(roleId);
    practitionerRole.setActive(true);
    practitionerRole.setPractitioner(practitionerRef);
    if (organization != null) {
      practitionerRole.setOrganization(organization);
    }
    Coding roleCoding = CodedValues.tableCoding(prd.getProviderRole().length == 0 ? null : prd.getProviderRole(0),
        "0286");
    if (roleCoding != null) {
      practitionerRole.addCode(new CodeableConcept().addCoding(roleCoding));
    }
    practitionerRole.getTelecom().addAll(V2Types.mapAll(prd.getProviderCommunicationInformation(),
        Telecoms::contact));
    return t.add(practitionerRole, "PractitionerRole/" + roleId.getValue(), roleId);
  }

  private static Identifier providerIdentifier(PLN pln, Translation t) {
    String value = text(pln.getIDNumber());
    if (value == null) {
      return null;
    }
    String type = text(pln.getTypeOfIDNumber().getIdentifier());
    String system = type == null ? t.systems.senderSystem(t.sender, "provider-id")
        : "NPI".equalsIgnoreCase(type) ? CodeSystems.NPI
        : t.systems.local("provider-id/" + IdentifierSystems.slug(type));
    Identifier identifier = new Identifier().setSystem(system).setValue(value);
    if (type != null) {
      identifier.setType(new CodeableConcept().addCoding(new Coding(CodeSystems.V2_IDENTIFIER_TYPE,
          type.toUpperCase(Locale.ROOT), null)));
    }
    return identifier;
  }

  /** The provider's organisation from PRD-10 (v2.7+), else the facility of PRD-4; null if neither is given. */
  private static Reference organization(PRD prd, Translation t) {
    XON xon = prd.getProviderOrganizationNameAndIdentifier();
    if (!V2Types.isEmpty(xon)) {
      Organization organization = new Organization();
      organization.setName(text(xon.getOrganizationName()));
      String id = text(xon.getOrganizationIdentifier()) != null ? text(xon.getOrganizationIdentifier())
          : text(xon.getIDNumber());
      if (id != null) {
        String system = t.systems.forAuthority(xon.getAssigningAuthority());
        Identifier identifier = organization.addIdentifier()
            .setSystem(system != null ? system : t.systems.senderSystem(t.sender, "organization"))
            .setValue(id);
        String type = text(xon.getIdentifierTypeCode());
        if (type != null) {
          identifier.setType(new CodeableConcept().addCoding(new Coding(CodeSystems.V2_IDENTIFIER_TYPE, type, null)));
        }
      }
      organization.getAddress().addAll(V2Types.mapAll(prd.getProviderOrganizationAddress(), Addresses::address));
      organization.getTelecom().addAll(V2Types.mapAll(prd.getProviderOrganizationCommunicationInformation(),
          Telecoms::contact));
      return addOrganization(organization, t);
    }
    HD facility = prd.getProviderLocation().getFacility();
    String name = text(facility.getNamespaceID());
    if (name == null) {
      return null;
    }
    return facilityOrganization(name, t);
  }

  /** An Organization known only by a facility namespace id (PRD-4.4, MSH-4). */
  static Reference facilityOrganization(String facility, Translation t) {
    Organization organization = new Organization().setName(facility);
    organization.addIdentifier(new Identifier().setSystem(t.systems.local("facility")).setValue(facility));
    return addOrganization(organization, t);
  }

  static Reference addOrganization(Organization organization, Translation t) {
    if (!organization.hasIdentifier()) {
      organization.addIdentifier(new Identifier().setSystem(t.systems.senderSystem(t.sender, "organization-name"))
          .setValue(organization.getName()));
    }
    organization.setActive(true);
    Identifier id = organization.getIdentifierFirstRep();
    return t.add(organization, "Organization/" + id.getSystem() + "|" + id.getValue(), id);
  }

  /** CTD segments as contacts of an Organization already in the Bundle. */
  static void addContacts(Translation t, Reference organizationRef, List<CTD> contacts) {
    Organization organization = (Organization) t.resource(organizationRef);
    for (CTD ctd : contacts) {
      Organization.OrganizationContactComponent contact = organization.addContact();
      CWE[] roles = ctd.getContactRole();
      if (roles.length > 0) {
        contact.setPurpose(CodedValues.concept(roles[0]));
      }
      if (ctd.getContactName().length > 0) {
        contact.setName(Names.name(ctd.getContactName(0)));
      }
      if (ctd.getContactAddress().length > 0) {
        contact.setAddress(Addresses.address(ctd.getContactAddress(0)));
      }
      contact.getTelecom().addAll(V2Types.mapAll(ctd.getContactCommunicationInformation(), Telecoms::contact));
    }
  }
}
