package org.referralbridge.partner;

/** Systems and codes of the partner directory's resources. */
public final class PartnerCodes {

  /** Identifier system of the HL7 v2 senders a partner Organization answers for; value "MSH-3^MSH-4". */
  public static final String SENDER_SYSTEM = "http://referralbridge.org/fhir/sid/hl7v2-sender";
  /** Endpoint connection types (HL7 terminology). */
  public static final String CONNECTION_TYPE = "http://terminology.hl7.org/CodeSystem/endpoint-connection-type";
  public static final String CONNECTION_MLLP = "hl7v2-mllp";
  public static final String CONNECTION_FHIR = "hl7-fhir-rest";
  /** The message formats a partner accepts (Endpoint.payloadType). */
  public static final String FORMAT_SYSTEM = "http://referralbridge.org/fhir/CodeSystem/reply-format";

  private PartnerCodes() {}
}
