package org.referralbridge.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * Validation that never blocks on optional content. The Bundle is validated; each error at an optional element is
 * repaired by removing that element (its value stays in the original message, which the Bundle keeps), and the
 * Bundle is validated again, a few rounds at most. Only errors at the essentials (the referral's identifier, its
 * patient and the patient's identifiers, its referrer, and the Task's focus) or errors that removal cannot fix make
 * the referral invalid. Each removal is returned, for the referral's data-quality notes.
 */
public final class RepairingValidator {

  private static final int MAX_ROUNDS = 6;
  private static final Pattern STEP = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)(?:\\[(\\d+)\\])?");
  /** Elements (FHIRPath without indexes, from the resource) that are the referral's essentials: never removed. */
  private static final Set<String> ESSENTIAL = Set.of(
      "ServiceRequest", "ServiceRequest.identifier", "ServiceRequest.identifier.value",
      "ServiceRequest.identifier.system", "ServiceRequest.subject", "ServiceRequest.requester",
      "Task", "Task.focus", "Task.for", "Patient", "Patient.identifier", "Patient.identifier.value");
  /** Errors that follow from another error (a reference to a resource that does not match its profile). */
  private static final List<String> CONSEQUENTIAL = List.of("Unable to find a profile match",
      "Unable to find matching profile", "does not match any of the allowed profiles",
      "No profile matches", "None of the profiles");

  /** One element removed so that the Bundle validates. */
  public record Removal(String expression, String reason) {}

  /** The final validation outcome (warnings only) and what was removed to get there. */
  public record Result(OperationOutcome outcome, List<Removal> removals) {}

  private final ProfileValidator validator;

  public RepairingValidator(ProfileValidator validator) {
    this.validator = validator;
  }

  /**
   * Validates {@code bundle}, repairing it in place.
   *
   * @throws InvalidReferralException when an essential is missing or invalid, or an error cannot be repaired
   */
  public Result validate(Bundle bundle) {
    List<Removal> removals = new ArrayList<>();
    OperationOutcome outcome = validator.check(bundle);
    for (int round = 0; round < MAX_ROUNDS && ProfileValidator.errorCount(outcome) > 0; round++) {
      List<OperationOutcomeIssueComponent> errors = outcome.getIssue().stream().filter(ProfileValidator::isError)
          .toList();
      List<OperationOutcomeIssueComponent> primary = errors.stream().filter(e -> !isConsequential(e)).toList();
      boolean repaired = false;
      for (OperationOutcomeIssueComponent error : primary.isEmpty() ? errors : primary) {
        Optional<Removal> removal = remove(bundle, error);
        if (removal.isPresent()) {
          removals.add(removal.get());
          repaired = true;
        }
      }
      if (!repaired) {
        break;
      }
      outcome = validator.check(bundle);
    }
    requireEssentials(bundle);
    int errors = ProfileValidator.errorCount(outcome);
    if (errors > 0) {
      throw new InvalidReferralException(outcome, errors);
    }
    return new Result(outcome, List.copyOf(removals));
  }

  private static boolean isConsequential(OperationOutcomeIssueComponent error) {
    String text = error.getDiagnostics() == null ? "" : error.getDiagnostics();
    return CONSEQUENTIAL.stream().anyMatch(text::contains);
  }

  /** Removes the element an error is about, unless it is an essential; empty when nothing could be removed. */
  private static Optional<Removal> remove(Bundle bundle, OperationOutcomeIssueComponent error) {
    String expression = error.hasExpression() ? error.getExpression().get(0).getValue()
        : error.hasLocation() ? error.getLocation().get(0).getValue() : null;
    if (expression == null) {
      return Optional.empty();
    }
    List<String> steps = steps(expression);
    if (steps.size() < 2 || !steps.get(0).equals("Bundle") || !steps.get(1).startsWith("entry[")) {
      return Optional.empty();
    }
    Matcher entryStep = STEP.matcher(steps.get(1));
    if (!entryStep.matches() || entryStep.group(2) == null) {
      return Optional.empty();
    }
    int entryIndex = Integer.parseInt(entryStep.group(2));
    if (entryIndex >= bundle.getEntry().size()) {
      return Optional.empty();
    }
    Bundle.BundleEntryComponent entry = bundle.getEntry().get(entryIndex);
    Resource resource = entry.getResource();
    if (resource == null || steps.size() < 3 || !steps.get(2).equals("resource")) {
      return Optional.empty();
    }
    List<String> inResource = steps.subList(3, steps.size());
    String plain = plainPath(resource.fhirType(), inResource);
    String reason = error.getDiagnostics();
    if (ESSENTIAL.contains(plain)) {
      return Optional.empty();
    }
    String readable = resource.fhirType() + (inResource.isEmpty() ? "" : "." + String.join(".", inResource));
    if (inResource.isEmpty()) {
      removeEntry(bundle, entry);
      return Optional.of(new Removal(readable, reason));
    }
    Base parent = resource;
    for (int i = 0; i < inResource.size() - 1; i++) {
      parent = child(parent, inResource.get(i));
      if (parent == null) {
        return Optional.empty();
      }
    }
    String last = inResource.get(inResource.size() - 1);
    Base target = child(parent, last);
    if (target == null) {
      return Optional.empty();
    }
    if (target instanceof Quantity quantity && quantity.hasCode() && reason != null && reason.contains("unit")) {
      // a unit that is not UCUM: the number stays, with the unit as text
      quantity.setSystem(null).setCode(null);
      return Optional.of(new Removal(readable + ".code", reason));
    }
    Matcher m = STEP.matcher(last);
    m.matches();
    if (!removeChild(parent, m.group(1), target)) {
      return Optional.empty();
    }
    return Optional.of(new Removal(readable, reason));
  }

  /** Removes a child; a choice element ("value") is known to the model by its name with "[x]". */
  private static boolean removeChild(Base parent, String name, Base target) {
    for (String candidate : List.of(name, name + "[x]")) {
      try {
        parent.removeChild(candidate, target);
        if (!holds(parent, name, target)) {
          return true;
        }
      } catch (FHIRException | UnsupportedOperationException e) {
        // try the next name
      }
    }
    return false;
  }

  private static boolean holds(Base parent, String name, Base target) {
    try {
      Property property = parent.getNamedProperty(name);
      return property != null && property.getValues().stream().anyMatch(v -> v == target);
    } catch (FHIRException e) {
      return false;
    }
  }

  /** "Bundle.entry[2].resource.ofType(Patient).identifier[0].type" → [Bundle, entry[2], resource, identifier[0], type]. */
  static List<String> steps(String expression) {
    String cleaned = expression.replaceAll("/\\*.*?\\*/", "").replaceAll("\\.ofType\\([^)]*\\)", "")
        .replaceAll("\\.as\\([^)]*\\)", "");
    List<String> steps = new ArrayList<>();
    for (String step : cleaned.split("\\.")) {
      if (!step.isBlank()) {
        steps.add(step.trim());
      }
    }
    return steps;
  }

  private static String plainPath(String type, List<String> steps) {
    StringBuilder plain = new StringBuilder(type);
    for (String step : steps) {
      plain.append('.').append(step.replaceAll("\\[\\d+\\]", ""));
    }
    return plain.toString();
  }

  private static Base child(Base parent, String step) {
    Matcher m = STEP.matcher(step);
    if (!m.matches()) {
      return null;
    }
    try {
      Property property = parent.getNamedProperty(m.group(1));
      if (property == null || !property.hasValues()) {
        return null;
      }
      int index = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
      return index < property.getValues().size() ? property.getValues().get(index) : null;
    } catch (FHIRException e) {
      return null;
    }
  }

  /** Removes an optional resource and every reference to it. */
  private static void removeEntry(Bundle bundle, Bundle.BundleEntryComponent entry) {
    bundle.getEntry().remove(entry);
    String fullUrl = entry.getFullUrl();
    for (Bundle.BundleEntryComponent other : bundle.getEntry()) {
      if (other.getResource() != null) {
        removeReferences(other.getResource(), fullUrl);
      }
    }
  }

  private static void removeReferences(Base element, String fullUrl) {
    for (Property property : element.children()) {
      for (Base value : List.copyOf(property.getValues())) {
        if (value instanceof Reference reference && fullUrl.equals(reference.getReference())) {
          element.removeChild(property.getName(), value);
        } else if (!value.isPrimitive()) {
          removeReferences(value, fullUrl);
        }
      }
    }
  }

  /** The essentials a referral cannot do without, checked after repair: their absence is not repairable. */
  private static void requireEssentials(Bundle bundle) {
    ServiceRequest request = resources(bundle, ServiceRequest.class).stream().findFirst().orElse(null);
    List<String> missing = new ArrayList<>();
    if (request == null || request.getIdentifier().stream().noneMatch(i -> i.hasValue())) {
      missing.add("the referral identifier (RF1-6)");
    }
    Patient patient = resources(bundle, Patient.class).stream().findFirst().orElse(null);
    // the subject is a Patient of this Bundle with an identifier, or (results attached to a stored referral) one
    // already in the store
    boolean storedPatient = request != null && request.getSubject().hasReference()
        && request.getSubject().getReference().startsWith("Patient/");
    if (request == null || !request.hasSubject() || !storedPatient && (patient == null
        || patient.getIdentifier().stream().noneMatch(i -> i.hasValue()))) {
      missing.add("the patient's identifier (PID-3)");
    }
    if (request == null || !request.hasRequester()) {
      missing.add("the referring provider (PRD with role RP)");
    }
    if (!missing.isEmpty()) {
      OperationOutcome outcome = new OperationOutcome();
      for (String essential : missing) {
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
            .setCode(OperationOutcome.IssueType.REQUIRED).setDiagnostics("missing: " + essential);
      }
      throw new InvalidReferralException(outcome, missing.size());
    }
  }

  private static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
    List<T> found = new ArrayList<>();
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      if (type.isInstance(entry.getResource())) {
        found.add(type.cast(entry.getResource()));
      }
    }
    return found;
  }
}
