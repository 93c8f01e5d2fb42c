package org.referralbridge.translate.dirt;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.v28.group.REF_I12_PROVIDER_CONTACT;
import ca.uhn.hl7v2.model.v28.message.REF_I12;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.referralbridge.hl7.Hl7Parser;
import org.referralbridge.translate.RefI12Translator;

/**
 * Intake parses only a referral's MSH, PID, RF1 and PRD segments ({@link Hl7Parser#parseReferralForIntake}); the
 * pipeline parses the whole message. Whatever intake reads from those segments (the identity, the patient, the
 * referral, the providers, and whether the message parses at all) must be the same in both parses, for every
 * message of the test corpora: the dirt corpus (its segments out of order, second PIDs and RF1s, empty and
 * Z-segments, line endings, byte-order marks, escapes) and every HL7 file of the tests, public examples included.
 */
class IntakeParseParityTests {

  private static final long SEED = Long.getLong("dirt.seed", 20261121L);
  private static final int COUNT = Integer.getInteger("dirt.count", 5_000);

  private final Hl7Parser parser = new Hl7Parser();

  @Test
  void everyDirtyReferralReadsTheSameAtIntakeAsInTheWholeMessage() {
    List<String> differences = new ArrayList<>();
    List<Variant> variants = new DirtyReferrals(SEED).generate(COUNT);
    for (Variant variant : variants) {
      compare(variant.id(), variant.message(), differences);
    }
    assertThat(differences).as("variants (seed %d) read differently at intake", SEED).isEmpty();
  }

  @Test
  void everyHl7FileOfTheTestsReadsTheSameAtIntakeAsInTheWholeMessage() throws IOException {
    List<String> differences = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("src", "test", "resources"))) {
      files = walk.filter(p -> p.toString().endsWith(".hl7")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(50);
    int referrals = 0;
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.ISO_8859_1);
      if (text.contains("|REF^")) {
        referrals++;
        compare(file.toString(), text, differences);
      }
    }
    assertThat(referrals).isGreaterThan(30);
    assertThat(differences).isEmpty();
  }

  private void compare(String id, String message, List<String> differences) {
    String whole = intakeView(parser::parseReferral, message);
    String atIntake = intakeView(parser::parseReferralForIntake, message);
    if (!whole.equals(atIntake)) {
      differences.add(id + "\n  whole:  " + whole + "\n  intake: " + atIntake);
    }
  }

  /** What intake reads from a referral, as one text. */
  private static String intakeView(Hl7Parser.Parse<REF_I12> parse, String message) {
    REF_I12 referral;
    try {
      referral = parse.parse(message);
    } catch (HL7Exception | RuntimeException e) {
      return "not parsed: " + e.getClass().getSimpleName();
    }
    try {
      StringBuilder view = new StringBuilder();
      RefI12Translator.ReferralIdentity identity = RefI12Translator.identityOf(referral);
      view.append("identity=").append(identity.key())
          .append(" MSH=").append(referral.getMSH().encode())
          .append(" PID=").append(referral.getPID().encode())
          .append(" RF1=").append(referral.getRF1().encode())
          .append(" referrer=").append(RefI12Translator.hasReferrer(referral));
      for (REF_I12_PROVIDER_CONTACT provider : referral.getPROVIDER_CONTACTAll()) {
        view.append(" PRD=").append(provider.getPRD().encode());
      }
      return view.toString();
    } catch (HL7Exception e) {
      return "not read: " + e.getMessage();
    }
  }
}
