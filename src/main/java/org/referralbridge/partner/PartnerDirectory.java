package org.referralbridge.partner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.referralbridge.store.FhirStore;

/**
 * The referring partners, read from the FHIR store (Organization with sender identifiers, and its Endpoint), cached
 * briefly so intake's per-message lookup costs nothing, and refreshed so edits through the FHIR API take effect.
 */
public class PartnerDirectory {

  private final FhirStore store;
  private final Duration refreshAfter;
  private final Clock clock;
  private final Map<String, Cached> bySender = new ConcurrentHashMap<>();

  private record Cached(Optional<Partner> partner, Instant readAt) {}

  public PartnerDirectory(FhirStore store, Duration refreshAfter, Clock clock) {
    this.store = store;
    this.refreshAfter = refreshAfter;
    this.clock = clock;
  }

  /** The partner that answers for an HL7 v2 sender ("MSH-3^MSH-4"), if any. */
  public Optional<Partner> findBySender(String senderKey) {
    Instant now = clock.instant();
    Cached cached = bySender.get(senderKey);
    if (cached != null && cached.readAt().plus(refreshAfter).isAfter(now)) {
      return cached.partner();
    }
    List<IBaseResource> found = store.search("Organization?identifier="
        + java.net.URLEncoder.encode(PartnerCodes.SENDER_SYSTEM + "|" + senderKey,
            java.nio.charset.StandardCharsets.UTF_8) + "&active=true", 2);
    Optional<Partner> partner = found.stream().findFirst().map(r -> toPartner((Organization) r));
    bySender.put(senderKey, new Cached(partner, now));
    return partner;
  }

  /** The partner stored as this Organization, if it is one. */
  public Optional<Partner> findByOrganization(String organizationId) {
    return store.read(Organization.class, organizationId).map(this::toPartner);
  }

  /** Forgets what was read, e.g. after a partner was created. */
  public void refresh() {
    bySender.clear();
  }

  private Partner toPartner(Organization organization) {
    List<String> senders = new ArrayList<>();
    for (Identifier identifier : organization.getIdentifier()) {
      if (PartnerCodes.SENDER_SYSTEM.equals(identifier.getSystem())) {
        senders.add(identifier.getValue());
      }
    }
    Partner.Channel channel = null;
    for (Reference reference : organization.getEndpoint()) {
      Optional<Endpoint> endpoint = store.read(Endpoint.class, reference.getReferenceElement().getIdPart());
      if (endpoint.isPresent() && endpoint.get().getStatus() == Endpoint.EndpointStatus.ACTIVE) {
        channel = toChannel(endpoint.get());
        if (channel != null) {
          break;
        }
      }
    }
    return new Partner(organization.getIdElement().getIdPart(), organization.getName(), senders, channel);
  }

  static Partner.Channel toChannel(Endpoint endpoint) {
    String type = endpoint.getConnectionType().getCode();
    Partner.Channel.Kind kind = PartnerCodes.CONNECTION_MLLP.equals(type) ? Partner.Channel.Kind.MLLP
        : PartnerCodes.CONNECTION_FHIR.equals(type) ? Partner.Channel.Kind.FHIR : null;
    if (kind == null || !endpoint.hasAddress()) {
      return null;
    }
    String address = endpoint.getAddress();
    if (kind == Partner.Channel.Kind.MLLP) {
      address = address.replaceFirst("^mllp://", "");
    }
    Set<Partner.Format> formats = EnumSet.noneOf(Partner.Format.class);
    for (CodeableConcept payload : endpoint.getPayloadType()) {
      for (Coding coding : payload.getCoding()) {
        if (PartnerCodes.FORMAT_SYSTEM.equals(coding.getSystem())) {
          try {
            formats.add(Partner.Format.valueOf(coding.getCode()));
          } catch (IllegalArgumentException unknown) {
            // a format this version does not know: ignore it
          }
        }
      }
    }
    if (formats.isEmpty()) {
      formats.add(kind == Partner.Channel.Kind.FHIR ? Partner.Format.FHIR : Partner.Format.RRI_I12);
    }
    return new Partner.Channel(kind, address, formats);
  }
}
