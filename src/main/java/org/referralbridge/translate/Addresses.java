package org.referralbridge.translate;

import static org.referralbridge.translate.V2Types.isEmpty;
import static org.referralbridge.translate.V2Types.text;

import ca.uhn.hl7v2.model.v28.datatype.XAD;
import java.util.Locale;
import org.hl7.fhir.r4.model.Address;

/** Addresses (XAD) → Address, with the address type (table 0190) as Address.use or Address.type. */
final class Addresses {

  private Addresses() {}

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
}
