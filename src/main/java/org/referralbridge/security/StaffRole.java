package org.referralbridge.security;

/** What a member of staff may do. */
public enum StaffRole {
  /** Intake coordinators: see and triage referrals (accept, decline, schedule, cancel), handle quarantine. */
  INTAKE,
  /** Nurses and prescribers: everything intake does, plus recording infusion sessions and sending summaries. */
  CLINICIAN,
  /** Operators: everything, plus the message store and partner directory. */
  ADMIN
}
