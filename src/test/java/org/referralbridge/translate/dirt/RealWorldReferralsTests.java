package org.referralbridge.translate.dirt;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.v28.message.REF_I12;
import ca.uhn.hl7v2.model.v28.segment.RF1;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.referralbridge.hl7.Hl7Parser;
import org.referralbridge.translate.RefI12Translator;
import org.referralbridge.translate.TestTranslators;
import org.referralbridge.translate.TranslationSettings;
import org.referralbridge.validate.RepairingValidator;

/**
 * Referrals written by us to reproduce the structure and dirt of REF^I12 examples others published
 * ({@code src/test/resources/hl7/real-world/}, described in its README). A file ending {@code -as-published.hl7}
 * keeps the published gap (no RF1-6, no PID-3 value, no PRD other than RT, or not a REF at all) and, like HAPI's own
 * test message, must be refused at intake; every other file must land, with its referral id, patient and referrer
 * (and its priority, reason, insurance and referred-to provider, where it has them) in the Bundle.
 */
class RealWorldReferralsTests {

  private static final Path FOLDER = BaseReferrals.GOLDEN_CASES.resolve("real-world");
  private static final String HAPI_MESSAGE = "hapi-pipeparsertest-missing-segment.hl7";
  private static final String CLINIC_ID = "LAKESIDE_KETAMINE";
  private static final Set<String> TABLE_0280_PRIORITIES = Set.of("S", "A", "R");
  private static final Instant RECEIVED_AT = Instant.parse("2026-11-21T09:00:00Z");

  private static final CorpusPipeline PIPELINE = new CorpusPipeline();
  private static final Hl7Parser PARSER = new Hl7Parser();
  private static final RefI12Translator TRANSLATOR = TestTranslators.translator(new TranslationSettings(
      "http://referralbridge.org/fhir/sid",
      new TranslationSettings.Clinic("Lakeside Ketamine Clinic", "http://referralbridge.org/fhir/sid/organization",
          CLINIC_ID), ZoneId.of("America/Los_Angeles")));
  private static final RepairingValidator VALIDATOR = new RepairingValidator(TestTranslators.validator());
  private static final Map<String, Bundle> BUNDLES = new ConcurrentHashMap<>();

  static Stream<String> messages() throws IOException {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".hl7")).sorted().toList().stream();
    }
  }

  static Stream<String> landingMessages() throws IOException {
    return messages().filter(name -> !expectsRefusal(name));
  }

  private static boolean expectsRefusal(String name) {
    return name.endsWith("-as-published.hl7") || name.equals(HAPI_MESSAGE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void aMessageAsPublishedIsRefusedAtIntakeAndOneWithItsEssentialsLands(String name) {
    // a published pattern carries many kinds of dirt at once: none is singled out as the variant's kind
    Variant variant = new Variant(name, expectsRefusal(name) ? Dirt.ESSENTIALS_MISSING : null, read(name),
        !expectsRefusal(name));
    CorpusPipeline.Outcome outcome = PIPELINE.run(variant);
    if (expectsRefusal(name)) {
      assertThat(outcome.verdict()).as(outcome.detail())
          .isIn(CorpusPipeline.Verdict.NAK_AE, CorpusPipeline.Verdict.NAK_AR);
    } else {
      assertThat(outcome.verdict()).as(outcome.detail()).isEqualTo(CorpusPipeline.Verdict.LANDED);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("landingMessages")
  void theServiceRequestIsIdentifiedByTheOriginatingReferralId(String name) throws HL7Exception {
    String referralId = parse(name).getRF1().getOriginatingReferralIdentifier().getEntityIdentifier().getValue();
    List<ServiceRequest> requests = serviceRequests(bundle(name));
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).getIdentifier()).extracting(Identifier::getValue).contains(referralId);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("landingMessages")
  void thePatientCarriesThePatientIdentifier(String name) throws HL7Exception {
    String patientId = parse(name).getPID().getPatientIdentifierList(0).getIDNumber().getValue();
    assertThat(resources(bundle(name), Patient.class))
        .anySatisfy(patient -> assertThat(patient.getIdentifier()).extracting(Identifier::getValue).contains(patientId));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("landingMessages")
  void theReferralHasARequester(String name) {
    assertThat(onlyRequest(name).getRequester().getReference()).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("landingMessages")
  void aTable0280PriorityBecomesThePriority(String name) throws HL7Exception {
    String code = parse(name).getRF1().getReferralPriority().getIdentifier().getValue();
    if (code == null || !TABLE_0280_PRIORITIES.contains(code.toUpperCase(java.util.Locale.ROOT))) {
      return;
    }
    assertThat(onlyRequest(name).hasPriority()).as("RF1-2 " + code).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("landingMessages")
  void aReferralReasonBecomesAReasonCode(String name) throws HL7Exception {
    RF1 rf1 = parse(name).getRF1();
    if (rf1.getReferralReason().length == 0 && rf1.getReferralReasonText().isEmpty()) {
      return;
    }
    assertThat(onlyRequest(name).getReasonCode()).as("RF1-10/RF1-21").isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("landingMessages")
  void anInsurancePlanBecomesInsurance(String name) throws HL7Exception {
    if (parse(name).getINSURANCEReps() == 0) {
      return;
    }
    assertThat(onlyRequest(name).getInsurance()).as("IN1").isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("landingMessages")
  void theReferredToProviderIsThePerformerRatherThanTheClinic(String name) throws HL7Exception {
    REF_I12 message = parse(name);
    boolean hasReferredTo = false;
    for (var provider : message.getPROVIDER_CONTACTAll()) {
      var roles = provider.getPRD().getProviderRole();
      hasReferredTo |= roles.length > 0 && "RT".equalsIgnoreCase(roles[0].getIdentifier().getValue());
    }
    if (!hasReferredTo) {
      return;
    }
    Bundle bundle = bundle(name);
    List<Reference> performers = onlyRequest(name).getPerformer();
    assertThat(performers).isNotEmpty();
    assertThat(resolve(bundle, performers.get(0))).satisfies(performer -> assertThat(
        performer instanceof Organization organization && organization.getIdentifier().stream()
            .anyMatch(id -> CLINIC_ID.equals(id.getValue()))).as("performer is the clinic").isFalse());
  }

  private static ServiceRequest onlyRequest(String name) {
    List<ServiceRequest> requests = serviceRequests(bundle(name));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  private static List<ServiceRequest> serviceRequests(Bundle bundle) {
    return resources(bundle, ServiceRequest.class);
  }

  private static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
        .map(type::cast).toList();
  }

  private static Resource resolve(Bundle bundle, Reference reference) {
    return bundle.getEntry().stream().filter(e -> e.getFullUrl().equals(reference.getReference())).findFirst()
        .map(Bundle.BundleEntryComponent::getResource).orElseThrow();
  }

  /** The Bundle as the service would store it: translated, gated and validated with repair. */
  private static Bundle bundle(String name) {
    return BUNDLES.computeIfAbsent(name, n -> {
      String raw = read(n);
      try {
        Bundle bundle = TRANSLATOR.translate(PARSER.parseReferral(raw), raw, RECEIVED_AT).bundle();
        VALIDATOR.validate(bundle);
        return bundle;
      } catch (HL7Exception e) {
        throw new IllegalStateException(n + " does not parse", e);
      }
    });
  }

  private static REF_I12 parse(String name) throws HL7Exception {
    return PARSER.parseReferral(read(name));
  }

  private static String read(String name) {
    try {
      return Files.readString(FOLDER.resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
