package org.referralbridge.translate;

import ca.uhn.fhir.parser.DataFormatException;
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
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
import org.referralbridge.vocabulary.CodeSystems;

/**
 * HL7 v2 data types to FHIR R4 data types, after the HL7 v2-to-FHIR IG (CWE→CodeableConcept, XPN→HumanName,
 * XAD→Address, XTN→ContactPoint, DTM→dateTime). Identifier (CX) mapping needs the identifier systems and lives in
 * {@link IdentifierSystems}. Plain static functions: null in, null (or empty) out.
 */
final class V2Types {

  /** YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]: a fraction only after seconds. */
  private static final Pattern DTM = Pattern.compile(
      "^(\\d{4})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(\\.\\d{1,4})?)?)?)?)?)?([+-]\\d{4})?$");

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
    } else if (!concept.hasCoding() && !concept.hasText()) {
      return null;
    }
    return concept;
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

  /** A coding of HL7 v2 table {@code table} from a CWE whose CWE-1 holds the table value (as sent). */
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
    address.setDistrict(text(xad.getCountyParishCode()));
    address.setCountry(text(xad.getCountry()));
    String type = text(xad.getAddressType());
    if (type != null) {
      switch (type.toUpperCase(Locale.ROOT)) {
        case "H", "P" -> address.setUse(Address.AddressUse.HOME);
        case "B", "O" -> address.setUse(Address.AddressUse.WORK);
        case "C" -> address.setUse(Address.AddressUse.TEMP);
        case "BA" -> address.setUse(Address.AddressUse.OLD);
        case "M", "SH" -> address.setType(Address.AddressType.POSTAL);
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
      // table 0201 after the v2-to-FHIR ConceptMap: ORN, VHN, ASN, EMR, BPN, NET have no FHIR use
      contact.setUse(switch (use) {
        case "PRN" -> ContactPoint.ContactPointUse.HOME;
        case "WPN" -> ContactPoint.ContactPointUse.WORK;
        case "PRS" -> ContactPoint.ContactPointUse.MOBILE;
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
    Matcher m = matchDtm(value, "date/time (DTM)");
    StringBuilder iso = new StringBuilder(m.group(1));
    if (m.group(2) != null) {
      iso.append('-').append(m.group(2));
    }
    if (m.group(3) != null) {
      iso.append('-').append(m.group(3));
    }
    if (m.group(4) == null) {
      return fhirDateTime(iso.toString(), value);
    }
    String hour = m.group(4);
    String minute = m.group(5) == null ? "00" : m.group(5);
    String second = m.group(6) == null ? "00" : m.group(6);
    String fraction = m.group(7) == null ? "" : m.group(7);
    iso.append('T').append(hour).append(':').append(minute).append(':').append(second).append(fraction);
    String offset = m.group(8);
    try {
      if (offset != null) {
        iso.append(offset, 0, 3).append(':').append(offset, 3, 5);
      } else {
        LocalDateTime local = LocalDateTime.parse(iso.toString());
        ZoneOffset zoneOffset = zone.getRules().getOffset(local);
        iso.append(zoneOffset.getId().equals("Z") ? "+00:00" : zoneOffset.getId());
      }
      return new DateTimeType(iso.toString());
    } catch (DateTimeException | DataFormatException e) {
      throw new IllegalArgumentException("not a valid HL7 v2 date/time (DTM): length " + value.length(), e);
    }
  }

  /** Matches a DTM and checks its calendar ranges (month 13, 30 February, hour 24, offset +2500 are errors). */
  private static Matcher matchDtm(String value, String kind) {
    Matcher m = DTM.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException("not an HL7 v2 " + kind + ": length " + value.length());
    }
    try {
      int year = Integer.parseInt(m.group(1));
      if (m.group(3) != null) {
        LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      } else if (m.group(2) != null) {
        YearMonth.of(year, Integer.parseInt(m.group(2)));
      }
      if (m.group(4) != null) {
        LocalTime.of(Integer.parseInt(m.group(4)), m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
            m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
      }
      String offset = m.group(8);
      if (offset != null) {
        int sign = offset.charAt(0) == '-' ? -1 : 1;
        int minutes = Integer.parseInt(offset.substring(3, 5));
        if (minutes > 59) {
          throw new DateTimeException("offset minutes");
        }
        ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(offset.substring(1, 3)), sign * minutes);
      }
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not a valid HL7 v2 " + kind + ": length " + value.length(), e);
    }
    return m;
  }

  private static DateTimeType fhirDateTime(String iso, String value) {
    try {
      return new DateTimeType(iso);
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("not a valid HL7 v2 date/time (DTM): length " + value.length(), e);
    }
  }

  /** DT/DTM → date (day precision at most; a time part is checked, then dropped). */
  static DateType date(Type dt) {
    String value = text(dt);
    if (value == null) {
      return null;
    }
    Matcher m = matchDtm(value, "date (DT)");
    StringBuilder iso = new StringBuilder(m.group(1));
    if (m.group(2) != null) {
      iso.append('-').append(m.group(2));
    }
    if (m.group(3) != null) {
      iso.append('-').append(m.group(3));
    }
    try {
      return new DateType(iso.toString());
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("not a valid HL7 v2 date (DT): length " + value.length(), e);
    }
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
