package org.referralbridge.partner;

import java.util.List;
import java.util.Set;

/**
 * A referring provider's organisation and its system, as the directory in the FHIR store describes it.
 *
 * @param organizationId the Organization's logical id in the store
 * @param name the organisation's name
 * @param senderKeys the HL7 v2 senders ("MSH-3^MSH-4") whose messages come from this partner
 * @param channel where replies (status, summaries) go; null when none is known yet
 */
public record Partner(String organizationId, String name, List<String> senderKeys, Channel channel) {

  /** The formats a partner can receive. */
  public enum Format {
    /** HL7 v2 RRI^I12 referral responses (status). */
    RRI_I12,
    /** HL7 v2 MDM^T02 with the summary as a PDF. */
    MDM_T02,
    /** HL7 v2 ORU^R01 with the summary's structured results. */
    ORU_R01,
    /**
     * HL7 v2 application acknowledgements (enhanced mode) of the partner's results and documents: whether they were
     * attached to a referral (see bridge.lifecycle.unmatched-results and MSH-16).
     */
    ACK,
    /** FHIR: Task updates and document Bundles to the partner's FHIR base. */
    FHIR
  }

  /**
   * A reply channel.
   *
   * @param kind MLLP or FHIR
   * @param address "host:port" for MLLP, the base URL for FHIR
   * @param formats what the partner accepts over it
   */
  public record Channel(Kind kind, String address, Set<Format> formats) {

    /** Transport of a channel. */
    public enum Kind { MLLP, FHIR }
  }
}
