package org.referralbridge.translate;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import org.referralbridge.validate.ProfileValidator;

/** The validator and a translator with its terminology gate, as the service builds them, shared by tests. */
public final class TestTranslators {

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
