package org.referralbridge.bench;

import ca.uhn.hl7v2.HL7Exception;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.utilities.OIDUtilities;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.referralbridge.hl7.Hl7Parser;
import org.referralbridge.intake.ReferralIntake;
import org.referralbridge.intake.StructureLimits;
import org.referralbridge.partner.SenderPolicy;
import org.referralbridge.support.Hl7Samples;
import org.referralbridge.translate.RefI12Translator;
import org.referralbridge.translate.TestTranslators;
import org.referralbridge.validate.ProfileValidator;
import org.referralbridge.validate.RepairingValidator;

/**
 * JMH microbenchmarks of the pipeline's CPU-bound steps, one referral per operation on one thread, built as the
 * service builds them (the translator with its terminology gate, the profile validator over {@code fhir-profiles/},
 * the repair gate around it): {@code ./mvnw -Pjmh -DskipTests verify} (bench/README.md). The referrals are the
 * benchmark's own (a known sender's sample, each with its own ids). The translator's terminology gate already
 * downgrades every dirt case of the corpus, so the repair gate's own work is measured on a referral given what the
 * gate would let through and the profiles refuse: a patient language that is no BCP-47 tag.
 *
 * <p>{@link #bundleCopy()} is there to subtract: the validating benchmarks work on a copy, as the validator repairs
 * in place. {@link #oidRegistryLoad()} is what HAPI's validator pays on every call: each call builds a new
 * InstanceValidator, which reads the OID registry (a 1.5 MB CSV in org.hl7.fhir.utilities) again.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:+UseG1GC"})
public class PipelineStepsBenchmark {

  private static final int REFERRALS = 64;
  private static final Instant RECEIVED = Instant.parse("2026-12-01T10:00:00Z");

  private final Hl7Parser parser = new Hl7Parser();
  /** The checks before the ACK, as the service runs them, every sender known (the directory is a map lookup). */
  private final ReferralIntake intake = new ReferralIntake(parser, 1_048_576, StructureLimits.DEFAULTS,
      new SenderPolicy(null, null) {
        @Override
        public Decision decide(String senderKey) {
          return Decision.ACCEPT;
        }
      });
  private RefI12Translator translator;
  private ProfileValidator validator;
  private RepairingValidator repairGate;
  private final List<String> referrals = new ArrayList<>();
  private final List<Bundle> bundles = new ArrayList<>();
  private Bundle dirty;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws HL7Exception {
    validator = TestTranslators.validator();
    translator = TestTranslators.translator(TestTranslators.SETTINGS);
    repairGate = new RepairingValidator(validator);
    for (int i = 0; i < REFERRALS; i++) {
      String raw = Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "jmh-" + i);
      referrals.add(raw);
      bundles.add(translate(raw));
    }
    dirty = bundles.get(0).copy();
    dirty.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Patient.class::isInstance)
        .map(Patient.class::cast).findFirst().orElseThrow().addCommunication().getLanguage()
        .addCoding(new Coding("urn:ietf:bcp:47", "english", null));
    if (repairGate.validate(dirty.copy()).removals().isEmpty()) {
      throw new IllegalStateException("the dirty referral needs no repair any more: make it dirtier");
    }
  }

  private Bundle translate(String raw) throws HL7Exception {
    return translator.translate(parser.parseReferral(raw), raw, RECEIVED).bundle();
  }

  private int next() {
    next = (next + 1) % REFERRALS;
    return next;
  }

  /** The checks on the ACK path (MLLP intake), up to the envelope headers: what each AA costs besides the enqueue. */
  @Benchmark
  public Map<String, Object> intakeCheck() {
    Map<String, Object> headers = new HashMap<>();
    intake.check(referrals.get(next()), headers);
    return headers;
  }

  /** HAPI v2 parse and the mapping to a FHIR transaction Bundle (the terminology gate included). */
  @Benchmark
  public Bundle translate() throws HL7Exception {
    return translate(referrals.get(next()));
  }

  /** A deep copy of a referral's Bundle: the share of the validating benchmarks that is not validation. */
  @Benchmark
  public Bundle bundleCopy() {
    return bundles.get(next()).copy();
  }

  /** One call of the profile validator on a clean referral's Bundle. */
  @Benchmark
  public OperationOutcome validate() {
    return validator.check(bundles.get(next()).copy());
  }

  /** The repair gate on a clean referral: one validation, nothing to repair. */
  @Benchmark
  public RepairingValidator.Result repairGateClean() {
    return repairGate.validate(bundles.get(next()).copy());
  }

  /** The repair gate on a dirty referral: validation, removals, validation again. */
  @Benchmark
  public RepairingValidator.Result repairGateDirty() {
    return repairGate.validate(dirty.copy());
  }

  /** Reading the OID registry, as each call of HAPI's validator does (see the class comment). */
  @Benchmark
  public Object oidRegistryLoad() {
    return new OIDUtilities();
  }
}
