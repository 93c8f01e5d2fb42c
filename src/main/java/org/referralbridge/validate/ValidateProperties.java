package org.referralbridge.validate;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Profile validation.
 *
 * @param profilesDirectory folder of StructureDefinitions, CodeSystems and ValueSets (JSON) loaded at start
 */
@Validated
@ConfigurationProperties("bridge.validate")
public record ValidateProperties(@NotNull Path profilesDirectory) {}
