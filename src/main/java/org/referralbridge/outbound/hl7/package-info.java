/**
 * HL7 v2 messages the clinic sends back to a referring provider, written with HAPI's v2.5.1 structures (the
 * version most receivers take) and encoded with HAPI's PipeParser:
 *
 * <ul>
 *   <li>{@link org.referralbridge.outbound.hl7.ReferralStatusMessages#rri RRI^I12..I15}: the referral's new status
 *       (RF1-1), answering the original REF^I12 (MSA-2 echoes its MSH-10), or the referrer's REF^I13..I15;
 *   <li>{@link org.referralbridge.outbound.hl7.SummaryMessages#mdmT02 MDM^T02}: the infusion-summary PDF as a
 *       document (TXA + one OBX of type ED);
 *   <li>{@link org.referralbridge.outbound.hl7.SummaryMessages#oruR01 ORU^R01}: the summary's structured results
 *       (scores, dose, vitals, weight), one OBX each.
 * </ul>
 *
 * <p>Inputs are plain records ({@link org.referralbridge.outbound.hl7.StatusNotice},
 * {@link org.referralbridge.outbound.hl7.SummaryNotice}); {@link org.referralbridge.outbound.hl7.StatusNotices}
 * builds a status notice from the FHIR resources the inbound translator stores. Every code is in
 * {@link org.referralbridge.outbound.hl7.OutboundCodes}. Plain Java: no Camel, no Spring, no I/O; the same input
 * always gives the same bytes.
 */
package org.referralbridge.outbound.hl7;
