package org.referralbridge.translate;

import static org.referralbridge.translate.CodedValues.concept;
import static org.referralbridge.translate.V2Types.text;
import static org.referralbridge.translate.V2Types.upper;

import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.Varies;
import ca.uhn.hl7v2.model.v28.datatype.CWE;
import ca.uhn.hl7v2.model.v28.segment.NTE;
import ca.uhn.hl7v2.model.v28.segment.OBX;
import java.math.BigDecimal;
import java.util.List;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.referralbridge.vocabulary.CodeSystems;

/**
 * Results (OBX, with the NTEs that follow it) → Observation: status, code, value by OBX-2 value type (a number that
 * is not one is kept as text and noted), interpretation, reference range and notes; a screening score is a survey.
 */
final class ObservationMapper {

  private ObservationMapper() {}

  /**
   * OBX → Observation, identified by {@code part} (group.result); {@code groupTime} (OBR-7) is the effective time
   * when OBX-14 is empty.
   */
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
      Annotation note = NoteMapper.note(nte);
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
}
