package org.referralbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicTaskTests {

  @Test
  void runsAgainAfterARunThatFailedAndNoMoreOnceStopped() {
    AtomicInteger runs = new AtomicInteger();
    PeriodicTask task = new PeriodicTask("test-task", Duration.ofMillis(10), Duration.ofMillis(10), () -> {
      if (runs.incrementAndGet() == 1) {
        throw new IllegalStateException("first run fails");
      }
    });
    task.start();
    assertThat(task.isRunning()).isTrue();
    await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);

    task.stop();
    assertThat(task.isRunning()).isFalse();
    int stoppedAt = runs.get();
    await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> runs.get() <= stoppedAt + 1);
  }
}
