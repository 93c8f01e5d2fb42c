package org.referralbridge.worklist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.referralbridge.triage.OverdueRule;

/** The worklist: referrals by status, most urgent and newest first, overdue ones marked. */
class Worklist {

  /** Status filters of the worklist page. */
  enum Filter {
    OPEN("Open", Set.of("2.0", "3.0", "5.1.1")),
    NEW("New", Set.of("2.0")),
    ACCEPTED("Accepted", Set.of("3.0")),
    SCHEDULED("Scheduled", Set.of("5.1.1")),
    CLOSED("Closed", Set.of("4.0", "5.1.3", "6.0", "7.0")),
    ALL("All", Set.of());

    final String label;
    final Set<String> codes;

    Filter(String label, Set<String> codes) {
      this.label = label;
      this.codes = codes;
    }

    boolean matches(String code) {
      return codes.isEmpty() || codes.contains(code);
    }

    public String label() {
      return label;
    }
  }

  private static final Map<String, Integer> PRIORITY_RANK = Map.of("stat", 0, "asap", 1, "urgent", 2, "routine", 3);

  private final ReferralRecords records;
  private final OverdueRule overdue;
  private final WorklistProperties properties;
  private final Clock clock;

  Worklist(ReferralRecords records, WorklistProperties properties, Clock clock) {
    this.records = records;
    this.overdue = new OverdueRule(properties.overdueAfterBusinessDays());
    this.properties = properties;
    this.clock = clock;
  }

  List<WorklistRow> rows(Filter filter) {
    Instant now = clock.instant();
    // a referral the referrer cancelled while a session was booked stays open until someone released the session
    List<Task> tasks = records.referralTasks().stream()
        .filter(t -> filter.matches(t.getBusinessStatus().getCodingFirstRep().getCode())
            || filter == Filter.OPEN && ReferrerNotices.sessionToRelease(t, now).isPresent()).toList();
    List<Reference> first = new ArrayList<>();
    tasks.forEach(t -> {
      first.add(t.getFocus());
      first.add(t.getFor());
      first.add(t.getRequester());
    });
    Map<String, Resource> resolved = records.resolve(first);
    List<Reference> second = new ArrayList<>();
    resolved.values().forEach(r -> {
      if (r instanceof PractitionerRole role) {
        second.add(role.getPractitioner());
        second.add(role.getOrganization());
      }
      if (r instanceof ServiceRequest request) {
        second.addAll(request.getReasonReference());
      }
    });
    resolved.putAll(records.resolve(second));

    List<WorklistRow> rows = new ArrayList<>();
    for (Task task : tasks) {
      ServiceRequest request = (ServiceRequest) resolved.get(task.getFocus().getReference());
      Patient patient = (Patient) resolved.get(task.getFor().getReference());
      String statusCode = task.getBusinessStatus().getCodingFirstRep().getCode();
      Instant received = task.getAuthoredOn() == null ? now : task.getAuthoredOn().toInstant();
      rows.add(new WorklistRow(task.getIdElement().getIdPart(),
          request == null || request.getPriority() == null ? "routine" : request.getPriority().toCode(),
          Display.patient(patient), referrer(task.getRequester(), resolved), reason(request, resolved), received,
          age(Duration.between(received, now)), task.getBusinessStatus().getCodingFirstRep().getDisplay(),
          statusCode, overdue.isOverdue(received, statusCode, now, properties.zone()),
          ReferrerNotices.notice(task, now, properties.zone())));
    }
    rows.sort(Comparator.comparing((WorklistRow r) -> PRIORITY_RANK.getOrDefault(r.priority(), 3))
        .thenComparing(WorklistRow::received, Comparator.reverseOrder()));
    return rows;
  }

  static String referrer(Reference requester, Map<String, Resource> resolved) {
    Resource resource = resolved.get(requester.getReference());
    if (resource instanceof PractitionerRole role) {
      String person = Display.practitioner((Practitioner) resolved.get(role.getPractitioner().getReference()));
      String organization = Display.organization((Organization) resolved.get(role.getOrganization().getReference()));
      return organization.isEmpty() ? person : person + " — " + organization;
    }
    if (resource instanceof Organization organization) {
      return Display.organization(organization);
    }
    return "";
  }

  static String reason(ServiceRequest request, Map<String, Resource> resolved) {
    if (request == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (Reference reference : request.getReasonReference()) {
      if (resolved.get(reference.getReference()) instanceof Condition condition) {
        parts.add(Display.concept(condition.getCode()));
      }
    }
    if (parts.isEmpty()) {
      parts.addAll(request.getReasonCode().stream().map(Display::concept).toList());
    }
    return parts.stream().filter(p -> !p.isBlank()).collect(Collectors.joining("; "));
  }

  static String age(Duration age) {
    long minutes = Math.max(0, age.toMinutes());
    if (minutes < 60) {
      return minutes + " min";
    }
    long hours = minutes / 60;
    if (hours < 48) {
      return hours + " h";
    }
    return (hours / 24) + " days";
  }
}
