package org.referralbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.referralbridge.lifecycle.LifecycleProperties.UnmatchedResults.APPLICATION_NAK;
import static org.referralbridge.lifecycle.LifecycleProperties.UnmatchedResults.KEEP;
import static org.referralbridge.lifecycle.ResultAcknowledgements.Outcome.ATTACHED;
import static org.referralbridge.lifecycle.ResultAcknowledgements.Outcome.NO_OPEN_REFERRAL;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** When a referrer's results or document get an application acknowledgement: MSH-16 first, then the setting. */
class ResultAcknowledgementsTests {

  @Test
  void withoutMsh16OnlyTheNoReferralCaseIsAnsweredAndOnlyWhenTheSettingSaysSo() {
    assertThat(ResultAcknowledgements.wanted(NO_OPEN_REFERRAL, null, KEEP)).isFalse();
    assertThat(ResultAcknowledgements.wanted(NO_OPEN_REFERRAL, "", KEEP)).isFalse();
    assertThat(ResultAcknowledgements.wanted(NO_OPEN_REFERRAL, null, APPLICATION_NAK)).isTrue();
    assertThat(ResultAcknowledgements.wanted(ATTACHED, null, APPLICATION_NAK)).isFalse();
    assertThat(ResultAcknowledgements.wanted(ATTACHED, null, KEEP)).isFalse();
  }

  @Test
  void msh16OfTheMessageOverridesTheSetting() {
    for (LifecycleProperties.UnmatchedResults setting : LifecycleProperties.UnmatchedResults.values()) {
      assertThat(ResultAcknowledgements.wanted(NO_OPEN_REFERRAL, "AL", setting)).isTrue();
      assertThat(ResultAcknowledgements.wanted(ATTACHED, "AL", setting)).isTrue();
      assertThat(ResultAcknowledgements.wanted(NO_OPEN_REFERRAL, "ER", setting)).isTrue();
      assertThat(ResultAcknowledgements.wanted(ATTACHED, "ER", setting)).isFalse();
      assertThat(ResultAcknowledgements.wanted(NO_OPEN_REFERRAL, "SU", setting)).isFalse();
      assertThat(ResultAcknowledgements.wanted(ATTACHED, "SU", setting)).isTrue();
      assertThat(ResultAcknowledgements.wanted(NO_OPEN_REFERRAL, "NE", setting)).isFalse();
      assertThat(ResultAcknowledgements.wanted(ATTACHED, "NE", setting)).isFalse();
    }
  }

  @Test
  void anMsh16OutsideTable0155CountsAsBlank() {
    assertThat(ResultAcknowledgements.wanted(NO_OPEN_REFERRAL, "YES", KEEP)).isFalse();
    assertThat(ResultAcknowledgements.wanted(NO_OPEN_REFERRAL, "YES", APPLICATION_NAK)).isTrue();
    assertThat(ResultAcknowledgements.wanted(ATTACHED, "YES", APPLICATION_NAK)).isFalse();
  }

  @Test
  void theSettingBindsFromItsDocumentedSpellingsAndDefaultsToKeep() {
    assertThat(bind(Map.of("bridge.lifecycle.unmatched-results", "APPLICATION_NAK")).unmatchedResults())
        .isEqualTo(APPLICATION_NAK);
    assertThat(bind(Map.of("bridge.lifecycle.unmatched-results", "application-nak")).unmatchedResults())
        .isEqualTo(APPLICATION_NAK);
    assertThat(bind(Map.of("bridge.lifecycle.other", "x")).unmatchedResults()).isEqualTo(KEEP);
  }

  private static LifecycleProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("bridge.lifecycle", LifecycleProperties.class);
  }
}
