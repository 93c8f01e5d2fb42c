package org.referralbridge.translate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Translation of inbound messages to FHIR.
 *
 * @param identifierBase base URL of the identifier systems this installation mints
 * @param defaultTimeZone zone for v2 times sent without an offset
 * @param clinic the clinic that receives the referrals
 */
@Validated
@ConfigurationProperties("bridge.translate")
public record TranslateProperties(@NotNull URI identifierBase, @NotNull ZoneId defaultTimeZone,
    @Valid @NotNull Clinic clinic) {

  /**
   * @param name the clinic's name
   * @param identifierSystem system of the clinic's Organization identifier
   * @param identifierValue value of the clinic's Organization identifier
   */
  public record Clinic(@NotBlank String name, @NotBlank String identifierSystem, @NotBlank String identifierValue) {}

  TranslationSettings settings() {
    return new TranslationSettings(identifierBase.toString(),
        new TranslationSettings.Clinic(clinic.name(), clinic.identifierSystem(), clinic.identifierValue()),
        defaultTimeZone);
  }
}
