package org.referralbridge.outbound.hl7;

import java.util.Objects;

/**
 * One end of an HL7 v2 exchange: the application and facility namespace ids of MSH-3/4 (sender) or MSH-5/6
 * (receiver), e.g. {@code REFERRALBRIDGE} / {@code LAKESIDE_KETAMINE}.
 */
public record Endpoint(String application, String facility) {

  public Endpoint {
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(facility, "facility");
  }
}
