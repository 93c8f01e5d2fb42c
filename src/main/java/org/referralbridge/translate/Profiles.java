package org.referralbridge.translate;

/** Canonical URLs of the project's own profiles (the StructureDefinitions in fhir-profiles/). */
public final class Profiles {

  public static final String BASE = "http://referralbridge.org/fhir/StructureDefinition/";
  public static final String REFERRAL_SERVICE_REQUEST = BASE + "referral-servicerequest";
  public static final String REFERRAL_TASK = BASE + "referral-task";
  public static final String CLINIC_PATIENT = BASE + "clinic-patient";

  private Profiles() {}
}
