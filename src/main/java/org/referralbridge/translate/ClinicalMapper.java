package org.referralbridge.translate;

import static org.referralbridge.translate.V2Types.text;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.Varies;
import ca.uhn.hl7v2.model.v28.datatype.CQ;
import ca.uhn.hl7v2.model.v28.datatype.CWE;
import ca.uhn.hl7v2.model.v28.datatype.CX;
import ca.uhn.hl7v2.model.v28.datatype.XON;
import ca.uhn.hl7v2.model.v28.segment.AL1;
import ca.uhn.hl7v2.model.v28.segment.AUT;
import ca.uhn.hl7v2.model.v28.segment.CTD;
import ca.uhn.hl7v2.model.v28.segment.DG1;
import ca.uhn.hl7v2.model.v28.segment.IN1;
import ca.uhn.hl7v2.model.v28.segment.NTE;
import ca.uhn.hl7v2.model.v28.segment.OBX;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.referralbridge.vocabulary.CodeSystems;

/** DG1 → Condition, AL1 → AllergyIntolerance, OBX → Observation, IN1 → Coverage, AUT → ClaimResponse. */
final class ClinicalMapper {

  private ClinicalMapper() {}

  static Reference condition(DG1 dg1, int index, Reference patient, Translation t) {
    String setId = text(dg1.getSetIDDG1());
    Condition condition = new Condition();
    Identifier id = t.partIdentifier("DG1/" + (setId != null ? setId : index));
    condition.addIdentifier(id);
    condition.setClinicalStatus(concept(CodeSystems.CONDITION_CLINICAL, "active"));
    String type = text(dg1.getDiagnosisType().getIdentifier());
    condition.setVerificationStatus(concept(CodeSystems.CONDITION_VERIFICATION,
        "F".equalsIgnoreCase(type) ? "confirmed" : "provisional"));
    condition.addCategory(concept(CodeSystems.CONDITION_CATEGORY, "problem-list-item"));
    CodeableConcept code = CodedValues.concept(dg1.getDiagnosisCodeDG1());
    String description = text(dg1.getDiagnosisDescription());
    if (code == null && description != null) {
      code = new CodeableConcept().setText(description); // DG1-4, withdrawn but still sent by v2.3-2.5 systems
    }
    condition.setCode(code);
    condition.setSubject(patient);
    DateTimeType onset = Fields.dateTime("DG1-5", dg1.getDiagnosisDateTime(), t);
    if (onset != null) {
      condition.setOnset(onset);
    }
    condition.setRecordedDateElement(Fields.dateTime("DG1-19", dg1.getAttestationDateTime(), t));
    return t.add(condition, "Condition/" + id.getValue(), id);
  }

  static Reference allergy(AL1 al1, int index, Reference patient, Translation t) {
    AllergyIntolerance allergy = new AllergyIntolerance();
    Identifier id = t.partIdentifier("AL1/" + index);
    allergy.addIdentifier(id);
    allergy.setClinicalStatus(concept(CodeSystems.ALLERGY_CLINICAL, "active"));
    allergy.setPatient(patient);
    String type = upper(text(al1.getAllergenTypeCode().getIdentifier()));
    if (type != null) {
      switch (type) {
        case "DA" -> allergy.addCategory(AllergyIntolerance.AllergyIntoleranceCategory.MEDICATION);
        case "FA" -> allergy.addCategory(AllergyIntolerance.AllergyIntoleranceCategory.FOOD);
        case "EA", "AA", "PA", "LA" -> allergy.addCategory(AllergyIntolerance.AllergyIntoleranceCategory.ENVIRONMENT);
        default -> { }
      }
      allergy.setType("MC".equals(type) ? AllergyIntolerance.AllergyIntoleranceType.INTOLERANCE
          : AllergyIntolerance.AllergyIntoleranceType.ALLERGY);
    }
    allergy.setCode(CodedValues.concept(al1.getAllergenCodeMnemonicDescription()));
    String severity = upper(text(al1.getAllergySeverityCode().getIdentifier()));
    if ("SV".equals(severity)) {
      allergy.setCriticality(AllergyIntolerance.AllergyIntoleranceCriticality.HIGH);
    } else if ("MO".equals(severity) || "MI".equals(severity)) {
      allergy.setCriticality(AllergyIntolerance.AllergyIntoleranceCriticality.LOW);
    }
    List<String> reactions = V2Types.mapAll(al1.getAllergyReactionCode(), V2Types::text);
    if (!reactions.isEmpty()) {
      AllergyIntolerance.AllergyIntoleranceReactionComponent reaction = allergy.addReaction();
      reactions.forEach(r -> reaction.addManifestation(new CodeableConcept().setText(r)));
      if (severity != null) {
        switch (severity) {
          case "SV" -> reaction.setSeverity(AllergyIntolerance.AllergyIntoleranceSeverity.SEVERE);
          case "MO" -> reaction.setSeverity(AllergyIntolerance.AllergyIntoleranceSeverity.MODERATE);
          case "MI" -> reaction.setSeverity(AllergyIntolerance.AllergyIntoleranceSeverity.MILD);
          default -> { }
        }
      }
    }
    return t.add(allergy, "AllergyIntolerance/" + id.getValue(), id);
  }

  static Reference observation(OBX obx, String part, DateTimeType groupTime, List<NTE> notes, Reference patient,
      Translation t) {
    Observation observation = new Observation();
    Identifier id = t.partIdentifier("OBX/" + part);
    observation.addIdentifier(id);
    observation.setStatus(switch (upper(text(obx.getObservationResultStatus())) == null ? ""
        : upper(text(obx.getObservationResultStatus()))) {
      case "F" -> Observation.ObservationStatus.FINAL;
      case "C" -> Observation.ObservationStatus.CORRECTED;
      case "P", "S" -> Observation.ObservationStatus.PRELIMINARY;
      case "R", "I" -> Observation.ObservationStatus.REGISTERED;
      case "X" -> Observation.ObservationStatus.CANCELLED;
      case "D", "W" -> Observation.ObservationStatus.ENTEREDINERROR;
      default -> Observation.ObservationStatus.UNKNOWN;
    });
    CodeableConcept code = CodedValues.concept(obx.getObservationIdentifier());
    observation.setCode(code);
    if (code != null && code.getCoding().stream().anyMatch(c -> CodeSystems.LOINC.equals(c.getSystem())
        && CodeSystems.SCREENING_SCORES.containsKey(c.getCode()))) {
      observation.addCategory(concept(CodeSystems.OBSERVATION_CATEGORY, "survey"));
    }
    observation.setSubject(patient);
    DateTimeType effective = Fields.dateTime("OBX-14", obx.getDateTimeOfTheObservation(), t);
    observation.setEffective(effective != null ? effective : groupTime);
    setValue(observation, obx, t);
    for (CWE flag : obx.getInterpretationCodes()) {
      String flagCode = text(flag.getIdentifier());
      if (flagCode != null) {
        observation.addInterpretation(concept(CodeSystems.OBSERVATION_INTERPRETATION, flagCode));
      }
    }
    String range = text(obx.getReferencesRange());
    if (range != null) {
      observation.addReferenceRange().setText(range);
    }
    for (NTE nte : notes) {
      Annotation note = note(nte);
      if (note != null) {
        observation.addNote(note);
      }
    }
    return t.add(observation, "Observation/" + id.getValue(), id);
  }

  private static void setValue(Observation observation, OBX obx, Translation t) {
    Varies[] values = obx.getObservationValue();
    if (values.length == 0 || V2Types.isEmpty(values[0])) {
      return;
    }
    String valueType = upper(text(obx.getValueType()));
    Type data = values[0].getData();
    String location = "OBX-5";
    switch (valueType == null ? "" : valueType) {
      case "NM" -> {
        String number = text(data);
        BigDecimal parsed = Numbers.parse(number);
        if (parsed == null) {
          observation.setValue(new org.hl7.fhir.r4.model.StringType(number));
          t.quality.note(null, location, "'" + number + "' is not a number: kept as text");
          return;
        }
        {
          Quantity quantity = new Quantity().setValue(parsed);
          CWE units = obx.getUnits();
          String unit = text(units.getIdentifier());
          if (unit != null) {
            quantity.setUnit(text(units.getText()) != null ? text(units.getText()) : unit);
            String unitSystem = text(units.getNameOfCodingSystem());
            // no OBX-6.3: UCUM is assumed; a named system: its URI if known, never UCUM for a local unit
            String system = unitSystem == null ? CodeSystems.UCUM : CodeSystems.forV2Name(unitSystem);
            if (system != null) {
              quantity.setSystem(system).setCode(unit);
            }
          }
          observation.setValue(quantity);
        }
      }
      case "CWE", "CE", "CNE", "CF" -> {
        if (data instanceof CWE cwe) {
          observation.setValue(CodedValues.concept(cwe));
        } else {
          observation.setValue(new CodeableConcept().setText(text(data)));
        }
      }
      case "DT", "DTM", "TS" -> observation.setValue(Fields.dateTime(location, data, t));
      default -> observation.setValue(new org.hl7.fhir.r4.model.StringType(joinComponents(data)));
    }
  }

  private static String joinComponents(Type data) {
    if (data instanceof ca.uhn.hl7v2.model.Composite composite) {
      StringBuilder out = new StringBuilder();
      for (Type component : composite.getComponents()) {
        String text = text(component);
        if (text != null) {
          out.append(out.isEmpty() ? "" : " ").append(text);
        }
      }
      return out.toString();
    }
    return text(data);
  }

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

  static Reference coverage(IN1 in1, int index, Reference patient, Translation t) {
    Coverage coverage = new Coverage();
    Identifier id = t.partIdentifier("IN1/" + index);
    coverage.addIdentifier(id);
    coverage.setStatus(Coverage.CoverageStatus.ACTIVE);
    coverage.setBeneficiary(patient);
    Reference insurer = insurer(in1, t);
    coverage.addPayor(insurer);
    String policy = text(in1.getPolicyNumber());
    if (policy != null) {
      String authority = in1.getInsuranceCompanyID().length > 0
          ? t.systems.forAuthority(in1.getInsuranceCompanyID(0).getAssigningAuthority()) : null;
      coverage.addIdentifier(new Identifier()
          .setSystem(t.systems.below(authority != null ? authority : t.systems.senderSystem(t.sender, "insurer"), "policy"))
          .setValue(policy));
    }
    CX[] insuredIds = in1.getInsuredSIDNumber();
    if (insuredIds.length > 0 && text(insuredIds[0].getIDNumber()) != null) {
      coverage.setSubscriberId(text(insuredIds[0].getIDNumber()));
    }
    String relationship = upper(text(in1.getInsuredSRelationshipToPatient().getIdentifier()));
    if (relationship != null) {
      String code = switch (relationship) {
        case "SEL" -> "self";
        case "SPO" -> "spouse";
        case "CHD" -> "child";
        case "PAR", "FTH", "MTH" -> "parent";
        case "DOM" -> "common";
        default -> "other";
      };
      coverage.setRelationship(concept(CodeSystems.SUBSCRIBER_RELATIONSHIP, code));
      if ("self".equals(code)) {
        coverage.setSubscriber(patient);
      } else {
        Reference subscriber = insured(in1, index, patient, t);
        if (subscriber != null) {
          coverage.setSubscriber(subscriber);
        }
      }
    }
    Period period = new Period();
    if (text(in1.getPlanEffectiveDate()) != null) {
      period.setStartElement(Fields.dateAsDateTime("IN1-12", in1.getPlanEffectiveDate(), t.quality));
    }
    if (text(in1.getPlanExpirationDate()) != null) {
      period.setEndElement(Fields.dateAsDateTime("IN1-13", in1.getPlanExpirationDate(), t.quality));
    }
    if (!period.isEmpty()) {
      coverage.setPeriod(period);
    }
    String planType = text(in1.getPlanType().getIdentifier());
    if (planType != null) {
      coverage.setType(new CodeableConcept().setText(planType));
    }
    String group = text(in1.getGroupNumber());
    if (group != null) {
      Coverage.ClassComponent groupClass = coverage.addClass_()
          .setType(concept(CodeSystems.COVERAGE_CLASS, "group")).setValue(group);
      if (in1.getGroupName().length > 0) {
        groupClass.setName(text(in1.getGroupName(0).getOrganizationName()));
      }
    }
    String plan = text(in1.getHealthPlanID().getIdentifier());
    if (plan != null) {
      coverage.addClass_().setType(concept(CodeSystems.COVERAGE_CLASS, "plan")).setValue(plan)
          .setName(text(in1.getHealthPlanID().getText()));
    }
    return t.add(coverage, "Coverage/" + id.getValue(), id);
  }

  /** The insured person of a policy the patient does not hold (IN1-17 not SEL): IN1-16, IN1-18, IN1-19. */
  private static Reference insured(IN1 in1, int index, Reference patient, Translation t) {
    List<HumanName> names = V2Types.mapAll(in1.getNameOfInsured(), Names::name);
    if (names.isEmpty()) {
      return null;
    }
    RelatedPerson person = new RelatedPerson();
    Identifier id = t.partIdentifier("IN1/" + index + "/insured");
    person.addIdentifier(id);
    person.setActive(true);
    person.setPatient(patient);
    Coding relationship = CodedValues.tableCoding(in1.getInsuredSRelationshipToPatient(), "0063");
    if (relationship != null) {
      person.addRelationship(new CodeableConcept().addCoding(relationship));
    }
    person.getName().addAll(names);
    person.setBirthDateElement(Fields.date("IN1-18", in1.getInsuredSDateOfBirth(), t.quality));
    person.getAddress().addAll(V2Types.mapAll(in1.getInsuredSAddress(), Addresses::address));
    return t.add(person, "RelatedPerson/" + id.getValue(), id);
  }

  private static Reference insurer(IN1 in1, Translation t) {
    Organization insurer = new Organization();
    for (CX cx : in1.getInsuranceCompanyID()) {
      Identifier identifier = t.systems.identifier(cx, t.sender, "IN1-3", t.quality);
      if (identifier != null) {
        insurer.addIdentifier(identifier);
      }
    }
    XON[] names = in1.getInsuranceCompanyName();
    insurer.setName(names.length > 0 ? text(names[0].getOrganizationName()) : null);
    insurer.getAddress().addAll(V2Types.mapAll(in1.getInsuranceCompanyAddress(), Addresses::address));
    insurer.getTelecom().addAll(V2Types.mapAll(in1.getInsuranceCoPhoneNumber(), Telecoms::contact));
    insurer.addType(new CodeableConcept().addCoding(
        new Coding("http://terminology.hl7.org/CodeSystem/organization-type", "ins", "Insurance Company")));
    if (!insurer.hasName() && !insurer.hasIdentifier()) {
      insurer.setName("Unnamed insurer");
    }
    return PartyMapper.addOrganization(insurer, t);
  }

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
    BigDecimal requested = number("AUT-8", aut.getRequestedNumberOfTreatments(), t.quality);
    BigDecimal authorized = number("AUT-9", aut.getAuthorizedNumberOfTreatments(), t.quality);
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

  /** The number of a CQ (e.g. AUT-8), or null when empty or not a number (then noted). */
  static BigDecimal number(String location, CQ cq, DataQuality quality) {
    String value = text(cq.getQuantity());
    BigDecimal number = Numbers.parse(value);
    if (number == null && value != null) {
      quality.note(null, location, "'" + value + "' is not a number: left out");
    }
    return number;
  }

  static CodeableConcept concept(String system, String code) {
    return new CodeableConcept().addCoding(new Coding(system, code, null));
  }

  private static String upper(String value) {
    return value == null ? null : value.toUpperCase(Locale.ROOT);
  }
}
