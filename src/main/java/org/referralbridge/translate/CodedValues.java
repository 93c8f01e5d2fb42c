package org.referralbridge.translate;

import static org.referralbridge.translate.V2Types.isEmpty;
import static org.referralbridge.translate.V2Types.text;

import ca.uhn.hl7v2.model.v28.datatype.CWE;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.referralbridge.vocabulary.CodeSystems;

/** Coded values (CWE, and CE read as CWE) → CodeableConcept and Coding, after the HL7 v2-to-FHIR IG. */
final class CodedValues {

  private CodedValues() {}

  /** CWE → CodeableConcept: primary and alternate codings, text from CWE-9 original text, else CWE-2. */
  static CodeableConcept concept(CWE cwe) {
    if (isEmpty(cwe)) {
      return null;
    }
    CodeableConcept concept = new CodeableConcept();
    addCoding(concept, text(cwe.getIdentifier()), text(cwe.getText()), text(cwe.getNameOfCodingSystem()),
        text(cwe.getCodingSystemVersionID()));
    addCoding(concept, text(cwe.getAlternateIdentifier()), text(cwe.getAlternateText()),
        text(cwe.getNameOfAlternateCodingSystem()), text(cwe.getAlternateCodingSystemVersionID()));
    String original = text(cwe.getOriginalText());
    String display = text(cwe.getText());
    if (original != null) {
      concept.setText(original);
    } else if (display != null) {
      concept.setText(display);
    } else if (!concept.hasCoding() && !concept.hasText()) {
      return null;
    }
    return concept;
  }

  /** A CodeableConcept of one coding, {@code code} of {@code system}, without display (statuses, categories). */
  static CodeableConcept concept(String system, String code) {
    return new CodeableConcept().addCoding(new Coding(system, code, null));
  }

  /**
   * A language CWE (PID-15) → CodeableConcept with the code as sent as a BCP-47 coding, whatever table the sender
   * named (HL70296, ISO639, none): {@link TerminologyGate} then writes it as a valid tag or keeps it as text.
   */
  static CodeableConcept language(CWE cwe) {
    CodeableConcept concept = concept(cwe);
    String code = text(cwe == null ? null : cwe.getIdentifier());
    if (concept == null || code == null) {
      return concept;
    }
    concept.getCoding().clear();
    concept.addCoding().setSystem(CodeSystems.ISO639).setCode(code).setDisplay(text(cwe.getText()));
    if (code.equals(concept.getText())) {
      concept.setText(null);
    }
    return concept;
  }

  /** A coding of HL7 v2 table {@code table} from a CWE whose CWE-1 holds the table value (as sent). */
  static Coding tableCoding(CWE cwe, String table) {
    String code = text(cwe == null ? null : cwe.getIdentifier());
    if (code == null) {
      return null;
    }
    return new Coding(CodeSystems.v2Table(table), code, text(cwe.getText()));
  }

  private static void addCoding(CodeableConcept concept, String code, String display, String v2System,
      String version) {
    if (code == null) {
      return;
    }
    String system = CodeSystems.forV2Name(v2System);
    if (system == null) {
      // a local code without a known system: keep it readable rather than invent a system
      if (concept.getText() == null && display == null) {
        concept.setText(code);
      }
      return;
    }
    Coding coding = concept.addCoding().setSystem(system).setCode(code).setDisplay(display);
    if (version != null) {
      coding.setVersion(version);
    }
  }
}
