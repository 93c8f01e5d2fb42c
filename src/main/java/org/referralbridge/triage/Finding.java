package org.referralbridge.triage;

/** One reason for a flag found by a rule: how severe, and the data it came from. */
record Finding(Severity severity, Evidence evidence) {

  static Finding of(Severity severity, String resourceReference, String description) {
    return new Finding(severity, new Evidence(resourceReference, description));
  }
}
