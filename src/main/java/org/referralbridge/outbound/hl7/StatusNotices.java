package org.referralbridge.outbound.hl7;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.referralbridge.hl7.ApplicationId;
import org.referralbridge.vocabulary.AdministrativeSex;
import org.referralbridge.vocabulary.CodeSystems;
import org.referralbridge.vocabulary.ReferralPriority;

/**
 * Builds {@link StatusNotice}s (and the parties of {@link SummaryNotice}s) from the FHIR resources the inbound
 * translator stores, mapping its identifier systems back to v2 assigning authorities:
 *
 * <ul>
 *   <li>{@code urn:oid:<oid>} → HD-2 {@code <oid>}, HD-3 {@code ISO};
 *   <li>{@code <base>/aa/<namespace>} → HD-1 {@code <namespace>};
 *   <li>{@code <base>/sender/<app>/<facility>/<kind>} (ids only the sender qualifies, e.g. the referral id) →
 *       namespace {@code <app>}, the sending application that assigned it;
 *   <li>{@code http://hl7.org/fhir/sid/us-npi} → NPI; any other URI → HD-2 the URI, HD-3 {@code URI}.
 * </ul>
 *
 * The RRI goes back to the system that sent the referral: the sender and control id are read from the stored
 * original message's identifier ({@code <base>/sender/<app>/<facility>/message-control-id}). Social security
 * numbers are not sent back (the referrer has them; minimum necessary). Thread-safe.
 */
public final class StatusNotices {

  private static final String PLACER_TYPE = "PLAC";
  private static final String SSN_TYPE = "SS";
  private static final Pattern GENERATIONAL_SUFFIX = Pattern.compile("(?i)(jr|sr|i{1,3}|iv|v)\\.?");

  private final String base;
  private final ApplicationId clinicApplication;
  private final ZoneId zone;
  private final Pattern authoritySystem;
  private final Pattern senderSystem;

  /**
   * @param identifierBase the base of the identifier systems the inbound translator mints
   *     ({@code bridge.translate.identifier-base})
   * @param clinicApplication this service's MSH-3/4
   * @param zone the zone the messages' times are written in
   */
  public StatusNotices(String identifierBase, ApplicationId clinicApplication, ZoneId zone) {
    String trimmed = Objects.requireNonNull(identifierBase, "identifierBase");
    this.base = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    this.clinicApplication = Objects.requireNonNull(clinicApplication, "clinicApplication");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.authoritySystem = Pattern.compile(Pattern.quote(base) + "/aa/([^/]+)");
    this.senderSystem = Pattern.compile(Pattern.quote(base) + "/sender/([^/]*)/([^/]*)/([^/]+)");
  }

  /**
   * The status notice for a stored referral.
   *
   * @param referral the ServiceRequest: its placer identifier is RF1-6, its logical id (if stored) RF1-11, its
   *     priority RF1-2
   * @param patient PID
   * @param referrer the referring Practitioner (PRD RP); may be null when the referral named no person
   * @param clinic the clinic's Organization (PRD RT)
   * @param originalMessage the stored original referral message, whose identifier names its sender and control id
   * @param change the new status, comment and booked first session
   * @param controlId MSH-10 of the notice
   * @param time MSH-7 of the notice
   * @throws OutboundMessageException if the resources lack what the message needs
   */
  public StatusNotice from(ServiceRequest referral, Patient patient, Practitioner referrer, Organization clinic,
      DocumentReference originalMessage, StatusChange change, String controlId, Instant time) {
    Objects.requireNonNull(change, "change");
    Identifier original = originalMessage == null ? null : originalMessage.getIdentifier().stream()
        .filter(id -> id.hasValue() && id.hasSystem() && id.getSystem().endsWith("/message-control-id"))
        .findFirst().orElse(null);
    Matcher sender = original == null ? null : senderSystem.matcher(original.getSystem());
    if (sender == null || !sender.matches()) {
      throw new OutboundMessageException("MSA-2: the original message has no sender-qualified control id");
    }
    ApplicationId referrerSystem = new ApplicationId(decode(sender.group(1)), decode(sender.group(2)));
    Envelope envelope = new Envelope(clinicApplication, referrerSystem, controlId, time, zone);
    AssignedId clinicId = referral.getIdElement().hasIdPart()
        ? AssignedId.of(referral.getIdElement().getIdPart(), clinicApplication.application()) : null;
    String answered = change.answersControlId() == null ? original.getValue() : change.answersControlId();
    return new StatusNotice(envelope, answered, new ReferralIds(placer(referral), clinicId),
        change.status(), ReferralPriority.of(referral.getPriority()).orElse(null), change.comment(),
        change.scheduledStart(), clinic(clinic), referrer == null ? null : referrer(referrer), patient(patient),
        change.answers());
  }

  /** PID: every identifier but social security numbers, the official name, birth date, sex. */
  public PatientDetails patient(Patient patient) {
    List<AssignedId> identifiers = new ArrayList<>();
    for (Identifier identifier : patient.getIdentifier()) {
      AssignedId id = identifier(identifier);
      if (id != null && !CodeSystems.SSN.equals(identifier.getSystem()) && !SSN_TYPE.equals(id.typeCode())) {
        identifiers.add(id);
      }
    }
    if (identifiers.isEmpty()) {
      throw new OutboundMessageException("PID-3: the patient has no identifier to send");
    }
    String birthDate = patient.hasBirthDate() ? patient.getBirthDateElement().getValueAsString() : null;
    return new PatientDetails(identifiers, name(patient.getName()), birthDate,
        AdministrativeSex.of(patient.getGender()).orElse(null));
  }

  /** The referring provider: official name, NPI, work phone. */
  public ReferringProvider referrer(Practitioner practitioner) {
    return new ReferringProvider(name(practitioner.getName()), npi(practitioner.getIdentifier()),
        phone(practitioner.getTelecom()));
  }

  /** The clinic: name, NPI, phone. */
  public ClinicDetails clinic(Organization organization) {
    String name = organization.hasName() ? organization.getName() : clinicApplication.facility();
    return new ClinicDetails(name, npi(organization.getIdentifier()), phone(organization.getTelecom()));
  }

  /** FHIR Identifier → CX / EI parts, the reverse of the inbound translator's systems; null without a value. */
  AssignedId identifier(Identifier identifier) {
    if (!identifier.hasValue()) {
      return null;
    }
    String value = identifier.getValue();
    String type = identifier.getType().getCoding().stream()
        .filter(coding -> CodeSystems.V2_IDENTIFIER_TYPE.equals(coding.getSystem()) && coding.hasCode())
        .map(coding -> coding.getCode()).findFirst().orElse(null);
    String system = identifier.getSystem();
    if (system == null || system.isBlank()) {
      return new AssignedId(value, null, null, null, type);
    }
    if (system.startsWith("urn:oid:")) {
      return new AssignedId(value, null, system.substring("urn:oid:".length()), "ISO", type);
    }
    if (system.equals(CodeSystems.NPI)) {
      return new AssignedId(value, OutboundCodes.NPI, OutboundCodes.NPI_OID, "ISO", type);
    }
    Matcher authority = authoritySystem.matcher(system);
    if (authority.matches()) {
      return new AssignedId(value, decode(authority.group(1)), null, null, type);
    }
    Matcher sender = senderSystem.matcher(system);
    if (sender.matches()) {
      return new AssignedId(value, decode(sender.group(1)), null, null, type);
    }
    return new AssignedId(value, null, system, "URI", type);
  }

  /** RF1-6: the ServiceRequest's placer identifier (type PLAC), else its sender-qualified referral id. */
  private AssignedId placer(ServiceRequest referral) {
    Identifier placer = referral.getIdentifier().stream()
        .filter(id -> id.getType().getCoding().stream().anyMatch(coding -> PLACER_TYPE.equals(coding.getCode())))
        .findFirst()
        .or(() -> referral.getIdentifier().stream()
            .filter(id -> id.hasSystem() && id.getSystem().startsWith(base + "/sender/")
                && id.getSystem().endsWith("/referral-id"))
            .findFirst())
        .orElse(null);
    AssignedId id = placer == null ? null : identifier(placer);
    if (id == null) {
      throw new OutboundMessageException("RF1-6: the referral has no placer identifier");
    }
    return new AssignedId(id.value(), id.namespace(), id.universalId(), id.universalIdType(), null);
  }


  /** HumanName → XPN parts: the official name, else the usual one, else the first. */
  static PersonName name(List<HumanName> names) {
    HumanName chosen = names.stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
        .or(() -> names.stream().filter(n -> n.getUse() == HumanName.NameUse.USUAL).findFirst())
        .or(() -> names.stream().findFirst())
        .orElse(null);
    if (chosen == null) {
      return null;
    }
    List<String> given = chosen.getGiven().stream().map(StringType::getValue).toList();
    List<String> generational = new ArrayList<>();
    List<String> credentials = new ArrayList<>();
    for (StringType suffix : chosen.getSuffix()) {
      (GENERATIONAL_SUFFIX.matcher(suffix.getValue()).matches() ? generational : credentials).add(suffix.getValue());
    }
    return new PersonName(chosen.getFamily(),
        given.isEmpty() ? null : given.get(0),
        given.size() < 2 ? null : String.join(" ", given.subList(1, given.size())),
        joined(generational),
        joined(chosen.getPrefix().stream().map(StringType::getValue).toList()),
        joined(credentials));
  }

  private static String joined(List<String> parts) {
    return parts.isEmpty() ? null : parts.stream().collect(Collectors.joining(" "));
  }


  private static String npi(List<Identifier> identifiers) {
    return identifiers.stream().filter(id -> CodeSystems.NPI.equals(id.getSystem()) && id.hasValue())
        .map(Identifier::getValue).findFirst().orElse(null);
  }

  /** A phone number: the first work phone, else the first phone of any use. */
  private static String phone(List<ContactPoint> telecom) {
    List<ContactPoint> phones = telecom.stream()
        .filter(c -> c.getSystem() == ContactPoint.ContactPointSystem.PHONE && c.hasValue()).toList();
    return phones.stream().filter(c -> c.getUse() == ContactPoint.ContactPointUse.WORK).findFirst()
        .or(() -> phones.stream().findFirst())
        .map(ContactPoint::getValue).orElse(null);
  }

  private static String decode(String slug) {
    return URLDecoder.decode(slug, StandardCharsets.UTF_8);
  }
}
