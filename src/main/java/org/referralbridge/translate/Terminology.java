package org.referralbridge.translate;

import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;

/**
 * Which codes belong to which code system, for the code systems whose full content the validator has (HL7 v2 tables,
 * HL7 terminology, FHIR's own, the project's in {@code fhir-profiles/}). Each code system is read once from the
 * validation support, on first use, and kept. LOINC, SNOMED CT and other systems without content here are
 * {@link Membership#UNKNOWN_SYSTEM}: their codes are passed on as sent. Thread-safe.
 */
public final class Terminology {

  /** What is known about a code in a system. */
  public enum Membership { MEMBER, NOT_MEMBER, UNKNOWN_SYSTEM }

  private record Codes(Set<String> exact, Map<String, String> byUpperCase) {}

  private final IValidationSupport support;
  private final Map<String, Optional<Codes>> systems = new ConcurrentHashMap<>();

  public Terminology(IValidationSupport support) {
    this.support = support;
  }

  public Membership membership(String system, String code) {
    Optional<Codes> codes = codes(system);
    if (codes.isEmpty()) {
      return Membership.UNKNOWN_SYSTEM;
    }
    return codes.get().exact().contains(code) ? Membership.MEMBER : Membership.NOT_MEMBER;
  }

  /** The member of {@code system} that equals {@code code} ignoring case (senders write "mr" for "MR"), or null. */
  public String memberIgnoringCase(String system, String code) {
    return codes(system).map(c -> c.byUpperCase().get(code.toUpperCase(Locale.ROOT))).orElse(null);
  }

  private Optional<Codes> codes(String system) {
    if (system == null) {
      return Optional.empty();
    }
    return systems.computeIfAbsent(system, this::load);
  }

  private Optional<Codes> load(String system) {
    IBaseResource resource = support == null ? null : support.fetchCodeSystem(system);
    if (!(resource instanceof CodeSystem codeSystem)
        || codeSystem.getContent() != CodeSystem.CodeSystemContentMode.COMPLETE || !codeSystem.hasConcept()) {
      return Optional.empty();
    }
    Set<String> exact = new HashSet<>();
    collect(codeSystem.getConcept(), exact);
    // a code is corrected to a member only when exactly one member has its letters
    Map<String, String> byUpperCase = new HashMap<>();
    Set<String> ambiguous = new HashSet<>();
    for (String code : exact) {
      if (byUpperCase.putIfAbsent(code.toUpperCase(Locale.ROOT), code) != null) {
        ambiguous.add(code.toUpperCase(Locale.ROOT));
      }
    }
    byUpperCase.keySet().removeAll(ambiguous);
    return Optional.of(new Codes(Set.copyOf(exact), Map.copyOf(byUpperCase)));
  }

  private static void collect(List<CodeSystem.ConceptDefinitionComponent> concepts, Set<String> into) {
    for (CodeSystem.ConceptDefinitionComponent concept : concepts) {
      if (concept.hasCode()) {
        into.add(concept.getCode());
      }
      collect(concept.getConcept(), into);
    }
  }
}
