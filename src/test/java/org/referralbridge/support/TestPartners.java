package org.referralbridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A partner seed for tests: the sample senders with reply channels on this machine's test ports (Northside and
 * Summit over MLLP, Northside also taking application acknowledgements; Riverbend and Harborview over FHIR, Cascade
 * with no channel).
 */
public final class TestPartners {

  private TestPartners() {}

  /** Writes the seed file; returns a Spring resource location for bridge.partners.seed. */
  public static String seed(Path directory, int mllpPort, int fhirPort) {
    String json = """
        {"resourceType":"Bundle","type":"transaction","entry":[
        %s,%s,%s,%s,%s]}""".formatted(
        partner("northside", "Northside Psychiatry", "NORTHSIDE_EHR^NORTHSIDE_PSYCH", "hl7v2-mllp",
            "mllp://127.0.0.1:" + mllpPort, "RRI_I12\",\"MDM_T02\",\"ACK"),
        partner("summit", "Summit Family Practice", "SUMMITFP^SUMMIT_FAMILY_PRACTICE", "hl7v2-mllp",
            "mllp://127.0.0.1:" + mllpPort, "RRI_I12\",\"ORU_R01"),
        partner("riverbend", "Riverbend Trauma Therapy", "RIVERBEND_EMR^RIVERBEND_TRAUMA", "hl7-fhir-rest",
            "http://127.0.0.1:" + fhirPort + "/fhir", "FHIR"),
        partner("harborview", "Harborview Psychiatry", "HARBORVIEW_CARE^HARBORVIEW_PSYCHIATRY", "hl7-fhir-rest",
            "http://127.0.0.1:" + fhirPort + "/fhir", "FHIR"),
        organizationOnly("cascade", "Cascade Behavioral Health", "CASCADE_BH^CASCADE_BEHAVIORAL_HEALTH"));
    try {
      Files.createDirectories(directory);
      Path file = directory.resolve("partners.json");
      Files.writeString(file, json);
      return "file:" + file.toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String partner(String key, String name, String sender, String type, String address,
      String formats) {
    String payloads = java.util.Arrays.stream(formats.split("\",\""))
        .map(f -> "{\"coding\":[{\"system\":\"http://referralbridge.org/fhir/CodeSystem/reply-format\",\"code\":\""
            + f + "\"}]}").reduce((a, b) -> a + "," + b).orElse("");
    return """
        {"fullUrl":"urn:uuid:%1$s-ep","resource":{"resourceType":"Endpoint","identifier":[{"system":"http://referralbridge.org/fhir/sid/partner-endpoint","value":"%1$s"}],"status":"active","connectionType":{"system":"http://terminology.hl7.org/CodeSystem/endpoint-connection-type","code":"%4$s"},"payloadType":[%6$s],"address":"%5$s"},"request":{"method":"POST","url":"Endpoint","ifNoneExist":"identifier=http://referralbridge.org/fhir/sid/partner-endpoint|%1$s"}},
        {"fullUrl":"urn:uuid:%1$s-org","resource":{"resourceType":"Organization","identifier":[{"system":"http://referralbridge.org/fhir/sid/partner","value":"%1$s"},{"system":"http://referralbridge.org/fhir/sid/hl7v2-sender","value":"%3$s"}],"active":true,"name":"%2$s","endpoint":[{"reference":"urn:uuid:%1$s-ep"}]},"request":{"method":"POST","url":"Organization","ifNoneExist":"identifier=http://referralbridge.org/fhir/sid/partner|%1$s"}}"""
        .formatted(key, name, sender, type, address, payloads).replace("\n", "")
        .replace("urn:uuid:" + key + "-ep", "urn:uuid:" + uuid(key + "-ep"))
        .replace("urn:uuid:" + key + "-org", "urn:uuid:" + uuid(key + "-org"));
  }

  private static String uuid(String seed) {
    return java.util.UUID.nameUUIDFromBytes(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
  }

  private static String organizationOnly(String key, String name, String sender) {
    return """
        {"fullUrl":"urn:uuid:%1$s-org","resource":{"resourceType":"Organization","identifier":[{"system":"http://referralbridge.org/fhir/sid/partner","value":"%1$s"},{"system":"http://referralbridge.org/fhir/sid/hl7v2-sender","value":"%3$s"}],"active":true,"name":"%2$s"},"request":{"method":"POST","url":"Organization","ifNoneExist":"identifier=http://referralbridge.org/fhir/sid/partner|%1$s"}}"""
        .formatted(key, name, sender).replace("\n", "")
        .replace("urn:uuid:" + key + "-org", "urn:uuid:" + uuid(key + "-org"));
  }
}
