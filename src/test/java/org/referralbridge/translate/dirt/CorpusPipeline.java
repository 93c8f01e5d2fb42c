package org.referralbridge.translate.dirt;

import ca.uhn.hl7v2.HL7Exception;
import java.time.Instant;
import java.util.HashMap;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.referralbridge.hl7.Hl7Parser;
import org.referralbridge.intake.IntakeRejection;
import org.referralbridge.intake.ReferralIntake;
import org.referralbridge.intake.StructureLimits;
import org.referralbridge.partner.SenderPolicy;
import org.referralbridge.translate.RefI12Translator;
import org.referralbridge.translate.TestTranslators;
import org.referralbridge.translate.TranslatedReferral;
import org.referralbridge.translate.TranslationException;
import org.referralbridge.validate.InvalidReferralException;
import org.referralbridge.validate.RepairingValidator;

/**
 * Runs a variant the way the service does: intake's checks ({@link ReferralIntake#check}, every sender known),
 * parse, translate (with its terminology gate), validate against the profiles repairing optional content. The one place that decides what happened to a variant.
 * Thread-safe: the parser, translator and validator are.
 */
final class CorpusPipeline {

  /** What happened to a variant. */
  enum Verdict {
    /** A valid Bundle with exactly one ServiceRequest. */
    LANDED,
    /** Refused at intake as a message. */
    NAK_AR,
    /** Refused at intake as unusable. */
    NAK_AE,
    /** Acknowledged, then translation or validation failed: a person must look at it. */
    NEEDS_ATTENTION,
    /** An exception nobody expected. */
    ERROR
  }

  /** The verdict and a short detail: the NAK's code and location, the first error, or the exception. */
  record Outcome(Verdict verdict, String detail) {}

  private static final Instant RECEIVED_AT = Instant.parse("2026-11-21T09:00:00Z");
  private static final int MAX_MESSAGE_CHARS = 1_048_576;
  private static final SenderPolicy EVERY_SENDER_KNOWN = new SenderPolicy(null, null) {
    @Override
    public Decision decide(String senderKey) {
      return Decision.ACCEPT;
    }
  };

  private final Hl7Parser parser = new Hl7Parser();
  private final ReferralIntake intake =
      new ReferralIntake(parser, MAX_MESSAGE_CHARS, StructureLimits.DEFAULTS, EVERY_SENDER_KNOWN);
  private final RefI12Translator translator = TestTranslators.translator(TestTranslators.SETTINGS);
  private final RepairingValidator validator = new RepairingValidator(TestTranslators.validator());

  Outcome run(Variant variant) {
    String raw = variant.message();
    try {
      intake.check(raw, new HashMap<>());
    } catch (IntakeRejection e) {
      Verdict nak = e.ackCode() == IntakeRejection.AckCode.AR ? Verdict.NAK_AR : Verdict.NAK_AE;
      return new Outcome(nak, e.errorCode() + " " + e.location() + ": " + e.getMessage() + cause(e));
    } catch (RuntimeException e) {
      return new Outcome(Verdict.ERROR, "intake: " + describe(e));
    }
    try {
      TranslatedReferral referral = translator.translate(parser.parseReferral(raw), raw, RECEIVED_AT);
      Bundle bundle = referral.bundle();
      RepairingValidator.Result result = validator.validate(bundle);
      long requests = bundle.getEntry().stream().filter(e -> e.getResource() instanceof ServiceRequest).count();
      int notes = referral.quality().notes().size() + result.removals().size();
      return requests == 1 ? new Outcome(Verdict.LANDED, notes == 0 ? "" : notes + " data-quality note(s)")
          : new Outcome(Verdict.NEEDS_ATTENTION, requests + " ServiceRequests in the Bundle");
    } catch (HL7Exception e) {
      return new Outcome(Verdict.NEEDS_ATTENTION, "parse: " + describe(e));
    } catch (TranslationException e) {
      return new Outcome(Verdict.NEEDS_ATTENTION, "translate: " + e.getMessage() + cause(e));
    } catch (InvalidReferralException e) {
      return new Outcome(Verdict.NEEDS_ATTENTION, "validate: " + firstError(e.outcome()));
    } catch (RuntimeException e) {
      return new Outcome(Verdict.ERROR, describe(e));
    }
  }

  private static String firstError(OperationOutcome outcome) {
    return outcome.getIssue().stream()
        .filter(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR
            || i.getSeverity() == OperationOutcome.IssueSeverity.FATAL)
        .findFirst()
        .map(i -> (i.hasLocation() ? i.getLocation().get(0).getValue() + " " : "") + i.getDiagnostics())
        .orElse("(no error issue)");
  }

  /** The cause, unless its message only repeats the exception's. */
  private static String cause(Throwable e) {
    Throwable cause = e.getCause();
    if (cause == null || cause.getMessage() != null && e.getMessage() != null
        && e.getMessage().endsWith(cause.getMessage())) {
      return "";
    }
    return " (" + describe(cause) + ")";
  }

  private static String describe(Throwable e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
