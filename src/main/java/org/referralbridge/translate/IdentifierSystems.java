package org.referralbridge.translate;

import static org.referralbridge.translate.V2Types.text;

import ca.uhn.hl7v2.model.v28.datatype.CX;
import ca.uhn.hl7v2.model.v28.datatype.EI;
import ca.uhn.hl7v2.model.v28.datatype.HD;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.referralbridge.hl7.ApplicationId;
import org.referralbridge.vocabulary.CodeSystems;

/**
 * Identifier systems: v2 assigning authorities (HD) become URIs (an OID as {@code urn:oid:}, a URI as itself, a
 * local namespace under this installation's base), and ids that only the sender can qualify (referral ids,
 * per-referral parts) are placed under {@code <base>/sender/<application>/<facility>/...}.
 */
final class IdentifierSystems {

  private static final String OID = "[0-2](\\.(0|[1-9]\\d*))+";
  private final String base;

  IdentifierSystems(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** The system for an assigning authority, or null when the HD is empty. */
  String forAuthority(HD hd) {
    if (V2Types.isEmpty(hd)) {
      return null;
    }
    return forAuthority(text(hd.getNamespaceID()), text(hd.getUniversalID()), text(hd.getUniversalIDType()));
  }

  String forAuthority(String namespace, String universalId, String universalIdType) {
    if (universalId != null) {
      String type = universalIdType == null ? "" : universalIdType.toUpperCase(Locale.ROOT);
      if (universalId.matches(OID) && (type.isEmpty() || type.equals("ISO"))) {
        return "urn:oid:" + universalId;
      }
      if (type.equals("URI") || type.equals("URL") || universalId.startsWith("http")) {
        return universalId;
      }
    }
    if (namespace != null) {
      if ("NPI".equalsIgnoreCase(namespace)) {
        return CodeSystems.NPI;
      }
      if ("USSSA".equalsIgnoreCase(namespace) || "SSA".equalsIgnoreCase(namespace)) {
        return CodeSystems.SSN;
      }
      return base + "/aa/" + slug(namespace);
    }
    return universalId == null ? null : base + "/aa/" + slug(universalId);
  }

  /**
   * CX → Identifier; a CX without an authority is qualified by the sending facility.
   *
   * @param location the field, e.g. "PID-3", named when its CX-7/CX-8 dates are malformed
   */
  Identifier identifier(CX cx, ApplicationId sender, String location, DataQuality quality) {
    String value = text(cx.getIDNumber());
    if (value == null) {
      return null;
    }
    String system = forAuthority(cx.getAssigningAuthority());
    String universalId = text(cx.getAssigningAuthority().getUniversalID());
    if (universalId != null && system != null && !system.contains(universalId)) {
      quality.note(null, location + ".4.2", "assigning authority '" + universalId + "' is not a valid OID or URI: the"
          + " identifier is qualified by the authority's name instead");
    }
    String typeCode = text(cx.getIdentifierTypeCode());
    if ("NPI".equalsIgnoreCase(typeCode)) {
      system = CodeSystems.NPI;
    }
    if (system == null) {
      system = forAuthority(sender.facilityOrApplication(), null, null);
    }
    Identifier identifier = new Identifier().setSystem(system).setValue(value);
    if (typeCode != null) {
      identifier.setType(new CodeableConcept().addCoding(
          new org.hl7.fhir.r4.model.Coding(CodeSystems.V2_IDENTIFIER_TYPE, typeCode, null)));
    }
    Period period = new Period();
    if (text(cx.getEffectiveDate()) != null) {
      period.setStartElement(Fields.dateAsDateTime(location + ".7", cx.getEffectiveDate(), quality));
    }
    if (text(cx.getExpirationDate()) != null) {
      period.setEndElement(Fields.dateAsDateTime(location + ".8", cx.getExpirationDate(), quality));
    }
    if (!period.isEmpty()) {
      identifier.setPeriod(period);
    }
    return identifier;
  }

  /** EI (e.g. RF1-6) → Identifier: a universal id names its own system, otherwise the sender qualifies it. */
  Identifier entityIdentifier(EI ei, ApplicationId sender, String kind) {
    String value = text(ei.getEntityIdentifier());
    if (value == null) {
      return null;
    }
    String universalId = text(ei.getUniversalID());
    String system = universalId == null ? null : forAuthority(null, universalId, text(ei.getUniversalIDType()));
    if (system == null) {
      system = senderSystem(sender, kind);
    }
    return new Identifier().setSystem(system).setValue(value);
  }

  /**
   * EI (e.g. RF1-11) → Identifier whose system is the EI's assigning authority (EI-2 namespace, EI-3/EI-4 universal
   * id); only an EI without one is qualified by the sender.
   */
  Identifier authorityIdentifier(EI ei, ApplicationId sender, String kind) {
    String value = text(ei.getEntityIdentifier());
    if (value == null) {
      return null;
    }
    String system = forAuthority(text(ei.getNamespaceID()), text(ei.getUniversalID()), text(ei.getUniversalIDType()));
    return new Identifier().setSystem(system != null ? system : senderSystem(sender, kind)).setValue(value);
  }

  /**
   * The URI of a sending system, e.g. {@code <base>/sender/NORTHSIDE_EHR/NORTHSIDE_PSYCH}: the {@code meta.source} of
   * what it sent, how an answer finds its way back whatever identifiers the message carried.
   */
  String senderSource(ApplicationId sender) {
    return base + "/sender/" + path(sender);
  }

  /** A system for ids only meaningful within one sender, e.g. {@code <base>/sender/APP/FAC/referral-id}. */
  String senderSystem(ApplicationId sender, String kind) {
    return base + "/sender/" + path(sender) + "/" + kind;
  }

  /** URL path segment form of a sender, e.g. {@code NORTHSIDE_EHR/NORTHSIDE_PSYCH}. */
  private static String path(ApplicationId sender) {
    return slug(sender.application()) + "/" + slug(sender.facility());
  }

  /**
   * A system for identifiers an authority assigns of one kind (a policy number, an authorisation): below the
   * authority's URL when it is one; an OID cannot take a path, so an OID authority gets a system under this
   * installation's base that names the OID.
   */
  String below(String authority, String kind) {
    if (authority.startsWith("http://") || authority.startsWith("https://")) {
      return authority + "/" + kind;
    }
    return base + "/aa/" + slug(authority.startsWith("urn:oid:") ? "oid-" + authority.substring(8) : authority)
        + "/" + kind;
  }

  /** A system minted by this installation, e.g. {@code <base>/practitioner-role}. */
  String local(String kind) {
    return base + "/" + kind;
  }

  static String slug(String value) {
    return URLEncoder.encode(value == null ? "" : value.trim(), StandardCharsets.UTF_8).replace("+", "%20");
  }
}
