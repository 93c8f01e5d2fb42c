package org.referralbridge.partner;

import java.util.Set;
import org.apache.camel.ProducerTemplate;
import org.hl7.fhir.r4.model.Bundle;
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
 * Staff decisions on quarantined senders: approve (the sender becomes a partner in the directory, and its held
 * messages enter the pipeline in the order they came) or reject (held messages are kept, never processed).
 */
public class PartnerAdmin {

  private static final Logger log = LoggerFactory.getLogger(PartnerAdmin.class);

  private final FhirStore store;
  private final PartnerDirectory directory;
  private final QuarantineStore quarantine;
  private final ProducerTemplate producer;

  public PartnerAdmin(FhirStore store, PartnerDirectory directory, QuarantineStore quarantine,
      ProducerTemplate producer) {
    this.store = store;
    this.directory = directory;
    this.quarantine = quarantine;
    this.producer = producer;
  }

  /** What staff enter when approving a sender. */
  public record Approval(String senderKey, String name, Partner.Channel.Kind channel, String address,
      Set<Partner.Format> formats) {}

  /** Creates the partner (Organization + Endpoint) and releases the sender's held messages; returns how many. */
  public int approve(Approval approval, String staffMember) {
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    Reference endpointRef = null;
    if (approval.address() != null && !approval.address().isBlank()) {
      Endpoint endpoint = new Endpoint();
      endpoint.setStatus(Endpoint.EndpointStatus.ACTIVE);
      endpoint.setConnectionType(new Coding(PartnerCodes.CONNECTION_TYPE,
          approval.channel() == Partner.Channel.Kind.MLLP ? PartnerCodes.CONNECTION_MLLP
              : PartnerCodes.CONNECTION_FHIR, null));
      endpoint.setName(approval.name() + " – replies");
      for (Partner.Format format : approval.formats()) {
        endpoint.addPayloadType(new CodeableConcept().addCoding(
            new Coding(PartnerCodes.FORMAT_SYSTEM, format.name(), null)));
      }
      endpoint.setAddress(approval.channel() == Partner.Channel.Kind.MLLP
          ? "mllp://" + approval.address() : approval.address());
      transaction.addEntry().setFullUrl("urn:uuid:endpoint").setResource(endpoint)
          .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Endpoint");
      endpointRef = new Reference("urn:uuid:endpoint");
    }
    Organization organization = new Organization().setName(approval.name()).setActive(true);
    Identifier sender = new Identifier().setSystem(PartnerCodes.SENDER_SYSTEM).setValue(approval.senderKey());
    organization.addIdentifier(sender);
    if (endpointRef != null) {
      organization.addEndpoint(endpointRef);
    }
    transaction.addEntry().setFullUrl("urn:uuid:organization").setResource(organization).getRequest()
        .setMethod(Bundle.HTTPVerb.POST).setUrl("Organization")
        .setIfNoneExist("identifier=" + PartnerCodes.SENDER_SYSTEM + "|" + approval.senderKey());
    store.transaction(transaction);
    directory.refresh();
    int released = 0;
    for (QuarantineStore.Held held : quarantine.held(approval.senderKey())) {
      producer.sendBody("direct:releaseQuarantined", held.content());
      quarantine.decide(held.id(), QuarantineStore.Status.RELEASED, staffMember);
      released++;
    }
    log.info("Sender {} approved as a partner by {}: {} held message(s) released", approval.senderKey(),
        staffMember, released);
    return released;
  }

  /** Rejects every held message of the sender (they stay in quarantine, marked rejected). */
  public int reject(String senderKey, String staffMember) {
    int rejected = 0;
    for (QuarantineStore.Held held : quarantine.held(senderKey)) {
      quarantine.decide(held.id(), QuarantineStore.Status.REJECTED, staffMember);
      rejected++;
    }
    log.info("Sender {} rejected by {}: {} held message(s) kept, not processed", senderKey, staffMember, rejected);
    return rejected;
  }
}
