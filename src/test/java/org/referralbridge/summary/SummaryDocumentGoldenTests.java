package org.referralbridge.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TimeZone;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/**
 * Golden-file test of {@link SummaryDocumentBuilder}: the document Bundle of session 3 of the synthetic series in
 * {@link SummaryFixtures} (fixed ids and times) is compared, as a JSON tree, with
 * {@code src/test/resources/summary/three-session-series.expected.json}.
 *
 * <p>After a deliberate change, regenerate the file and review its diff before committing:
 *
 * <pre>
 * ./mvnw test -Dtest=SummaryDocumentGoldenTests -Dgolden.update=true
 * </pre>
 */
class SummaryDocumentGoldenTests {

  private static final Path EXPECTED = Path.of(System.getProperty("basedir", "."), "src", "test", "resources",
      "summary", "three-session-series.expected.json");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final int MAX_REPORTED_DIFFERENCES = 40;

  private final ObjectMapper json = new ObjectMapper();

  private static String encode(Bundle bundle) {
    return FhirContext.forR4Cached().newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle);
  }

  @Test
  void theDocumentOfAThreeSessionSeriesMatchesItsGoldenFile() throws Exception {
    String actual = encode(new SummaryDocumentBuilder().build(SummaryFixtures.input()));
    if (UPDATE) {
      Files.writeString(EXPECTED, actual + "\n", StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(EXPECTED)) {
      fail("no " + EXPECTED + ": generate it with -Dgolden.update=true and review it");
    }
    JsonNode expectedTree = json.readTree(Files.readString(EXPECTED, StandardCharsets.UTF_8));
    JsonNode actualTree = json.readTree(actual);
    if (!expectedTree.equals(actualTree)) {
      List<String> differences = new ArrayList<>();
      diff("", expectedTree, actualTree, differences);
      StringBuilder report = new StringBuilder("document differs from " + EXPECTED.getFileName() + " ("
          + differences.size() + " difference(s); regenerate with -Dgolden.update=true only if intended):");
      differences.stream().limit(MAX_REPORTED_DIFFERENCES).forEach(d -> report.append("\n  ").append(d));
      report.append("\n--- actual ---\n").append(actual);
      fail(report.toString());
    }
  }

  @Test
  void theSameInputGivesTheSameDocumentWhateverTheJvmsTimeZone() {
    String first = encode(new SummaryDocumentBuilder().build(SummaryFixtures.input()));
    TimeZone original = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
      assertThat(encode(new SummaryDocumentBuilder().build(SummaryFixtures.input()))).isEqualTo(first);
    } finally {
      TimeZone.setDefault(original);
    }
  }

  private static void diff(String path, JsonNode expected, JsonNode actual, List<String> out) {
    if (expected == null || actual == null) {
      out.add(path + ": " + (expected == null ? "unexpected " + actual : "missing, expected " + expected));
    } else if (expected.isObject() && actual.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      expected.fieldNames().forEachRemaining(keys::add);
      actual.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        diff(path + "/" + key, expected.get(key), actual.get(key), out);
      }
    } else if (expected.isArray() && actual.isArray()) {
      Iterator<JsonNode> e = expected.elements();
      Iterator<JsonNode> a = actual.elements();
      for (int i = 0; e.hasNext() || a.hasNext(); i++) {
        diff(path + "/" + i, e.hasNext() ? e.next() : null, a.hasNext() ? a.next() : null, out);
      }
    } else if (!expected.equals(actual)) {
      out.add(path + ": expected " + expected + " but was " + actual);
    }
  }
}
