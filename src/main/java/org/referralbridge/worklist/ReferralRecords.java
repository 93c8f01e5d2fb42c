package org.referralbridge.worklist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.referralbridge.store.FhirStore;
import org.referralbridge.translate.Profiles;

/**
 * Reads referrals from the FHIR store for the staff pages: the referral Tasks, and the resources they point to,
 * fetched in batches by id (one search per resource type, not one read per reference).
 */
class ReferralRecords {

  static final int MAX_WORKLIST = 500;

  private final FhirStore store;

  ReferralRecords(FhirStore store) {
    this.store = store;
  }

  /** Every referral Task (the clinic's work items), newest first. */
  List<Task> referralTasks() {
    return store.search("Task?_profile=" + Profiles.REFERRAL_TASK + "&_sort=-authored-on", MAX_WORKLIST).stream()
        .map(Task.class::cast).toList();
  }

  Optional<Task> task(String id) {
    return store.read(Task.class, id);
  }

  <T extends Resource> Optional<T> read(Class<T> type, Reference reference) {
    if (reference == null || !reference.hasReference()) {
      return Optional.empty();
    }
    return store.read(type, reference.getReferenceElement().getIdPart());
  }

  /** The resources behind these references ("Type/id"), keyed by "Type/id"; missing ones are left out. */
  Map<String, Resource> resolve(Collection<Reference> references) {
    Map<String, Set<String>> idsByType = new LinkedHashMap<>();
    for (Reference reference : references) {
      if (reference != null && reference.hasReference() && reference.getReferenceElement().hasResourceType()) {
        idsByType.computeIfAbsent(reference.getReferenceElement().getResourceType(), t -> new LinkedHashSet<>())
            .add(reference.getReferenceElement().getIdPart());
      }
    }
    Map<String, Resource> found = new LinkedHashMap<>();
    idsByType.forEach((type, ids) -> {
      List<String> all = new ArrayList<>(ids);
      for (int from = 0; from < all.size(); from += 100) {
        List<String> batch = all.subList(from, Math.min(all.size(), from + 100));
        for (IBaseResource resource : store.search(type + "?_id=" + String.join(",", batch), batch.size())) {
          Resource r = (Resource) resource;
          found.put(type + "/" + r.getIdElement().getIdPart(), r);
        }
      }
    });
    return found;
  }

  /** What the patient is known to take (MedicationStatement), for the screening flags. */
  List<org.hl7.fhir.r4.model.MedicationStatement> medicationStatements(Reference patient) {
    return store.search("MedicationStatement?subject=" + patient.getReference(), 200).stream()
        .map(org.hl7.fhir.r4.model.MedicationStatement.class::cast).toList();
  }

  /** The audit trail of a Task (Provenance resources targeting it), oldest first. */
  List<Resource> provenance(Task task) {
    List<Resource> found = new ArrayList<>(store.search("Provenance?target=Task/" + task.getIdElement().getIdPart()
        + "&_sort=recorded", 200).stream().map(Resource.class::cast).toList());
    return found;
  }
}
