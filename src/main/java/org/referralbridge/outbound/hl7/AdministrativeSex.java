package org.referralbridge.outbound.hl7;

/** PID-8 administrative sex (HL7 table 0001), the codes FHIR's AdministrativeGender maps to. */
public enum AdministrativeSex {
  /** female */
  F,
  /** male */
  M,
  /** other */
  O,
  /** unknown */
  U
}
