package org.referralbridge.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.Test;
import org.referralbridge.store.FhirStore;

/**
 * The directory's snapshot: intake's lookups never read the store once a snapshot exists, the periodic refresh
 * picks up changes, and a store that cannot be read leaves the last snapshot serving.
 */
class PartnerDirectoryTests {

  private final Partners store = new Partners();
  private final PartnerDirectory directory = new PartnerDirectory(store, Clock.systemUTC());

  @Test
  void readsTheStoreOnceForTheFirstLookupAndNeverForLaterOnes() {
    store.add("north", "NORTHSIDE_EHR^NORTHSIDE_PSYCH");
    assertThat(directory.findBySender("NORTHSIDE_EHR^NORTHSIDE_PSYCH")).map(Partner::organizationId)
        .contains("north");
    for (int i = 0; i < 100; i++) {
      assertThat(directory.findBySender("UNKNOWN^SENDER")).isEmpty();
    }
    assertThat(store.searches.get()).isEqualTo(1);
  }

  @Test
  void theRefreshPicksUpANewPartner() {
    directory.refresh();
    assertThat(directory.findBySender("EAST^CLINIC")).isEmpty();
    store.add("east", "EAST^CLINIC");
    assertThat(directory.findBySender("EAST^CLINIC")).as("not before the refresh").isEmpty();
    directory.refreshQuietly();
    assertThat(directory.findBySender("EAST^CLINIC")).map(Partner::organizationId).contains("east");
  }

  @Test
  void whileTheStoreCannotBeReadTheLastSnapshotKeepsServing() {
    store.add("north", "NORTHSIDE_EHR^NORTHSIDE_PSYCH");
    directory.refresh();
    store.down.set(true);
    directory.refreshQuietly();
    assertThat(directory.findBySender("NORTHSIDE_EHR^NORTHSIDE_PSYCH")).isPresent();
    assertThatThrownBy(directory::refresh).isInstanceOf(IllegalStateException.class);
    assertThat(directory.findBySender("NORTHSIDE_EHR^NORTHSIDE_PSYCH")).isPresent();
  }

  @Test
  void theFirstLookupFailsWhenTheStoreCannotBeReadAndSucceedsOnceItCan() {
    store.add("north", "NORTHSIDE_EHR^NORTHSIDE_PSYCH");
    store.down.set(true);
    assertThatThrownBy(() -> directory.findBySender("NORTHSIDE_EHR^NORTHSIDE_PSYCH"))
        .isInstanceOf(IllegalStateException.class);
    store.down.set(false);
    assertThat(directory.findBySender("NORTHSIDE_EHR^NORTHSIDE_PSYCH")).isPresent();
  }

  /** A store holding partner Organizations only (no Endpoints: partners without a channel). */
  private static final class Partners implements FhirStore {

    private final List<Organization> organizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger searches = new AtomicInteger();
    private final AtomicBoolean down = new AtomicBoolean();

    void add(String id, String senderKey) {
      Organization organization = new Organization();
      organization.setId(id);
      organization.setName(id);
      organization.addIdentifier().setSystem(PartnerCodes.SENDER_SYSTEM).setValue(senderKey);
      organizations.add(organization);
    }

    @Override
    public List<IBaseResource> search(String searchUrl, int limit) {
      if (down.get()) {
        throw new IllegalStateException("store down");
      }
      searches.incrementAndGet();
      return List.copyOf(organizations);
    }

    @Override
    public <T extends IBaseResource> Optional<T> read(Class<T> type, String id) {
      return Optional.empty();
    }

    @Override
    public Bundle transaction(Bundle transaction) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Bundle transaction(Bundle transaction, Runnable inSameTransaction) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String describe() {
      return "partners in memory";
    }
  }
}
