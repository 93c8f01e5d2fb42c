package org.referralbridge.outbound.hl7;

import java.util.Objects;

/**
 * The clinic as the referred-to provider: PRD with role RT (name PRD-2, the facility of {@link Envelope#sender()}
 * in PRD-4, phone PRD-5, NPI PRD-7).
 *
 * @param npi the organisation's NPI; may be null
 * @param phone may be null
 */
public record ClinicDetails(String name, String npi, String phone) {

  public ClinicDetails {
    Objects.requireNonNull(name, "name");
  }
}
