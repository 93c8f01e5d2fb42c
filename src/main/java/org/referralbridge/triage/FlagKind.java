package org.referralbridge.triage;

/** What a screening flag is about; one flag of each kind at most per referral. */
public enum FlagKind {

  UNCONTROLLED_HYPERTENSION("Uncontrolled hypertension"),
  CARDIOVASCULAR_DISEASE("Arrhythmia, cerebrovascular disease or recent myocardial infarction"),
  PSYCHOSIS_OR_MANIA("Psychosis or mania"),
  PREGNANCY("Pregnancy or breastfeeding"),
  SUBSTANCE_USE_DISORDER("Substance use disorder"),
  HIGH_BENZODIAZEPINE_USE("High or unquantified benzodiazepine use"),
  SUICIDALITY_SCREEN_POSITIVE("Positive suicidality screen: safety assessment needed"),
  KETAMINE_HYPERSENSITIVITY("Allergy or intolerance to ketamine");

  private final String title;

  FlagKind(String title) {
    this.title = title;
  }

  /** The heading shown to staff. */
  public String title() {
    return title;
  }
}
