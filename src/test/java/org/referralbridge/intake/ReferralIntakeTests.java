package org.referralbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.referralbridge.hl7.Hl7Parser;
import org.referralbridge.intake.IntakeRejection.AckCode;
import org.referralbridge.partner.SenderPolicy;
import org.referralbridge.pipeline.EnvelopeHeaders;
import org.referralbridge.support.Hl7Samples;

class ReferralIntakeTests {

  private static final SenderPolicy EVERY_SENDER_KNOWN = new SenderPolicy(null, null) {
    @Override
    public Decision decide(String senderKey) {
      return Decision.ACCEPT;
    }
  };

  private final ReferralIntake intake =
      new ReferralIntake(new Hl7Parser(), 100_000, StructureLimits.DEFAULTS, EVERY_SENDER_KNOWN);

  @ParameterizedTest
  @ValueSource(strings = {Hl7Samples.TRD_PHQ9, Hl7Samples.PTSD_PCL5, Hl7Samples.REF_I11_V23,
      Hl7Samples.INSURANCE_AUTH, Hl7Samples.REF_I12_V29})
  void everySampleIsAcceptedWithEnvelopeHeaders(String sample) {
    Map<String, Object> headers = new HashMap<>();
    intake.check(Hl7Samples.read(sample), headers);
    assertThat(headers).containsKeys(EnvelopeHeaders.SENDER, EnvelopeHeaders.CONTROL_ID,
        EnvelopeHeaders.REFERRAL_KEY, EnvelopeHeaders.RECEIVED_AT, EnvelopeHeaders.GROUP);
    assertThat(headers.get(EnvelopeHeaders.FORMAT)).isEqualTo("hl7v2");
    assertThat(headers.get(EnvelopeHeaders.GROUP)).isEqualTo(headers.get(EnvelopeHeaders.REFERRAL_KEY));
  }

  @Test
  void theReferralKeyIsTheSenderAndItsReferralId() {
    Map<String, Object> headers = new HashMap<>();
    intake.check(Hl7Samples.read(Hl7Samples.TRD_PHQ9), headers);
    assertThat(headers.get(EnvelopeHeaders.REFERRAL_KEY)).isEqualTo("NORTHSIDE_EHR^NORTHSIDE_PSYCH|NSP-REF-2026-0117");
    assertThat(headers.get(EnvelopeHeaders.MESSAGE_TYPE)).isEqualTo("REF^I12");
  }

  @Test
  void segmentsSeparatedByNewlinesAreAccepted() {
    intake.check(Hl7Samples.read(Hl7Samples.TRD_PHQ9).replace("\r", "\r\n"), new HashMap<>());
  }

  @Test
  void controlCharactersAreRefusedWithAr102() {
    String valid = Hl7Samples.read(Hl7Samples.TRD_PHQ9);
    assertRejected(valid.replace("PID|1|", "PID|1\u0000|"), AckCode.AR, 102, null);
    assertRejected(valid.replace("RF1|", "RF1|\u0007"), AckCode.AR, 102, null);
    intake.check(valid.replace("\r", "\r\n").replace("PID|1|", "PID|1\t|"), new HashMap<>());
  }

  @Test
  void rejectsWhatIsNotAReferral() {
    String valid = Hl7Samples.read(Hl7Samples.TRD_PHQ9);
    assertRejected("", AckCode.AR, 100, null);
    assertRejected("PID|1||x", AckCode.AR, 100, "MSH");
    assertRejected(valid.replace("REF^I12^REF_I12", "ADT^A01"), AckCode.AR, 200, "MSH-9");
    assertRejected(valid.replace("REF^I12^REF_I12", "REF^I16"), AckCode.AR, 201, "MSH-9");
    assertRejected(valid.replace("|P|2.5.1|", "|P|3.0|"), AckCode.AR, 203, "MSH-12");
    assertRejected(valid.replace("|NSP000117|", "||"), AckCode.AR, 101, "MSH-10");
    assertRejected(valid.replace("|NORTHSIDE_EHR|NORTHSIDE_PSYCH|", "|||"), AckCode.AR, 101, "MSH-3");
  }

  @Test
  void rejectsAReferralWithoutWhatItCannotDoWithout() {
    String valid = Hl7Samples.read(Hl7Samples.TRD_PHQ9);
    assertRejected(Hl7Samples.replaceField(valid, "PID", 3, ""), AckCode.AE, 101, "PID-3");
    assertRejected(Hl7Samples.replaceField(valid, "RF1", 6, ""), AckCode.AE, 101, "RF1-6");
    assertRejected(without(valid, "PID"), AckCode.AE, 100, "PID");
    assertRejected(without(valid, "RF1"), AckCode.AE, 100, "RF1");
    assertRejected(without(without(valid, "PRD"), "CTD"), AckCode.AE, 100, "PRD");
  }

  @Test
  void rejectsAMessageOverTheSizeLimit() {
    ReferralIntake small = new ReferralIntake(new Hl7Parser(), 500, StructureLimits.DEFAULTS, EVERY_SENDER_KNOWN);
    assertThatThrownBy(() -> small.check(Hl7Samples.read(Hl7Samples.TRD_PHQ9), new HashMap<>()))
        .isInstanceOfSatisfying(IntakeRejection.class, r -> assertThat(r.ackCode()).isEqualTo(AckCode.AR));
  }

  @Test
  void refusesAMessageWithMoreStructureThanTheLimitsBeforeParsingIt() {
    String deep = Hl7Samples.replaceField(Hl7Samples.read(Hl7Samples.TRD_PHQ9), "PID", 5, "A^B~".repeat(22_000));
    assertRejected(deep, AckCode.AR, 207, "PID-5");
  }

  @Test
  void refusesAnUnknownSenderOrMarksItsMessageForQuarantineAsConfigured() {
    String message = Hl7Samples.read(Hl7Samples.TRD_PHQ9);
    ReferralIntake refusing =
        new ReferralIntake(new Hl7Parser(), 100_000, StructureLimits.DEFAULTS, policy(SenderPolicy.Decision.REFUSE));
    assertThatThrownBy(() -> refusing.check(message, new HashMap<>()))
        .isInstanceOfSatisfying(IntakeRejection.class, r -> {
          assertThat(r.ackCode()).isEqualTo(AckCode.AR);
          assertThat(r.errorCode()).isEqualTo(204);
          assertThat(r.getMessage()).isEqualTo("unknown sender");
        });
    Map<String, Object> headers = new HashMap<>();
    new ReferralIntake(new Hl7Parser(), 100_000, StructureLimits.DEFAULTS, policy(SenderPolicy.Decision.QUARANTINE))
        .check(message, headers);
    assertThat(headers.get(EnvelopeHeaders.QUARANTINE)).isEqualTo(true);
    Map<String, Object> known = new HashMap<>();
    intake.check(message, known);
    assertThat(known.get(EnvelopeHeaders.QUARANTINE)).isEqualTo(false);
  }

  private static SenderPolicy policy(SenderPolicy.Decision decision) {
    return new SenderPolicy(null, null) {
      @Override
      public Decision decide(String senderKey) {
        return decision;
      }
    };
  }

  @Test
  void aCancellationOrStatusRequestNeedsNoPrdButAModificationDoes() {
    String referral = Hl7Samples.read(Hl7Samples.TRD_PHQ9);
    String withoutProviders = without(without(referral, "PRD"), "CTD");
    for (String event : new String[] {"I14", "I15"}) {
      Map<String, Object> headers = new HashMap<>();
      intake.check(withoutProviders.replace("REF^I12^REF_I12", "REF^" + event + "^REF_I12"), headers);
      assertThat(headers.get(EnvelopeHeaders.MESSAGE_TYPE)).isEqualTo("REF^" + event);
      assertThat(headers.get(EnvelopeHeaders.GROUP)).isEqualTo(headers.get(EnvelopeHeaders.REFERRAL_KEY));
    }
    assertRejected(withoutProviders.replace("REF^I12^REF_I12", "REF^I13^REF_I12"), AckCode.AE, 100, "PRD");
  }

  @Test
  void resultsAndDocumentsNeedAPatientIdentifierAndAreGroupedByPatient() {
    String results = "MSH|^~\\&|NORTHSIDE_EHR|NORTHSIDE_PSYCH|RB|KETA|20261206||ORU^R01^ORU_R01|R1|P|2.5.1\r"
        + "PID|1||MRN-9^^^NORTHSIDE_PSYCH^MR||Doe^Jane\rOBR|1\rOBX|1|NM|44261-6^PHQ-9^LN||12\r";
    Map<String, Object> headers = new HashMap<>();
    intake.check(results, headers);
    assertThat(headers.get(EnvelopeHeaders.MESSAGE_TYPE)).isEqualTo("ORU^R01");
    assertThat(headers.get(EnvelopeHeaders.GROUP)).isEqualTo("NORTHSIDE_EHR^NORTHSIDE_PSYCH|PID|MRN-9");
    assertThat(headers).doesNotContainKey(EnvelopeHeaders.REFERRAL_KEY);
    assertRejected(results.replace("MRN-9^^^NORTHSIDE_PSYCH^MR", ""), AckCode.AE, 101, "PID-3");
    assertRejected(results.replace("OBX|1|NM|44261-6^PHQ-9^LN||12\r", ""), AckCode.AE, 100, "OBX");
    assertRejected(results.replace("ORU^R01^ORU_R01", "ORU^R30"), AckCode.AR, 201, "MSH-9");

    String document = "MSH|^~\\&|NORTHSIDE_EHR|NORTHSIDE_PSYCH|RB|KETA|20261206||MDM^T02^MDM_T02|D1|P|2.5.1\r"
        + "EVN|T02\rPID|1||MRN-9^^^NORTHSIDE_PSYCH^MR||Doe^Jane\rTXA|1|CN|TX\rOBX|1|TX|11488-4||Letter\r";
    Map<String, Object> documentHeaders = new HashMap<>();
    intake.check(document, documentHeaders);
    assertThat(documentHeaders.get(EnvelopeHeaders.MESSAGE_TYPE)).isEqualTo("MDM^T02");
    intake.check(document.replace("MDM^T02^MDM_T02", "MDM^T01^MDM_T01").replace("OBX|1|TX|11488-4||Letter\r", ""),
        new HashMap<>());
    assertRejected(document.replace("TXA|1|CN|TX\r", ""), AckCode.AE, 100, "TXA");
    assertRejected(document.replace("MDM^T02^MDM_T02", "MDM^T11"), AckCode.AR, 201, "MSH-9");
  }

  private void assertRejected(String message, AckCode ack, int code, String location) {
    assertThatThrownBy(() -> intake.check(message, new HashMap<>()))
        .isInstanceOfSatisfying(IntakeRejection.class, rejection -> {
          assertThat(rejection.ackCode()).isEqualTo(ack);
          assertThat(rejection.errorCode()).isEqualTo(code);
          assertThat(rejection.location()).isEqualTo(location);
        });
  }

  private static String without(String message, String segment) {
    StringBuilder out = new StringBuilder();
    for (String s : message.split("\r")) {
      if (!s.startsWith(segment + "|")) {
        out.append(s).append('\r');
      }
    }
    return out.toString();
  }
}
