package org.referralbridge.translate.dirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.referralbridge.messages.InboundMessage;
import org.referralbridge.messages.InboundQuery;
import org.referralbridge.messages.MessageStatus;
import org.referralbridge.messages.MessageStore;
import org.referralbridge.messages.Paging;
import org.referralbridge.support.FhirStoreQueries;
import org.referralbridge.support.TestPorts;
import org.referralbridge.tools.MllpSend;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Dirty referrals end to end: a few hundred variants of the seeded generator, each sent from a known partner with
 * its own control id, referral id and patient id, over a real MLLP socket to the service with its embedded defaults.
 * Every variant with its essentials is answered AA and becomes exactly one ServiceRequest (none needs attention);
 * every other is answered AE or AR. Size with {@code -Ddirt.e2e.count=} (default 300).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DirtyReferralsOverMllpIntegrationTests {

  private static final int MLLP_PORT = TestPorts.freePort();
  private static final int COUNT = Integer.getInteger("dirt.e2e.count", 300);
  private static final long SEED = Long.getLong("dirt.seed", 20261206L);
  private static final String APPLICATION = "NORTHSIDE_EHR";
  private static final String FACILITY = "NORTHSIDE_PSYCH";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("bridge.data-directory", () -> TestPorts.freshDataDirectory("dirt-e2e").toString());
    registry.add("bridge.intake.mllp.port", () -> MLLP_PORT);
    registry.add("camel.springboot.main-run-controller", () -> false);
  }

  @LocalServerPort
  int httpPort;

  @Autowired
  MessageStore messageStore;

  @Test
  void everyDirtyReferralWithItsEssentialsBecomesOneServiceRequestAndEveryOtherGetsANak() throws Exception {
    List<Variant> variants = new DirtyReferrals(SEED).generate(COUNT);
    Map<String, Variant> landing = new LinkedHashMap<>();
    List<String> wrongAnswers = new ArrayList<>();
    MllpSend client = new MllpSend("127.0.0.1", MLLP_PORT, 30_000);
    try {
      for (int n = 0; n < variants.size(); n++) {
        Variant variant = variants.get(n);
        String message = fromNorthside(variant.message(), n);
        String ackCode = msa1(client.send(message));
        boolean expected = variant.hasEssentials() ? ackCode.equals("AA")
            : ackCode.equals("AE") || ackCode.equals("AR");
        if (!expected) {
          wrongAnswers.add(variant.id() + " -> " + ackCode);
        }
        if (variant.hasEssentials()) {
          landing.put("DIRT-REF-" + n, variant);
        }
      }
    } finally {
      client.close();
    }
    assertThat(wrongAnswers).as("variants answered other than expected").isEmpty();

    String sender = APPLICATION + "^" + FACILITY;
    await().atMost(Duration.ofSeconds(Math.max(120, COUNT))).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
        assertThat(rows(sender, MessageStatus.PROCESSED)).hasSize(landing.size()));
    assertThat(rows(sender, MessageStatus.NEEDS_ATTENTION)).isEmpty();
    assertThat(rows(sender, MessageStatus.DEAD_LETTERED)).isEmpty();

    FhirStoreQueries fhir = new FhirStoreQueries(httpPort);
    String system = FhirStoreQueries.referralSystem(APPLICATION, FACILITY);
    List<String> notOne = landing.keySet().stream()
        .filter(referralId -> fhir.count(ServiceRequest.class, system, referralId) != 1)
        .map(referralId -> referralId + " " + landing.get(referralId).id()).toList();
    assertThat(notOne).as("referrals without exactly one ServiceRequest").isEmpty();
  }

  private List<InboundMessage> rows(String sender, MessageStatus status) {
    return messageStore.inbound(new InboundQuery(status, sender, null, null, null, null), Paging.first(500)).items()
        .stream().filter(m -> m.controlId().startsWith("DIRT-")).toList();
  }

  /**
   * The variant as sent by the known partner Northside, with its own control id (MSH-10), referral id (RF1-6.1) and
   * patient id (PID-3.1), so that every variant is a referral of its own; the dirt is left as it is.
   */
  static String fromNorthside(String message, int n) {
    int marks = 0;
    while (marks < message.length() && message.charAt(marks) == '\uFEFF') {
      marks++;
    }
    String text = message.substring(marks);
    String[] lines = text.split("(?<=\r\n)|(?<=\r)(?!\n)|(?<=\n)", -1);
    char fieldSeparator = text.charAt(3);
    char componentSeparator = text.charAt(4);
    StringBuilder out = new StringBuilder(message.substring(0, marks));
    for (String line : lines) {
      String content = line.replaceAll("[\r\n]+$", "");
      String ending = line.substring(content.length());
      if (content.startsWith("MSH")) {
        content = withField(content, fieldSeparator, componentSeparator, 2, APPLICATION);
        content = withField(content, fieldSeparator, componentSeparator, 3, FACILITY);
        content = withField(content, fieldSeparator, componentSeparator, 9, "DIRT-" + n);
      } else if (content.startsWith("RF1" + fieldSeparator)) {
        content = withFirstComponentIfPresent(content, fieldSeparator, componentSeparator, 6, "DIRT-REF-" + n);
      } else if (content.startsWith("PID" + fieldSeparator)) {
        content = withFirstComponentIfPresent(content, fieldSeparator, componentSeparator, 3, "DIRT-MRN-" + n);
      }
      out.append(content).append(ending);
    }
    return out.toString();
  }

  /** Sets the first component of field {@code index} (split position: MSH-3 is 2, RF1-6 is 6). */
  private static String withField(String segment, char fieldSeparator, char componentSeparator, int index,
      String value) {
    String[] fields = segment.split(Pattern.quote(String.valueOf(fieldSeparator)), -1);
    if (index >= fields.length) {
      return segment;
    }
    String field = fields[index];
    int component = field.indexOf(componentSeparator);
    fields[index] = component < 0 ? value : value + field.substring(component);
    return String.join(String.valueOf(fieldSeparator), fields);
  }

  private static String withFirstComponentIfPresent(String segment, char fieldSeparator, char componentSeparator,
      int index, String value) {
    String[] fields = segment.split(Pattern.quote(String.valueOf(fieldSeparator)), -1);
    if (index >= fields.length || fields[index].isEmpty() || fields[index].startsWith(String.valueOf(componentSeparator))) {
      return segment; // an essential the variant left out on purpose stays out
    }
    return withField(segment, fieldSeparator, componentSeparator, index, value);
  }

  private static String msa1(String ack) {
    for (String segment : ack.split("\r")) {
      if (segment.startsWith("MSA|")) {
        String[] fields = segment.split("\\|", -1);
        return fields.length > 1 ? fields[1] : "";
      }
    }
    return "no MSA";
  }
}
