package org.referralbridge.partner;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.hl7.fhir.r4.model.Bundle;
import org.referralbridge.store.FhirStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.Resource;

/**
 * Loads the seed partners into the FHIR store (conditional creates: partners edited since are kept) and reads the
 * directory, once the web server is up — the store may be this service's own FHIR API — and before the routes
 * start taking messages. A store that cannot be reached is tried again a few times before the start fails.
 */
class PartnerSeed implements SmartLifecycle {

  /** After the web server (Boot starts it at Integer.MAX_VALUE - 1024), before Camel starts its routes. */
  private static final int PHASE = Integer.MAX_VALUE - 512;
  private static final int ATTEMPTS = 10;

  private static final Logger log = LoggerFactory.getLogger(PartnerSeed.class);

  private final FhirStore store;
  private final FhirContext fhirContext;
  private final PartnerDirectory directory;
  private final Resource seed;
  private volatile boolean running;

  PartnerSeed(FhirStore store, FhirContext fhirContext, PartnerDirectory directory, Resource seed) {
    this.store = store;
    this.fhirContext = fhirContext;
    this.directory = directory;
    this.seed = seed;
  }

  @Override
  public void start() {
    for (int attempt = 1; ; attempt++) {
      try {
        load();
        directory.refresh();
        running = true;
        return;
      } catch (RuntimeException e) {
        if (attempt == ATTEMPTS) {
          throw new IllegalStateException("the partner directory could not be loaded from the FHIR store", e);
        }
        log.warn("Partner directory not loaded yet ({}), attempt {} of {}", e.getClass().getSimpleName(), attempt,
            ATTEMPTS);
        try {
          Thread.sleep(1000L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while loading the partner directory", e);
        }
      }
    }
  }

  private void load() {
    if (seed == null || !seed.exists()) {
      return;
    }
    try (InputStream in = seed.getInputStream()) {
      Bundle bundle = fhirContext.newJsonParser().parseResource(Bundle.class, in);
      store.transaction(bundle);
      log.info("Partner directory seeded from {} ({} resources, existing ones kept)", seed, bundle.getEntry().size());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read partner seed " + seed, e);
    }
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
