package org.referralbridge.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.referralbridge.hl7.Hl7Parser;
import org.referralbridge.translate.RefI12Translator;
import org.referralbridge.validate.ProfileValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms the parser, the translator and the profile validator at start with a bundled synthetic referral (nothing
 * is written anywhere), so the first real referral is not the one that pays for loading the R4 definitions and
 * value sets. Runs in the background: intake does not wait for it.
 */
final class PipelineWarmup {

  private static final Logger log = LoggerFactory.getLogger(PipelineWarmup.class);
  private static final String MESSAGE = "/warmup/referral.hl7";

  private PipelineWarmup() {}

  static Thread start(Hl7Parser parser, RefI12Translator translator, ProfileValidator validator) {
    Thread thread = new Thread(() -> run(parser, translator, validator), "pipeline-warmup");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void run(Hl7Parser parser, RefI12Translator translator, ProfileValidator validator) {
    long started = System.nanoTime();
    try (InputStream in = PipelineWarmup.class.getResourceAsStream(MESSAGE)) {
      if (in == null) {
        log.warn("Warm-up skipped: {} not on the classpath", MESSAGE);
        return;
      }
      String message = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (int i = 0; i < 3; i++) {
        validator.validate(translator.translate(parser.parseReferral(message), message, Instant.now()).bundle());
      }
      log.info("Pipeline warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
    } catch (IOException | ca.uhn.hl7v2.HL7Exception | RuntimeException e) {
      log.warn("Warm-up failed ({}); the first referral will be slower", e.getClass().getSimpleName());
    }
  }
}
