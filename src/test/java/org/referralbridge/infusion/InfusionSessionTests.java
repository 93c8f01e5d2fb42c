package org.referralbridge.infusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class InfusionSessionTests {

  private static final OffsetDateTime START = OffsetDateTime.parse("2026-11-03T09:00:00-08:00");

  private static InfusionSession.Builder minimal() {
    return InfusionSession.builder(1, START).drug(Drug.KETAMINE_RACEMIC, Route.IV).dose("36", "72");
  }

  @Test
  void aDurationSetsTheEndAndAnEndGivesTheDuration() {
    assertThat(minimal().durationMinutes(40).build().end()).isEqualTo(START.plusMinutes(40));
    assertThat(minimal().end(START.plusMinutes(55)).build().durationMinutes()).isEqualTo(55);
  }

  @Test
  void optionalPartsDefaultToEmpty() {
    InfusionSession session = minimal().durationMinutes(40).build();
    assertThat(session.vitalSigns()).isEmpty();
    assertThat(session.adverseEvents()).isEmpty();
    assertThat(session.scores()).isEmpty();
    assertThat(session.dissociation()).isNull();
  }

  @Test
  void refusesASessionThatEndsBeforeItStartsOrHasNoEnd() {
    assertThatThrownBy(() -> minimal().end(START.minusMinutes(1)).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> minimal().build()).isInstanceOf(NullPointerException.class).hasMessage("end");
  }

  @Test
  void refusesSessionNumberZero() {
    assertThatThrownBy(() -> InfusionSession.builder(0, START).durationMinutes(40)
        .drug(Drug.KETAMINE_RACEMIC, Route.IV).dose("36", "72").build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesScoresOutsideTheInstrumentsRange() {
    assertThatThrownBy(() -> minimal().score(Instrument.PHQ9, 28, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PHQ-9 score must be between 0 and 27");
    assertThatThrownBy(() -> minimal().score(Instrument.GAD7, 5, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> minimal().dissociation(DissociationScale.CADSS_6, 25))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CADSS-6");
    assertThat(minimal().dissociation(DissociationScale.CADSS, 92).durationMinutes(40).build().dissociation().score())
        .isEqualTo(92);
  }

  @Test
  void refusesAScorePairWithNeitherScoreAndTwoPairsForOneInstrument() {
    assertThatThrownBy(() -> minimal().score(Instrument.MADRS, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> minimal().durationMinutes(40).score(Instrument.PHQ9, 20, 10)
        .score(Instrument.PHQ9, 19, 9).build()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAnSpo2AboveAHundredPercent() {
    assertThatThrownBy(() -> minimal().vitals(InfusionSession.VitalSigns.Phase.BEFORE, START, 120, 80, 70, 101, 14))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void findsTheScoresOfAnInstrument() {
    InfusionSession session = SampleSessions.session3();
    assertThat(session.score(Instrument.PHQ9)).hasValueSatisfying(pair -> {
      assertThat(pair.pre()).isEqualTo(12);
      assertThat(pair.post()).isEqualTo(8);
    });
    assertThat(session.score(Instrument.PCL5)).isEmpty();
  }
}
