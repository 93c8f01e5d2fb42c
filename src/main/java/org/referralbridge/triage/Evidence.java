package org.referralbridge.triage;

import java.util.Objects;

/**
 * One piece of referral data behind a flag.
 *
 * @param resourceReference the resource it came from ({@code "Condition/12"}), or null when it came from note text
 * @param description a short sentence describing the data, e.g. "Blood pressure 172/104 mmHg on 2026-11-10"; it
 *     never quotes free-text notes
 */
public record Evidence(String resourceReference, String description) {

  public Evidence {
    Objects.requireNonNull(description, "description");
  }
}
