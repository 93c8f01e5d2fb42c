package org.referralbridge.outbound;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.referralbridge.store.FhirStore;

/**
 * What a message back to a referrer needs to know about the referral: who sent it (its {@code meta.source}),
 * the referring practitioner, the clinic, the patient and the original message, read from the FHIR store.
 */
class ReferralContext {

  private final FhirStore store;
  private final Pattern senderSystem;
  private final Pattern senderSource;

  ReferralContext(FhirStore store, String identifierBase) {
    this.store = store;
    String base = identifierBase.endsWith("/") ? identifierBase.substring(0, identifierBase.length() - 1)
        : identifierBase;
    this.senderSystem = Pattern.compile(Pattern.quote(base) + "/sender/([^/]*)/([^/]*)/referral-id");
    // the store may append "#<request id>" to a source it records
    this.senderSource = Pattern.compile(Pattern.quote(base) + "/sender/([^/#]*)/([^/#]*)(#.*)?");
  }

  /**
   * "MSH-3^MSH-4" of the sender that referred this patient: the referral's {@code meta.source}, which the translator
   * sets; for referrals written before it did, the system of its sender-qualified referral id.
   */
  Optional<String> senderKey(ServiceRequest request) {
    Optional<String> source = sender(senderSource, request.getMeta().getSource());
    if (source.isPresent()) {
      return source;
    }
    for (Identifier identifier : request.getIdentifier()) {
      Optional<String> fromIdentifier = sender(senderSystem, identifier.getSystem());
      if (fromIdentifier.isPresent()) {
        return fromIdentifier;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> sender(Pattern pattern, String uri) {
    Matcher matcher = pattern.matcher(uri == null ? "" : uri);
    return matcher.matches() ? Optional.of(decode(matcher.group(1)) + "^" + decode(matcher.group(2)))
        : Optional.empty();
  }

  /** The referral's id as its sender knows it. */
  Identifier placer(ServiceRequest request) {
    return request.getIdentifier().stream()
        .filter(i -> i.getSystem() != null && senderSystem.matcher(i.getSystem()).matches()).findFirst()
        .orElse(request.getIdentifierFirstRep()).copy();
  }

  Patient patient(ServiceRequest request) {
    return resource(Patient.class, request.getSubject());
  }

  Practitioner referrer(ServiceRequest request) {
    PractitionerRole role = resource(PractitionerRole.class, request.getRequester());
    return role == null ? null : resource(Practitioner.class, role.getPractitioner());
  }

  Organization clinic(Task task) {
    return resource(Organization.class, task.getOwner());
  }

  DocumentReference originalMessage(ServiceRequest request) {
    for (Reference reference : request.getSupportingInfo()) {
      if ("DocumentReference".equals(reference.getReferenceElement().getResourceType())) {
        return resource(DocumentReference.class, reference);
      }
    }
    return null;
  }

  <T extends Resource> T resource(Class<T> type, Reference reference) {
    if (reference == null || !reference.hasReference()
        || !type.getSimpleName().equals(reference.getReferenceElement().getResourceType())) {
      return null;
    }
    return store.read(type, reference.getReferenceElement().getIdPart()).orElse(null);
  }

  private static String decode(String slug) {
    return URLDecoder.decode(slug, StandardCharsets.UTF_8);
  }
}
