package org.referralbridge.outbound.hl7;

import java.util.Objects;

/**
 * An identifier with its assigning authority, written as a CX (PID-3: value, CX-4 authority, CX-5 type) or an EI
 * (RF1-6, RF1-11, TXA-12, OBR-2/3: value, EI-2 namespace, EI-3/4 universal id and its type).
 *
 * @param value the id itself
 * @param namespace the authority's namespace id (HD-1 / EI-2), e.g. {@code GOLDEN_PSYCH}; may be null
 * @param universalId the authority's universal id (HD-2 / EI-3), e.g. an OID; may be null
 * @param universalIdType type of the universal id (HD-3 / EI-4, table 0301), e.g. {@code ISO} or {@code URI}
 * @param typeCode identifier type (CX-5, table 0203), e.g. {@code MR}; ignored in an EI; may be null
 */
public record AssignedId(String value, String namespace, String universalId, String universalIdType,
    String typeCode) {

  public AssignedId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("identifier value is required");
    }
    if (universalId != null && universalIdType == null) {
      throw new IllegalArgumentException("a universal id needs its type (ISO, URI, ...)");
    }
  }

  /** An id assigned by a namespace, e.g. {@code GLD-REF-0001} of {@code GOLDEN_EHR}. */
  public static AssignedId of(String value, String namespace) {
    return new AssignedId(value, namespace, null, null, null);
  }

  /** An id assigned by an authority known by its OID. */
  public static AssignedId ofOid(String value, String oid) {
    return new AssignedId(value, null, Objects.requireNonNull(oid, "oid"), "ISO", null);
  }

  /** This id with a CX-5 identifier type code (table 0203), e.g. {@code MR}. */
  public AssignedId withType(String type) {
    return new AssignedId(value, namespace, universalId, universalIdType, type);
  }
}
