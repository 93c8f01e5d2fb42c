package org.referralbridge.translate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.referralbridge.hl7.ApplicationId;

/**
 * The transaction Bundle of one referral while it is being built. Every entry is a conditional create on an
 * identifier ({@code ifNoneExist}), so writing the same referral twice changes nothing, and every fullUrl is a
 * name-based UUID, so the same message always gives the same Bundle (golden files, retries).
 */
final class Translation {

  final ApplicationId sender;
  final String referralId;
  final IdentifierSystems systems;
  final ZoneId zone;
  final DataQuality quality = new DataQuality();
  private final Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);

  Translation(ApplicationId sender, String referralId, IdentifierSystems systems, ZoneId zone) {
    this.sender = sender;
    this.referralId = referralId;
    this.systems = systems;
    this.zone = zone;
  }

  /** Adds {@code resource}, created only if no resource of its type has {@code identity}; returns a reference. */
  Reference add(Resource resource, String localKey, Identifier identity) {
    String seed = sender.key() + "|" + referralId + "|" + localKey;
    String fullUrl = "urn:uuid:" + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    for (Bundle.BundleEntryComponent existing : bundle.getEntry()) {
      if (existing.getFullUrl().equals(fullUrl)) {
        return new Reference(fullUrl);
      }
    }
    Bundle.BundleEntryComponent entry = bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
    entry.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType());
    if (identity != null) {
      entry.getRequest().setIfNoneExist("identifier=" + tokenParam(identity));
    }
    return new Reference(fullUrl);
  }

  /** The resource a reference returned by {@link #add} points to. */
  Resource resource(Reference reference) {
    return bundle.getEntry().stream()
        .filter(entry -> entry.getFullUrl().equals(reference.getReference()))
        .findFirst().orElseThrow(() -> new IllegalStateException("not in this Bundle: " + reference.getReference()))
        .getResource();
  }

  /** A per-referral identifier for a part that has no identity of its own (a DG1, an OBX, ...). */
  Identifier partIdentifier(String part) {
    return new Identifier().setSystem(systems.senderSystem(sender, "referral-part")).setValue(referralId + "/" + part);
  }

  Bundle bundle() {
    return bundle;
  }

  /** {@code system|value}, token-escaped and URL-encoded for a search URL. */
  static String tokenParam(Identifier identifier) {
    String token = escapeToken(identifier.getSystem()) + "|" + escapeToken(identifier.getValue());
    return URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  private static String escapeToken(String value) {
    return value.replace("\\", "\\\\").replace("|", "\\|").replace(",", "\\,").replace("$", "\\$");
  }
}
