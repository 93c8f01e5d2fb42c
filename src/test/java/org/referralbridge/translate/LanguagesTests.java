package org.referralbridge.translate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguagesTests {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"en, en", "EN, en", "ENG, en", "eng, en", "spa, es", "SPA, es", "GER, de", "fre, fr", "chi, zh",
      "ENGLISH, en", "Spanish, es", "english, en", "en_us, en-US", "EN-us, en-US", "zh-Hant, zh-Hant",
      "zh-hant-tw, zh-Hant-TW", "haw, haw", "Farsi, fa", "' vie ', vi"})
  void writesWhatSendersSendAsBcp47Tags(String sent, String tag) {
    assertThat(Languages.bcp47(sent)).isEqualTo(tag);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "E", "Klingonese", "xx", "zzz", "en^English", "English (US)", "  "})
  void givesNullForWhatIsNotALanguage(String sent) {
    assertThat(Languages.bcp47(sent)).isNull();
  }
}
