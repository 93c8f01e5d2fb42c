package org.referralbridge.translate.dirt;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Dirt in coded fields and identifiers' authorities: free text, invalid codes, codes of another table, local
 * identifier types, languages in the wrong code system, invalid OIDs and URIs. Never touches PID-3.1 or RF1-6.1.
 */
final class CodedDirt {

  /** Coded fields (CWE/CE/IS/ID) and coded components; a path without a component means the whole field. */
  private static final List<String> CODED = List.of("RF1-1", "RF1-2", "RF1-3", "RF1-4", "RF1-5", "RF1-10", "PID-8",
      "PID-10", "PID-15", "PID-17", "PID-22", "NK1-3", "IN1-17", "IN1-15", "DG1-3", "DG1-6", "AL1-2", "AL1-3",
      "AL1-4", "OBX-2", "OBX-3", "OBX-6", "OBX-8", "OBX-11", "PRD-1", "PID-3.5", "PID-13.2", "PID-13.3", "PRD-5.2",
      "PRD-5.3", "PID-11.7", "PID-5.7");

  private static final List<String> PHRASES = List.of("See note", "Routine please", "Unknown", "per patient",
      "Depression, severe", "pending review", "As discussed by phone", "Other");
  private static final List<String> INVALID_CODES = List.of("XX", "??", "999", "N/A", "-", "UNK_LOCAL", "0", "R1");
  private static final List<String> LOCAL_SYSTEMS = List.of("LOCAL", "99ZZZ", "My Table", "HL7 0280", "L2");

  /** Free text that real senders put into particular components. */
  private static final Map<String, List<String>> COMPONENT_TEXT = Map.of(
      "PID-3.5", List.of("Golden Psychiatric Clinic", "GOLDEN PSYCH MRN", "Springfield Family Practice"),
      "PID-13.2", List.of("Home", "HOME PHONE", "Mobile"),
      "PID-13.3", List.of("Cell", "Telephone", "PHONE"),
      "PRD-5.2", List.of("Work", "Office line", "Main"),
      "PRD-5.3", List.of("Fax", "Landline", "desk phone"),
      "PID-11.7", List.of("Home", "Mailing", "HOME ADDRESS"),
      "PID-5.7", List.of("Legal", "Nickname", "Official"),
      "OBX-2", List.of("Numeric", "NUM", "Text", "STRING", "N"));

  /** Codes from another table or code system, per field. */
  private static final Map<String, List<String>> WRONG_TABLE = Map.ofEntries(
      Map.entry("NK1-3", List.of("1", "18", "19", "01^Spouse^X12", "18^Self", "G8^Other Relationship",
          "HUSB^husband^RoleCode", "MTH^mother^v3-RoleCode")),
      Map.entry("IN1-17", List.of("1", "18", "19", "01^Spouse", "18^Self^X12", "G8", "SELF^self^RoleCode")),
      Map.entry("PID-8", List.of("female^Female^AdministrativeGender", "1^Male^ISO5218", "2", "W")),
      Map.entry("RF1-1", List.of("F^Final^HL70085", "C^Cancelled^L", "completed^Completed^request-status")),
      Map.entry("RF1-2", List.of("H^High^HL70078", "routine^Routine^request-priority", "2^Urgent^L",
          "EL^Elective^HL70007")),
      Map.entry("RF1-3", List.of("S^Second Opinion^HL70336", "WR^Send Written Report^HL70282")),
      Map.entry("AL1-2", List.of("allergy^Allergy^allergy-intolerance-type", "DRUG", "1")),
      Map.entry("AL1-4", List.of("H^High^HL70078", "high^High^allergy-intolerance-criticality", "3^Severe^L")),
      Map.entry("DG1-6", List.of("confirmed^Confirmed^condition-ver-status", "1^Admitting^L", "P^Primary^HL70359")),
      Map.entry("OBX-8", List.of("high^High^ObservationInterpretation", "HIGH", "+")),
      Map.entry("OBX-11", List.of("final", "preliminary", "1")),
      Map.entry("PRD-1", List.of("PP^Primary Care Provider^HL70443", "AT^Attending^HL70443", "REFERRING")));

  private static final List<String> LOCAL_TYPES = List.of("MRN", "LOCAL", "CLINIC ID", "PATID", "mr",
      "Medical Record #");
  private static final List<String> LANGUAGES = List.of("ENG", "SPA", "eng", "ENGLISH", "Spanish", "fre", "zh-Hant",
      "english^English^HL70296", "ENG^English^HL70296", "spa^Spanish^ISO639-2", "^English", "E", "Español",
      "EN^English^ISO639-2");
  private static final List<String> BAD_UNIVERSAL_IDS = List.of("2.16.840.1.113883.1.1/policy", "1.2.3..4",
      "urn:oid:", "not a uri", "http://exa mple.org", "2.16.840.1.113883.3.9999.1.", ".1.2.3",
      "urn:oid:2.16.840..1", "OID:1.2.3");
  private static final List<String> UNIVERSAL_ID_PATHS = List.of("PID-3.4.2", "IN1-3.4.2", "MSH-4.2", "PRD-7.2",
      "PRD-10.6.2");

  private CodedDirt() {}

  static String freeText(Dirtying d) {
    String path = d.one(CODED);
    FieldPath target = FieldPath.parse(path);
    Er7Message m = d.baseWith(target.segment());
    int index = d.anyIndexOf(m, target.segment());
    if (target.component() > 0) {
      List<String> text = COMPONENT_TEXT.getOrDefault(path, PHRASES);
      d.set(m, index, target, d.chance(0.7) ? d.one(text) : d.one(INVALID_CODES));
      return m.render();
    }
    String existing = m.get(index, path + ".1");
    switch (d.below(5)) {
      case 0 -> d.set(m, index, target, d.one(COMPONENT_TEXT.getOrDefault(path, PHRASES)));
      case 1 -> d.set(m, index, path + ".1", d.one(INVALID_CODES));
      case 2 -> d.set(m, index, target, "^" + d.one(PHRASES));
      case 3 -> d.set(m, index, path + ".1", " " + (existing.isEmpty() ? "x" : existing.toLowerCase(Locale.ROOT))
          + " ");
      default -> {
        if (existing.isEmpty()) {
          d.set(m, index, path + ".1", d.one(INVALID_CODES));
        }
        d.set(m, index, path + ".3", d.one(LOCAL_SYSTEMS));
      }
    }
    return m.render();
  }

  static String wrongTable(Dirtying d) {
    String path = d.one(List.copyOf(WRONG_TABLE.keySet().stream().sorted().toList()));
    Er7Message m = d.baseWith(path.substring(0, 3));
    d.set(m, d.anyIndexOf(m, path.substring(0, 3)), path, d.one(WRONG_TABLE.get(path)));
    return m.render();
  }

  static String localIdentifierTypes(Dirtying d) {
    String type = d.one(LOCAL_TYPES);
    switch (d.below(4)) {
      case 0 -> {
        Er7Message m = d.base();
        d.set(m, m.indexesOf("PID").get(0), "PID-3.5", type);
        return m.render();
      }
      case 1 -> {
        Er7Message m = d.base();
        int pid = m.indexesOf("PID").get(0);
        int repetitions = Er7Message.split(m.get(pid, "PID-3"), '~').size();
        d.set(m, pid, FieldPath.parse("PID-3").inRepetition(repetitions),
            "LOC-" + (1000 + d.below(9000)) + "^^^" + d.one("GOLDEN_PSYCH", "CLINIC", "Front Desk") + "^" + type);
        return m.render();
      }
      case 2 -> {
        Er7Message m = d.baseWith("IN1");
        d.set(m, d.anyIndexOf(m, "IN1"), d.one("IN1-3.5", "IN1-49.5"), type);
        return m.render();
      }
      default -> {
        Er7Message m = d.baseWith("PRD");
        d.set(m, d.anyIndexOf(m, "PRD"), "PRD-7.2", d.one("LOCAL", "UPIN#", "DEA NBR", "npi number"));
        return m.render();
      }
    }
  }

  static String languages(Dirtying d) {
    Er7Message m = d.base();
    d.set(m, m.indexesOf("PID").get(0), "PID-15", d.one(LANGUAGES));
    return m.render();
  }

  static String invalidOids(Dirtying d) {
    String path = d.one(UNIVERSAL_ID_PATHS);
    String segment = path.substring(0, 3);
    Er7Message m = segment.equals("PRD") && path.startsWith("PRD-10")
        ? d.baseWhere(b -> b.has("PRD") && !b.get(b.indexesOf("PRD").get(0), "PRD-10").isEmpty())
        : d.baseWith(segment);
    int index = path.startsWith("PRD-10") ? m.indexesOf("PRD").get(0) : d.anyIndexOf(m, segment);
    String universalId = d.one(BAD_UNIVERSAL_IDS);
    d.set(m, index, path, universalId);
    if (path.endsWith(".4.2") || path.endsWith(".6.2") || path.equals("MSH-4.2")) {
      String typePath = path.substring(0, path.length() - 1) + "3";
      d.set(m, index, typePath, d.one("ISO", "URI", "", "oid", "L"));
    }
    return m.render();
  }
}
