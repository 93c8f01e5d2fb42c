package org.referralbridge.translate;

import static org.referralbridge.translate.V2Types.isEmpty;
import static org.referralbridge.translate.V2Types.text;
import static org.referralbridge.translate.V2Types.upper;

import ca.uhn.hl7v2.model.v28.datatype.XTN;
import org.hl7.fhir.r4.model.ContactPoint;

/**
 * Telecommunication numbers and addresses (XTN) → ContactPoint, with the equipment type (table 0202) as the system
 * and the use code (table 0201) as the use.
 */
final class Telecoms {

  private Telecoms() {}

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
}
