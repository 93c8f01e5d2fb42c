package org.referralbridge.translate;

import static org.referralbridge.translate.CodedValues.concept;
import static org.referralbridge.translate.V2Types.text;
import static org.referralbridge.translate.V2Types.upper;

import ca.uhn.hl7v2.model.v28.datatype.CX;
import ca.uhn.hl7v2.model.v28.datatype.XON;
import ca.uhn.hl7v2.model.v28.segment.IN1;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.referralbridge.vocabulary.CodeSystems;

/**
 * Insurance (IN1) → Coverage of the patient, with the insurer (IN1-3, -4, -5, -7) as an Organization and, for a
 * policy the patient does not hold, the insured person as a RelatedPerson.
 */
final class CoverageMapper {

  private CoverageMapper() {}

  /** IN1 → Coverage, identified by its position {@code index}. */
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
}
