package org.referralbridge.triage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A screening flag for clinic staff: it informs, it never decides.
 *
 * @param kind what the flag is about
 * @param severity the most severe of its findings
 * @param evidence the data behind it, most severe first, never empty
 */
public record ScreeningFlag(FlagKind kind, Severity severity, List<Evidence> evidence) {

  public ScreeningFlag {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    evidence = List.copyOf(evidence);
    if (evidence.isEmpty()) {
      throw new IllegalArgumentException("a flag needs evidence");
    }
  }

  /** The flag of {@code kind} for non-empty {@code findings}: the highest severity, evidence most severe first. */
  static ScreeningFlag of(FlagKind kind, List<Finding> findings) {
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Comparator.comparing(Finding::severity)); // stable: data order within a severity
    LinkedHashSet<Evidence> evidence = new LinkedHashSet<>();
    sorted.forEach(finding -> evidence.add(finding.evidence()));
    return new ScreeningFlag(kind, sorted.get(0).severity(), List.copyOf(evidence));
  }
}
