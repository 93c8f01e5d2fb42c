package org.referralbridge.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.hl7v2.model.v28.message.REF_I12;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.referralbridge.hl7.Hl7Parser;
import org.referralbridge.validate.RepairingValidator;

/**
 * Golden-file tests of {@link RefI12Translator}: every {@code src/test/resources/hl7/<case>.hl7} (one small referral
 * per concern, segments separated by CR) is parsed with {@link Hl7Parser}, translated with fixed settings and a fixed
 * receive time, and the Bundle's JSON is compared with {@code <case>.expected.json} beside it (as JSON trees, so
 * whitespace and key order do not matter). Each {@code hl7/dirt/<kind>.hl7} (one per kind of dirt real senders
 * produce) goes through translation and repairing validation, and its expected file includes the data-quality notes
 * written on the Task.
 *
 * <p>After a deliberate mapping change, regenerate the expected files and review every change in them before
 * committing:
 *
 * <pre>
 * ./mvnw test -Dtest=RefI12TranslatorGoldenTests -Dgolden.update=true
 * </pre>
 *
 * (or {@code mvn} where the wrapper is absent). In update mode the expected files are written, not compared.
 */
class RefI12TranslatorGoldenTests {

  private static final Path CASES = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "hl7");
  private static final String CASE_SUFFIX = ".hl7";
  private static final String DIRT = "dirt";
  private static final String EXPECTED_SUFFIX = ".expected.json";
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final Instant RECEIVED_AT = Instant.parse("2026-11-21T09:00:00Z");
  private static final TranslationSettings SETTINGS = TestTranslators.SETTINGS;
  private static final int MAX_REPORTED_DIFFERENCES = 40;

  private final Hl7Parser parser = new Hl7Parser();
  private final RefI12Translator translator = TestTranslators.translator(SETTINGS);
  private final ObjectMapper json = new ObjectMapper();

  static Stream<String> cases() throws IOException {
    return namesEndingWith(CASE_SUFFIX).stream();
  }

  /** One case per kind of dirt real senders produce (written by the dirty-referral generator), but missing essentials. */
  static Stream<String> dirtCases() throws IOException {
    try (Stream<Path> files = Files.list(CASES.resolve(DIRT))) {
      return files.map(path -> path.getFileName().toString())
          .filter(file -> file.endsWith(CASE_SUFFIX) && !file.equals("essentials-missing" + CASE_SUFFIX))
          .map(file -> DIRT + "/" + file.substring(0, file.length() - CASE_SUFFIX.length()))
          .sorted().toList().stream();
    }
  }

  /**
   * A dirty case goes through the whole gate: translation, repairing validation, and the data-quality notes written
   * on the Task, so that its expected file shows what was downgraded and how it was noted.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("dirtCases")
  void translatesAndRepairsEachKindOfDirtToItsExpectedBundle(String name) throws Exception {
    String raw = Files.readString(CASES.resolve(name + CASE_SUFFIX), StandardCharsets.UTF_8);
    TranslatedReferral referral = translator.translate(parser.parseReferral(raw), raw, RECEIVED_AT);
    RepairingValidator.Result result = new RepairingValidator(TestTranslators.validator()).validate(referral.bundle());
    result.removals().forEach(r -> referral.quality().noteRemoved(r.expression(), r.reason()));
    referral.noteOnTask();
    compare(name, referral.bundle());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void translatesEachCaseToItsExpectedBundle(String name) throws Exception {
    String raw = Files.readString(CASES.resolve(name + CASE_SUFFIX), StandardCharsets.UTF_8);
    REF_I12 message = parser.parseReferral(raw);
    compare(name, translator.translate(message, raw, RECEIVED_AT).bundle());
  }

  private void compare(String name, Bundle bundle) throws IOException {
    String actual = FhirContext.forR4Cached().newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle);

    Path expectedFile = CASES.resolve(name + EXPECTED_SUFFIX);
    if (UPDATE) {
      Files.writeString(expectedFile, actual + "\n", StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(expectedFile)) {
      fail("no " + expectedFile.getFileName() + " for case " + name
          + ": generate it with -Dgolden.update=true and review it");
    }
    JsonNode expectedTree = json.readTree(Files.readString(expectedFile, StandardCharsets.UTF_8));
    JsonNode actualTree = json.readTree(actual);
    if (!expectedTree.equals(actualTree)) {
      List<String> differences = new ArrayList<>();
      diff("", expectedTree, actualTree, differences);
      StringBuilder report = new StringBuilder("Bundle of case " + name + " differs from "
          + expectedFile.getFileName() + " (" + differences.size() + " difference(s); regenerate with"
          + " -Dgolden.update=true only if the change is intended):");
      differences.stream().limit(MAX_REPORTED_DIFFERENCES).forEach(d -> report.append("\n  ").append(d));
      if (differences.size() > MAX_REPORTED_DIFFERENCES) {
        report.append("\n  ...");
      }
      report.append("\n--- actual ---\n").append(actual);
      fail(report.toString());
    }
  }

  @Test
  void everyCaseHasAnExpectedFile() throws IOException {
    assumeFalse(UPDATE, "expected files are being written");
    List<String> missing = namesEndingWith(CASE_SUFFIX).stream()
        .filter(name -> !Files.exists(CASES.resolve(name + EXPECTED_SUFFIX)))
        .toList();
    assertThat(missing).as("cases without " + EXPECTED_SUFFIX).isEmpty();
  }

  @Test
  void everyExpectedFileHasACase() throws IOException {
    List<String> orphans = namesEndingWith(EXPECTED_SUFFIX).stream()
        .filter(name -> !Files.exists(CASES.resolve(name + CASE_SUFFIX)))
        .toList();
    assertThat(orphans).as(EXPECTED_SUFFIX + " files without a case").isEmpty();
  }

  @Test
  void caseFilesSeparateSegmentsWithCarriageReturns() throws IOException {
    for (String name : namesEndingWith(CASE_SUFFIX)) {
      String raw = Files.readString(CASES.resolve(name + CASE_SUFFIX), StandardCharsets.UTF_8);
      assertThat(raw).as(name).startsWith("MSH|").contains("\r").doesNotContain("\n");
    }
  }

  /** Names (without {@code suffix}) of the files in the cases folder that end with it, sorted. */
  private static List<String> namesEndingWith(String suffix) throws IOException {
    try (Stream<Path> files = Files.list(CASES)) {
      return files.map(path -> path.getFileName().toString())
          .filter(file -> file.endsWith(suffix) && !(suffix.equals(CASE_SUFFIX) && file.endsWith(EXPECTED_SUFFIX)))
          .map(file -> file.substring(0, file.length() - suffix.length()))
          .sorted()
          .toList();
    }
  }

  /** Appends one line per differing leaf, named by a JSON pointer (bundle entries labelled with their type). */
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
    } else if (isBundleEntries(expected) && isBundleEntries(actual)) {
      // entries are paired by fullUrl (name-based UUIDs), so one added entry is one difference, not a cascade
      Map<String, JsonNode> actualByUrl = new LinkedHashMap<>();
      actual.forEach(entry -> actualByUrl.put(entry.get("fullUrl").asText(), entry));
      int i = 0;
      for (JsonNode entry : expected) {
        String url = entry.get("fullUrl").asText();
        diff(path + "/" + i++ + label(entry), entry, actualByUrl.remove(url), out);
      }
      actualByUrl.values().forEach(entry -> diff(path + "/+" + label(entry), null, entry, out));
    } else if (expected.isArray() && actual.isArray()) {
      Iterator<JsonNode> e = expected.elements();
      Iterator<JsonNode> a = actual.elements();
      for (int i = 0; e.hasNext() || a.hasNext(); i++) {
        JsonNode next = e.hasNext() ? e.next() : null;
        JsonNode other = a.hasNext() ? a.next() : null;
        diff(path + "/" + i + label(next != null ? next : other), next, other, out);
      }
    } else if (!expected.equals(actual)) {
      out.add(path + ": expected " + expected + " but was " + actual);
    }
  }

  private static boolean isBundleEntries(JsonNode node) {
    if (!node.isArray() || node.isEmpty()) {
      return false;
    }
    for (JsonNode element : node) {
      if (!element.path("fullUrl").isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static String label(JsonNode element) {
    JsonNode type = element == null ? null : element.path("resource").path("resourceType");
    return type != null && type.isTextual() ? "(" + type.asText() + ")" : "";
  }
}
