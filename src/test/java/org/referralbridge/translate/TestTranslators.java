package org.referralbridge.translate;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import java.time.ZoneId;
import org.referralbridge.validate.ProfileValidator;

/** The validator and a translator with its terminology gate, as the service builds them, shared by tests. */
public final class TestTranslators {

  /** The translation settings the service ships with (application.yaml's bridge.translate). */
  public static final TranslationSettings SETTINGS = new TranslationSettings("http://referralbridge.org/fhir/sid",
      new TranslationSettings.Clinic("Lakeside Ketamine Clinic", "http://referralbridge.org/fhir/sid/organization",
          "LAKESIDE_KETAMINE"), ZoneId.of("America/Los_Angeles"));

  private static ProfileValidator validator;

  private TestTranslators() {}

  /** One validator over {@code fhir-profiles/} for the whole test JVM (building one takes seconds). */
  public static synchronized ProfileValidator validator() {
    if (validator == null) {
      validator = new ProfileValidator(FhirContext.forR4Cached(),
          Path.of(System.getProperty("basedir", "."), "fhir-profiles"));
    }
    return validator;
  }

  public static RefI12Translator translator(TranslationSettings settings) {
    return new RefI12Translator(settings, new Terminology(validator().validationSupport()));
  }
}
