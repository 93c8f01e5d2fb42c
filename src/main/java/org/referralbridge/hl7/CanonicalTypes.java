package org.referralbridge.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import java.util.Map;

/**
 * HAPI's canonical model with the data types that later versions withdrew mapped to their successors, so that an
 * older sender's OBX-2 (e.g. "CE" or "TS" in a v2.3 message) still names a type of the v2.8 structures: CE→CWE,
 * TS→DTM, and the pre-2.3 person/address/number types to theirs.
 */
final class CanonicalTypes extends CanonicalModelClassFactory {

  private static final long serialVersionUID = 1L;

  private static final Map<String, String> SUCCESSORS = Map.of(
      "CE", "CWE",
      "TS", "DTM",
      "TN", "XTN",
      "PN", "XPN",
      "AD", "XAD",
      "CK", "CX",
      "CN", "XCN",
      "CM", "ST");

  CanonicalTypes(String version) {
    super(version);
  }

  @Override
  public Class<? extends Type> getTypeClass(String name, String version) throws HL7Exception {
    Class<? extends Type> type = super.getTypeClass(name, version);
    if (type == null && name != null && SUCCESSORS.containsKey(name)) {
      return super.getTypeClass(SUCCESSORS.get(name), version);
    }
    return type;
  }
}
