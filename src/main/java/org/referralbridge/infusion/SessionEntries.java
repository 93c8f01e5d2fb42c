package org.referralbridge.infusion;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The transaction Bundle of one session while it is built. Every fullUrl is a name-based UUID of the referral, the
 * session number and a local key ("procedure", "vitals/2/bp"), so the same session always gives the same Bundle; the
 * same UUID is the resource's identifier and the entry a conditional create on it, so writing twice creates once.
 */
final class SessionEntries {

  private final String seed;
  private final Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);

  SessionEntries(Reference serviceRequest, int sessionNumber) {
    this.seed = seedOf(serviceRequest) + "|session/" + sessionNumber;
  }

  /** Adds {@code resource} under {@code key}, giving it its identifier; returns a reference to its entry. */
  Reference add(Resource resource, String key) {
    String uuid = uuid(key);
    resource.setProperty("identifier", new Identifier().setSystem(InfusionCodes.SESSION_RESOURCE_IDENTIFIER)
        .setValue(uuid));
    String fullUrl = "urn:uuid:" + uuid;
    Bundle.BundleEntryComponent entry = bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
    String token = InfusionCodes.SESSION_RESOURCE_IDENTIFIER + "|" + uuid;
    entry.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType())
        .setIfNoneExist("identifier=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    return new Reference(fullUrl);
  }

  Bundle bundle() {
    return bundle;
  }

  private String uuid(String key) {
    return UUID.nameUUIDFromBytes((seed + "|" + key).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** What identifies the referral: its literal reference, or else its logical identifier. */
  static String seedOf(Reference serviceRequest) {
    if (serviceRequest == null) {
      throw new IllegalArgumentException("a session needs its referral (ServiceRequest) reference");
    }
    if (serviceRequest.hasReference()) {
      return serviceRequest.getReference();
    }
    if (serviceRequest.hasIdentifier() && serviceRequest.getIdentifier().hasValue()) {
      return serviceRequest.getIdentifier().getSystem() + "|" + serviceRequest.getIdentifier().getValue();
    }
    throw new IllegalArgumentException("the referral reference has neither a reference nor an identifier");
  }
}
