package org.referralbridge.translate;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Resource;
import org.referralbridge.vocabulary.CodeSystems;

/**
 * Liberal in, strict out: checks every coding and identifier system of a translated Bundle before it is validated,
 * and downgrades what would make it invalid, noting each downgrade. A code goes into an HL7/FHIR code system only if
 * it is a member (else it is kept as {@code CodeableConcept.text}); a language becomes a BCP-47 tag (else text); an
 * identifier system must be a valid URI (an invalid OID or URI becomes a sender-local system). Codes of systems whose
 * content is not known here (LOINC, SNOMED CT, ...) pass unchanged.
 */
final class TerminologyGate {

  private static final Pattern OID = Pattern.compile("^urn:oid:[0-2](\\.(0|[1-9]\\d*))+$");
  private static final Pattern URN = Pattern.compile("^urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:[^\\s]+$");
  private static final Pattern UUID = Pattern.compile(
      "^urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  /** Where an element's value came from in the v2 message, by FHIRPath without indexes (best known source). */
  private static final Map<String, String> V2_LOCATIONS = Map.ofEntries(
      Map.entry("Patient.identifier.type", "PID-3.5"),
      Map.entry("Patient.identifier.system", "PID-3.4"),
      Map.entry("Patient.communication.language", "PID-15"),
      Map.entry("Patient.contact.relationship", "NK1-3"),
      Map.entry("Patient.contact.purpose", "NK1-7"),
      Map.entry("RelatedPerson.relationship", "IN1-17"),
      Map.entry("Coverage.relationship", "IN1-17"),
      Map.entry("Coverage.identifier.system", "IN1-36"),
      Map.entry("Condition.code", "DG1-3"),
      Map.entry("Condition.verificationStatus", "DG1-6"),
      Map.entry("AllergyIntolerance.code", "AL1-3"),
      Map.entry("Observation.code", "OBX-3"),
      Map.entry("Observation.valueCodeableConcept", "OBX-5"),
      Map.entry("Observation.interpretation", "OBX-8"),
      Map.entry("ServiceRequest.category", "RF1-3"),
      Map.entry("ServiceRequest.orderDetail", "RF1-4/RF1-5"),
      Map.entry("ServiceRequest.reasonCode", "RF1-10"),
      Map.entry("ServiceRequest.identifier.system", "RF1-6.3"),
      Map.entry("Practitioner.identifier.type", "PRD-7.5"),
      Map.entry("Practitioner.identifier.system", "PRD-7.4"),
      Map.entry("PractitionerRole.code", "PRD-1"),
      Map.entry("Organization.identifier.system", "PRD-7.4/IN1-3.4"),
      Map.entry("ClaimResponse.identifier.system", "AUT-3"));

  private final Terminology terminology;

  TerminologyGate(Terminology terminology) {
    this.terminology = terminology;
  }

  void check(Bundle bundle, Translation t) {
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      Resource resource = entry.getResource();
      if (resource != null) {
        walk(resource, resource.fhirType(), resource.fhirType(), t);
      }
    }
  }

  private void walk(Base element, String path, String plainPath, Translation t) {
    if (element instanceof CodeableConcept concept) {
      checkConcept(concept, path, plainPath, t);
    } else if (element instanceof Identifier identifier) {
      checkIdentifierSystem(identifier, path, plainPath, t);
    }
    for (Property property : element.children()) {
      List<Base> values = property.getValues();
      if (values.isEmpty() || property.getName().equals("contained")) {
        continue;
      }
      String name = property.getName().replace("[x]", "");
      for (int i = 0; i < values.size(); i++) {
        Base value = values.get(i);
        String childName = name;
        if (property.getName().endsWith("[x]")) {
          childName = name + Character.toUpperCase(value.fhirType().charAt(0)) + value.fhirType().substring(1);
        }
        String childPath = path + "." + childName + (property.getMaxCardinality() > 1 ? "[" + i + "]" : "");
        walk(value, childPath, plainPath + "." + childName, t);
      }
    }
  }

  private void checkConcept(CodeableConcept concept, String path, String plainPath, Translation t) {
    boolean language = plainPath.endsWith(".language");
    for (int i = 0; i < concept.getCoding().size(); i++) {
      Coding coding = concept.getCoding().get(i);
      String problem = language ? checkLanguage(coding) : checkCoding(coding);
      if (problem == null) {
        continue;
      }
      String v2Location = V2_LOCATIONS.get(plainPath);
      if (problem.startsWith("=")) {
        t.quality.note(path + ".coding[" + i + "]", v2Location, problem.substring(1));
        continue;
      }
      concept.getCoding().remove(i--);
      String asText = coding.hasDisplay() ? coding.getDisplay() : coding.getCode();
      if (!concept.hasText() && asText != null) {
        concept.setText(asText);
      }
      t.quality.note(path, v2Location, problem + ": kept as text");
    }
  }

  /** Null when the coding is fine; "=..." when it was corrected in place; else why it cannot stay a coding. */
  private String checkCoding(Coding coding) {
    String system = coding.getSystem();
    String code = coding.getCode();
    if (system != null && !isUri(system)) {
      return "code system '" + system + "' is not a valid URI";
    }
    if (code == null || system == null) {
      return null;
    }
    if (!code.equals(code.trim()) || code.isEmpty()) {
      return "code '" + code + "' has surrounding spaces";
    }
    if (terminology.membership(system, code) != Terminology.Membership.NOT_MEMBER) {
      return null;
    }
    String member = terminology.memberIgnoringCase(system, code);
    if (member != null) {
      coding.setCode(member);
      return "=code '" + code + "' corrected to '" + member + "' (" + system + " is case-sensitive)";
    }
    return "'" + code + "' is not a code of " + system;
  }

  private static String checkLanguage(Coding coding) {
    String code = coding.getCode();
    if (code == null) {
      return null;
    }
    String tag = Languages.bcp47(code);
    if (tag == null && coding.hasDisplay()) {
      tag = Languages.bcp47(coding.getDisplay());
    }
    if (tag == null) {
      return "'" + code + "' is not a language FHIR knows (BCP-47)";
    }
    if (tag.equals(code) && CodeSystems.ISO639.equals(coding.getSystem())) {
      return null;
    }
    String was = (coding.hasSystem() ? coding.getSystem() + "#" : "") + code;
    coding.setSystem(CodeSystems.ISO639).setCode(tag);
    return "=language '" + was + "' written as the BCP-47 tag '" + tag + "'";
  }

  private static void checkIdentifierSystem(Identifier identifier, String path, String plainPath, Translation t) {
    String system = identifier.getSystem();
    if (system == null || isSystemUri(system)) {
      return;
    }
    String local = t.systems.forAuthority(system.startsWith("urn:oid:") ? system.substring(8) : system, null, null);
    identifier.setSystem(local);
    t.quality.note(path + ".system", V2_LOCATIONS.get(plainPath + ".system"),
        "identifier system '" + system + "' is not a valid OID or URI: replaced by the sender-local system " + local);
  }

  /** An identifier system FHIR accepts: an http(s) URL, a valid {@code urn:oid:} or {@code urn:uuid:}, another URN. */
  private static boolean isSystemUri(String system) {
    if (system.startsWith("urn:oid:")) {
      return OID.matcher(system).matches();
    }
    if (system.startsWith("urn:uuid:")) {
      return UUID.matcher(system).matches();
    }
    if (system.startsWith("urn:")) {
      return URN.matcher(system).matches();
    }
    return (system.startsWith("http://") || system.startsWith("https://")) && isUri(system);
  }

  static boolean isUri(String value) {
    if (value.isEmpty() || !value.equals(value.strip()) || value.chars().anyMatch(Character::isWhitespace)) {
      return false;
    }
    try {
      URI uri = new URI(value);
      return uri.isAbsolute() && (!value.startsWith("http") || uri.getHost() != null);
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
