package org.referralbridge.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.referralbridge.translate.EncodedTypes.xad;

import org.hl7.fhir.r4.model.Address;
import org.junit.jupiter.api.Test;

/** Addresses (XAD) → Address ({@link Addresses}), each parsed from its pipe-encoded form. */
class AddressesTests {

  @Test
  void mapsAnAddressWithItsCountyAndType() {
    Address home = Addresses.address(xad("12 Example Ave^Unit 4^Springfield^OR^97001^USA^H^^Lane"));
    Address mailing = Addresses.address(xad("PO Box 55^^Springfield^OR^97002^USA^M"));

    assertThat(home.getLine()).extracting(Object::toString).containsExactly("12 Example Ave", "Unit 4");
    assertThat(home.getCity()).isEqualTo("Springfield");
    assertThat(home.getDistrict()).isEqualTo("Lane");
    assertThat(home.getState()).isEqualTo("OR");
    assertThat(home.getPostalCode()).isEqualTo("97001");
    assertThat(home.getCountry()).isEqualTo("USA");
    assertThat(home.getUse()).isEqualTo(Address.AddressUse.HOME);
    assertThat(mailing.getType()).isEqualTo(Address.AddressType.POSTAL);
  }
}
