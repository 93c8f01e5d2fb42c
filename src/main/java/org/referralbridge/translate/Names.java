package org.referralbridge.translate;

import static org.referralbridge.translate.V2Types.isEmpty;
import static org.referralbridge.translate.V2Types.text;

import ca.uhn.hl7v2.model.v28.datatype.XPN;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.StringType;

/** Person names (XPN) → HumanName, with the name type (table 0200) as HumanName.use. */
final class Names {

  private Names() {}

  /** XPN → HumanName. */
  static HumanName name(XPN xpn) {
    if (isEmpty(xpn)) {
      return null;
    }
    HumanName name = new HumanName();
    name.setFamily(text(xpn.getFamilyName().getSurname()));
    addIfPresent(name.getGiven(), text(xpn.getGivenName()));
    addIfPresent(name.getGiven(), text(xpn.getSecondAndFurtherGivenNamesOrInitialsThereof()));
    addIfPresentSuffix(name, text(xpn.getSuffixEgJRorIII()));
    addIfPresentSuffix(name, text(xpn.getDegreeEgMD()));
    addIfPresentSuffix(name, text(xpn.getProfessionalSuffix()));
    String prefix = text(xpn.getPrefixEgDR());
    if (prefix != null) {
      name.addPrefix(prefix);
    }
    String type = text(xpn.getNameTypeCode());
    if (type != null) {
      name.setUse(nameUse(type));
    }
    return name.isEmpty() ? null : name;
  }

  /** XPN-7 name type (table 0200) → HumanName.use, after the v2-to-FHIR ConceptMap; null where it has none. */
  static HumanName.NameUse nameUse(String type) {
    return switch (type.toUpperCase(Locale.ROOT)) {
      case "L", "R" -> HumanName.NameUse.OFFICIAL;
      case "D" -> HumanName.NameUse.USUAL;
      case "M" -> HumanName.NameUse.MAIDEN;
      case "N" -> HumanName.NameUse.NICKNAME;
      case "TEMP", "NAV" -> HumanName.NameUse.TEMP;
      case "BAD" -> HumanName.NameUse.OLD;
      case "MSK" -> HumanName.NameUse.ANONYMOUS;
      default -> null; // A (alias), S (pseudonym), T (tribal), B, C, ...: no FHIR equivalent
    };
  }

  private static void addIfPresent(List<StringType> list, String value) {
    if (value != null) {
      list.add(new StringType(value));
    }
  }

  private static void addIfPresentSuffix(HumanName name, String value) {
    if (value != null) {
      name.addSuffix(value);
    }
  }
}
