package org.referralbridge.outbound.hl7;

/**
 * The referring provider: PRD with role RP in an RRI (name PRD-2, phone PRD-5, NPI PRD-7), PV1-8 referring doctor
 * and OBR-16 ordering provider in the summaries.
 *
 * @param npi the US National Provider Identifier; may be null
 * @param phone a work phone as text; may be null
 */
public record ReferringProvider(PersonName name, String npi, String phone) {}
