package org.referralbridge.partner;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.referralbridge.store.FhirStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The referring partners, read from the FHIR store (Organizations with sender identifiers, and their Endpoints).
 * Intake looks senders up in a snapshot held in memory, so a lookup never reads the store: the snapshot is read
 * once when first needed, then again on a thread of its own ({@link #refreshQuietly()}, every
 * {@code bridge.partners.cache-ttl}) and at once after a partner is created. While the store cannot be read, the
 * last snapshot keeps serving, so intake does not stop or slow down because the FHIR store is down or busy.
 */
public class PartnerDirectory {

  private static final Logger log = LoggerFactory.getLogger(PartnerDirectory.class);
  private static final int MAX_PARTNERS = 10_000;

  private final FhirStore store;
  private final Clock clock;
  private volatile Map<String, Partner> bySender;
  private volatile Instant readAt = Instant.MIN;

  public PartnerDirectory(FhirStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * The partner that answers for an HL7 v2 sender ("MSH-3^MSH-4"), if any, from the snapshot; only the very first
   * lookup, before any snapshot was read, reads the store (and fails if it cannot).
   */
  public Optional<Partner> findBySender(String senderKey) {
    Map<String, Partner> snapshot = bySender;
    if (snapshot == null) {
      snapshot = firstSnapshot();
    }
    return Optional.ofNullable(snapshot.get(senderKey));
  }

  private synchronized Map<String, Partner> firstSnapshot() {
    if (bySender == null) {
      refresh();
    }
    return bySender;
  }

  /** Reads the whole directory now (after a partner was created, say); fails if the store cannot be read. */
  public synchronized void refresh() {
    Map<String, Partner> directory = new HashMap<>();
    for (IBaseResource resource : store.search("Organization?identifier="
        + java.net.URLEncoder.encode(PartnerCodes.SENDER_SYSTEM + "|", java.nio.charset.StandardCharsets.UTF_8)
        + "&active=true", MAX_PARTNERS)) {
      Partner partner = toPartner((Organization) resource);
      partner.senderKeys().forEach(key -> directory.put(key, partner));
    }
    bySender = Map.copyOf(directory);
    readAt = clock.instant();
  }

  /** When the snapshot intake serves was read, or null before the first read. */
  public Instant snapshotReadAt() {
    return bySender == null ? null : readAt;
  }

  /** How many senders the snapshot knows (0 before the first read). */
  public int senders() {
    Map<String, Partner> snapshot = bySender;
    return snapshot == null ? 0 : snapshot.size();
  }

  /** The periodic refresh: reads the directory again, or keeps serving the last snapshot if the store is away. */
  public void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      log.warn("Partner directory could not be read again ({}); serving the one read at {}",
          e.getClass().getSimpleName(), readAt);
    }
  }

  private Partner toPartner(Organization organization) {
    java.util.List<String> senders = new java.util.ArrayList<>();
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
