package org.referralbridge.validate;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates Bundles against the base R4 specification and the project's profiles in {@code fhir-profiles/}
 * (StructureDefinitions, CodeSystems, ValueSets as JSON; snapshots are generated here for profiles that give only a
 * differential). One validator instance is built once and shared: it is thread-safe and keeps its caches warm.
 */
public final class ProfileValidator {

  private static final Logger log = LoggerFactory.getLogger(ProfileValidator.class);

  private final FhirValidator validator;
  private final IValidationSupport support;
  private final int profileCount;

  public ProfileValidator(FhirContext context, Path profileDirectory) {
    List<IBaseResource> conformance = read(context, profileDirectory);
    // snapshots first, with the differentials in a throw-away chain; then the validator's chain holds only the
    // complete profiles (a profile with a differential alone cannot be validated against)
    DefaultProfileValidationSupport base = new DefaultProfileValidationSupport(context);
    PrePopulatedValidationSupport differentials = new PrePopulatedValidationSupport(context);
    conformance.forEach(differentials::addResource);
    ValidationSupportChain generation = new ValidationSupportChain(base,
        differentials, new SnapshotGeneratingValidationSupport(context));
    PrePopulatedValidationSupport projectProfiles = new PrePopulatedValidationSupport(context);
    int generated = 0;
    for (IBaseResource resource : conformance) {
      if (resource instanceof StructureDefinition sd && !sd.hasSnapshot()) {
        IBaseResource withSnapshot = generation.generateSnapshot(new ValidationSupportContext(generation), sd,
            sd.getUrl(), sd.getUrl(), sd.getName());
        if (withSnapshot == null || !((StructureDefinition) withSnapshot).hasSnapshot()) {
          throw new IllegalStateException("could not generate a snapshot for " + sd.getUrl());
        }
        projectProfiles.addResource(withSnapshot);
        generated++;
      } else {
        projectProfiles.addResource(resource);
      }
    }
    ValidationSupportChain chain = new ValidationSupportChain(
        base,
        projectProfiles,
        new CommonCodeSystemsTerminologyService(context),
        new InMemoryTerminologyServerValidationSupport(context),
        new SnapshotGeneratingValidationSupport(context));
    this.support = chain;
    this.profileCount = (int) conformance.stream().filter(StructureDefinition.class::isInstance).count();
    FhirInstanceValidator module = new FhirInstanceValidator(chain);
    module.setAnyExtensionsAllowed(false);
    this.validator = context.newValidator().registerValidatorModule(module);
    log.info("Loaded {} conformance resources ({} profiles, {} snapshots generated) from {}", conformance.size(),
        profileCount, generated, profileDirectory);
  }

  /** Validates; throws {@link InvalidReferralException} with the OperationOutcome when any issue is an error. */
  public OperationOutcome validate(Bundle bundle) {
    OperationOutcome outcome = check(bundle);
    int errors = errorCount(outcome);
    if (errors > 0) {
      throw new InvalidReferralException(outcome, errors);
    }
    return outcome;
  }

  /** Validates and returns every issue found (errors included), without throwing. */
  public OperationOutcome check(Bundle bundle) {
    ValidationResult result = validator.validateWithResult(bundle);
    return (OperationOutcome) result.toOperationOutcome();
  }

  static int errorCount(OperationOutcome outcome) {
    return (int) outcome.getIssue().stream().filter(ProfileValidator::isError).count();
  }

  static boolean isError(OperationOutcome.OperationOutcomeIssueComponent issue) {
    return issue.getSeverity() == OperationOutcome.IssueSeverity.ERROR
        || issue.getSeverity() == OperationOutcome.IssueSeverity.FATAL;
  }

  /**
   * The validator's terminology and conformance resources (base R4 and {@code fhir-profiles/}), for the translator's
   * terminology gate: the gate and the validator then agree on what a valid code is.
   */
  public IValidationSupport validationSupport() {
    return support;
  }

  public int profileCount() {
    return profileCount;
  }

  private static List<IBaseResource> read(FhirContext context, Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalStateException("FHIR profile directory not found: " + directory.toAbsolutePath());
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().map(p -> {
        try {
          return context.newJsonParser().parseResource(Files.readString(p));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).map(IBaseResource.class::cast).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
