package org.referralbridge.translate;

import ca.uhn.hl7v2.model.Composite;
import ca.uhn.hl7v2.model.DataTypeException;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.Varies;
import ca.uhn.hl7v2.model.v28.datatype.CWE;
import ca.uhn.hl7v2.model.v28.datatype.CX;
import ca.uhn.hl7v2.model.v28.datatype.XAD;
import ca.uhn.hl7v2.model.v28.datatype.XPN;
import ca.uhn.hl7v2.model.v28.datatype.XTN;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.HumanName;

/**
 * HL7 v2 data types to FHIR R4 data types, after the HL7 v2-to-FHIR IG (CWE→CodeableConcept, XPN→HumanName,
 * XAD→Address, XTN→ContactPoint, DTM→dateTime). Identifier (CX) mapping needs the identifier systems and lives in
 * {@link IdentifierSystems}. Plain static functions: null in, null (or empty) out.
 */
final class V2Types {

  private static final Pattern DTM =
      Pattern.compile("^(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\.\\d{1,4})?([+-]\\d{4})?$");

  private V2Types() {}

  /** Trimmed text of a primitive, the first component of a composite, or null when empty. */
  static String text(Type type) {
    if (type == null) {
      return null;
    }
    try {
      if (type instanceof Varies varies) {
        return text(varies.getData());
      }
      if (type instanceof Primitive primitive) {
        return blankToNull(primitive.getValue());
      }
      if (type instanceof Composite composite) {
        return text(composite.getComponent(0));
      }
    } catch (DataTypeException e) {
      return null;
    }
    return null;
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  static boolean isEmpty(Type type) {
    try {
      return type == null || type.isEmpty();
    } catch (Exception e) {
      return true;
    }
  }

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
    } else if (!concept.hasCoding()) {
      return null;
    }
    return concept;
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

  /** A coding of HL7 v2 table {@code table} from a CWE whose CWE-1 holds the table value (upper-cased). */
  static Coding tableCoding(CWE cwe, String table) {
    String code = text(cwe == null ? null : cwe.getIdentifier());
    if (code == null) {
      return null;
    }
    return new Coding(CodeSystems.v2Table(table), code, text(cwe.getText()));
  }

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
      HumanName.NameUse use = switch (type.toUpperCase(Locale.ROOT)) {
        case "L" -> HumanName.NameUse.OFFICIAL;
        case "D", "A" -> HumanName.NameUse.USUAL;
        case "M" -> HumanName.NameUse.MAIDEN;
        case "N" -> HumanName.NameUse.NICKNAME;
        case "S", "T" -> HumanName.NameUse.TEMP;
        case "BAD" -> HumanName.NameUse.OLD;
        default -> null;
      };
      name.setUse(use);
    }
    return name.isEmpty() ? null : name;
  }

  private static void addIfPresent(List<org.hl7.fhir.r4.model.StringType> list, String value) {
    if (value != null) {
      list.add(new org.hl7.fhir.r4.model.StringType(value));
    }
  }

  private static void addIfPresentSuffix(HumanName name, String value) {
    if (value != null) {
      name.addSuffix(value);
    }
  }

  /** XAD → Address. */
  static Address address(XAD xad) {
    if (isEmpty(xad)) {
      return null;
    }
    Address address = new Address();
    String street = text(xad.getStreetAddress().getStreetOrMailingAddress());
    if (street != null) {
      address.addLine(street);
    }
    String other = text(xad.getOtherDesignation());
    if (other != null) {
      address.addLine(other);
    }
    address.setCity(text(xad.getCity()));
    address.setState(text(xad.getStateOrProvince()));
    address.setPostalCode(text(xad.getZipOrPostalCode()));
    address.setCountry(text(xad.getCountry()));
    String type = text(xad.getAddressType());
    if (type != null) {
      switch (type.toUpperCase(Locale.ROOT)) {
        case "H", "P" -> address.setUse(Address.AddressUse.HOME);
        case "B", "O" -> address.setUse(Address.AddressUse.WORK);
        case "C" -> address.setUse(Address.AddressUse.TEMP);
        case "BA" -> address.setUse(Address.AddressUse.OLD);
        case "M" -> address.setType(Address.AddressType.POSTAL);
        case "SH" -> address.setType(Address.AddressType.PHYSICAL);
        default -> { }
      }
    }
    return address.isEmpty() ? null : address;
  }

  /** XTN → ContactPoint: email from XTN-4, numbers from XTN-12, else XTN-5..8, else the v2.3-style XTN-1. */
  static ContactPoint contact(XTN xtn) {
    if (isEmpty(xtn)) {
      return null;
    }
    ContactPoint contact = new ContactPoint();
    String equipment = upper(text(xtn.getTelecommunicationEquipmentType()));
    String use = upper(text(xtn.getTelecommunicationUseCode()));
    String email = text(xtn.getCommunicationAddress());
    if ("INTERNET".equals(equipment) || "X.400".equals(equipment) || "NET".equals(use) || email != null) {
      contact.setSystem(ContactPoint.ContactPointSystem.EMAIL);
      contact.setValue(email != null ? email : text(xtn.getTelephoneNumber()));
    } else {
      contact.setSystem(switch (equipment == null ? "" : equipment) {
        case "FX" -> ContactPoint.ContactPointSystem.FAX;
        case "BP" -> ContactPoint.ContactPointSystem.PAGER;
        default -> ContactPoint.ContactPointSystem.PHONE;
      });
      contact.setValue(phoneNumber(xtn));
      if ("CP".equals(equipment)) {
        contact.setUse(ContactPoint.ContactPointUse.MOBILE);
      }
    }
    if (contact.getValue() == null) {
      return null;
    }
    if (!contact.hasUse() && use != null) {
      contact.setUse(switch (use) {
        case "PRN", "PRS" -> ContactPoint.ContactPointUse.HOME;
        case "WPN" -> ContactPoint.ContactPointUse.WORK;
        case "ORN", "VHN" -> ContactPoint.ContactPointUse.TEMP;
        default -> null;
      });
    }
    return contact;
  }

  private static String phoneNumber(XTN xtn) {
    String unformatted = text(xtn.getUnformattedTelephoneNumber());
    if (unformatted != null) {
      return unformatted;
    }
    String local = text(xtn.getLocalNumber());
    if (local != null) {
      StringBuilder number = new StringBuilder();
      String country = text(xtn.getCountryCode());
      String area = text(xtn.getAreaCityCode());
      if (country != null) {
        number.append('+').append(country).append(' ');
      }
      if (area != null) {
        number.append('(').append(area).append(") ");
      }
      number.append(local.length() == 7 ? local.substring(0, 3) + "-" + local.substring(3) : local);
      String extension = text(xtn.getExtension());
      if (extension != null) {
        number.append(" ext. ").append(extension);
      }
      return number.toString();
    }
    return text(xtn.getTelephoneNumber());
  }

  private static String upper(String value) {
    return value == null ? null : value.toUpperCase(Locale.ROOT);
  }

  /**
   * DTM → dateTime keeping the sender's precision (year, month, day, or time to the second or millisecond).
   * FHIR requires a time zone whenever a time is given: the value's own offset, else {@code zone}.
   * Returns null for an empty value; throws {@link IllegalArgumentException} for a malformed one.
   */
  static DateTimeType dateTime(Type dtm, ZoneId zone) {
    String value = text(dtm);
    if (value == null) {
      return null;
    }
    Matcher m = DTM.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException("not an HL7 v2 date/time (DTM): length " + value.length());
    }
    StringBuilder iso = new StringBuilder(m.group(1));
    if (m.group(2) != null) {
      iso.append('-').append(m.group(2));
    }
    if (m.group(3) != null) {
      iso.append('-').append(m.group(3));
    }
    if (m.group(4) == null) {
      return new DateTimeType(iso.toString());
    }
    String hour = m.group(4);
    String minute = m.group(5) == null ? "00" : m.group(5);
    String second = m.group(6) == null ? "00" : m.group(6);
    String fraction = m.group(7) == null ? "" : m.group(7);
    iso.append('T').append(hour).append(':').append(minute).append(':').append(second).append(fraction);
    String offset = m.group(8);
    if (offset != null) {
      iso.append(offset, 0, 3).append(':').append(offset, 3, 5);
    } else {
      LocalDateTime local = LocalDateTime.parse(iso.toString());
      ZoneOffset zoneOffset = zone.getRules().getOffset(local);
      iso.append(zoneOffset.getId().equals("Z") ? "+00:00" : zoneOffset.getId());
    }
    return new DateTimeType(iso.toString());
  }

  /** DT/DTM → date (day precision at most). */
  static DateType date(Type dt) {
    String value = text(dt);
    if (value == null) {
      return null;
    }
    String digits = value.length() > 8 ? value.substring(0, 8) : value;
    if (!digits.matches("\\d{4}(\\d{2}){0,2}")) {
      throw new IllegalArgumentException("not an HL7 v2 date (DT): length " + value.length());
    }
    StringBuilder iso = new StringBuilder(digits.substring(0, 4));
    if (digits.length() >= 6) {
      iso.append('-').append(digits, 4, 6);
    }
    if (digits.length() == 8) {
      iso.append('-').append(digits, 6, 8);
    }
    return new DateType(iso.toString());
  }

  /** All non-null results of mapping each element. */
  static <T, R> List<R> mapAll(T[] items, java.util.function.Function<T, R> mapper) {
    List<R> out = new ArrayList<>();
    if (items != null) {
      for (T item : items) {
        R mapped = mapper.apply(item);
        if (mapped != null) {
          out.add(mapped);
        }
      }
    }
    return out;
  }
}
