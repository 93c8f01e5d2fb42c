package org.referralbridge.outbound.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.AbstractMessage;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.v251.datatype.CE;
import ca.uhn.hl7v2.model.v251.datatype.CX;
import ca.uhn.hl7v2.model.v251.datatype.EI;
import ca.uhn.hl7v2.model.v251.datatype.HD;
import ca.uhn.hl7v2.model.v251.datatype.XCN;
import ca.uhn.hl7v2.model.v251.datatype.XPN;
import ca.uhn.hl7v2.model.v251.datatype.XTN;
import ca.uhn.hl7v2.model.v251.segment.MSH;
import ca.uhn.hl7v2.model.v251.segment.NTE;
import ca.uhn.hl7v2.model.v251.segment.PID;
import ca.uhn.hl7v2.model.v251.segment.PV1;
import ca.uhn.hl7v2.parser.ModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What the three outbound messages share: one HAPI context (v2.5.1 structures, HAPI's default validation, so a
 * malformed time or number is refused where it is set; {@link StrictEscaping}), the MSH, PID, PV1 and NTE
 * segments, the name, identifier and phone data types, and times. Thread-safe.
 */
final class Hl7Writer {

  private static final DateTimeFormatter DTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmssxx");
  private static final HapiContext CONTEXT = context();

  private Hl7Writer() {}

  private static HapiContext context() {
    HapiContext context = new DefaultHapiContext();
    context.setValidationContext(ValidationContextFactory.defaultValidation());
    // no generated control ids (they come from the envelope), so no file-based id generator either
    context.getParserConfiguration().setIdGenerator(new InMemoryIDGenerator());
    context.getParserConfiguration().setEscaping(new StrictEscaping());
    // without this, HAPI hides the subcomponent separator from the escaping of fields that are primitives (NTE-3)
    context.getParserConfiguration().setEscapeSubcomponentDelimiterInPrimitive(true);
    return context;
  }

  /** A new, empty message of the given v2.5.1 structure, bound to the outbound context. */
  static <M extends AbstractMessage> M newMessage(Function<ModelClassFactory, M> constructor) {
    M message = constructor.apply(CONTEXT.getModelClassFactory());
    PipeParser parser = CONTEXT.getPipeParser();
    message.setParser(parser);
    return message;
  }

  static String encode(AbstractMessage message) throws HL7Exception {
    return CONTEXT.getPipeParser().encode(message);
  }

  /** MSH: encoding characters, sender and receiver, time, type, control id, processing id P, 2.5.1, UTF-8. */
  static void header(MSH msh, Envelope envelope, String code, String event, String structure) throws HL7Exception {
    msh.getFieldSeparator().setValue("|");
    msh.getEncodingCharacters().setValue("^~\\&");
    set(msh.getSendingApplication().getNamespaceID(), envelope.sender().application());
    set(msh.getSendingFacility().getNamespaceID(), envelope.sender().facility());
    set(msh.getReceivingApplication().getNamespaceID(), envelope.receiver().application());
    set(msh.getReceivingFacility().getNamespaceID(), envelope.receiver().facility());
    set(msh.getDateTimeOfMessage().getTime(), dtm(envelope.time(), envelope.zone()));
    set(msh.getMessageType().getMessageCode(), code);
    set(msh.getMessageType().getTriggerEvent(), event);
    set(msh.getMessageType().getMessageStructure(), structure);
    set(msh.getMessageControlID(), envelope.controlId());
    set(msh.getProcessingID().getProcessingID(), OutboundCodes.PROCESSING_PRODUCTION);
    set(msh.getVersionID().getVersionID(), OutboundCodes.HL7_VERSION);
    set(msh.getCharacterSet(0), OutboundCodes.CHARACTER_SET);
  }

  /** PID-1, PID-3 identifiers, PID-5 name, PID-7 birth date, PID-8 sex. */
  static void patient(PID pid, PatientDetails patient) throws HL7Exception {
    set(pid.getSetIDPID(), "1");
    List<AssignedId> identifiers = patient.identifiers();
    for (int i = 0; i < identifiers.size(); i++) {
      cx(pid.getPatientIdentifierList(i), identifiers.get(i));
    }
    if (patient.name() != null) {
      name(pid.getPatientName(0), patient.name());
    }
    if (patient.birthDate() != null) {
      set(pid.getDateTimeOfBirth().getTime(), patient.birthDate().replace("-", ""));
    }
    if (patient.sex() != null) {
      set(pid.getAdministrativeSex(), patient.sex().code());
    }
  }

  /** PV1-1, PV1-2 class O (outpatient), PV1-8 the referring doctor. */
  static void outpatientVisit(PV1 pv1, ReferringProvider referrer) throws HL7Exception {
    set(pv1.getSetIDPV1(), "1");
    set(pv1.getPatientClass(), OutboundCodes.PATIENT_CLASS_OUTPATIENT);
    if (referrer != null) {
      provider(pv1.getReferringDoctor(0), referrer);
    }
  }

  /** CX: value, CX-4 assigning authority, CX-5 identifier type. */
  static void cx(CX cx, AssignedId id) throws HL7Exception {
    set(cx.getIDNumber(), id.value());
    authority(cx.getAssigningAuthority(), id);
    set(cx.getIdentifierTypeCode(), id.typeCode());
  }

  /** EI: value, EI-2 namespace, EI-3 universal id, EI-4 its type. */
  static void ei(EI ei, AssignedId id) throws HL7Exception {
    set(ei.getEntityIdentifier(), id.value());
    set(ei.getNamespaceID(), id.namespace());
    set(ei.getUniversalID(), id.universalId());
    set(ei.getUniversalIDType(), id.universalIdType());
  }

  private static void authority(HD hd, AssignedId id) throws HL7Exception {
    set(hd.getNamespaceID(), id.namespace());
    set(hd.getUniversalID(), id.universalId());
    set(hd.getUniversalIDType(), id.universalIdType());
  }

  static void name(XPN xpn, PersonName name) throws HL7Exception {
    set(xpn.getFamilyName().getSurname(), name.family());
    set(xpn.getGivenName(), name.given());
    set(xpn.getSecondAndFurtherGivenNamesOrInitialsThereof(), name.middle());
    set(xpn.getSuffixEgJRorIII(), name.suffix());
    set(xpn.getPrefixEgDR(), name.prefix());
    set(xpn.getProfessionalSuffix(), name.credentials());
  }

  /** XCN of a provider: XCN-1 the NPI with XCN-9 the NPI authority and XCN-13 type NPI, then the name. */
  static void provider(XCN xcn, ReferringProvider provider) throws HL7Exception {
    if (provider.npi() != null) {
      set(xcn.getIDNumber(), provider.npi());
      set(xcn.getAssigningAuthority().getNamespaceID(), OutboundCodes.NPI);
      set(xcn.getAssigningAuthority().getUniversalID(), OutboundCodes.NPI_OID);
      set(xcn.getAssigningAuthority().getUniversalIDType(), "ISO");
      set(xcn.getIdentifierTypeCode(), OutboundCodes.NPI);
    }
    if (provider.name() != null) {
      person(xcn, provider.name());
    }
  }

  /** The name parts of an XCN. */
  static void person(XCN xcn, PersonName name) throws HL7Exception {
    set(xcn.getFamilyName().getSurname(), name.family());
    set(xcn.getGivenName(), name.given());
    set(xcn.getSecondAndFurtherGivenNamesOrInitialsThereof(), name.middle());
    set(xcn.getSuffixEgJRorIII(), name.suffix());
    set(xcn.getPrefixEgDR(), name.prefix());
    set(xcn.getProfessionalSuffix(), name.credentials());
  }

  /** A work phone: XTN-1 the number as text, XTN-2 WPN, XTN-3 PH. */
  static void workPhone(XTN xtn, String phone) throws HL7Exception {
    set(xtn.getTelephoneNumber(), phone);
    set(xtn.getTelecommunicationUseCode(), OutboundCodes.PHONE_USE_WORK);
    set(xtn.getTelecommunicationEquipmentType(), OutboundCodes.PHONE_EQUIPMENT_TELEPHONE);
  }

  static void ce(CE ce, Code code) throws HL7Exception {
    set(ce.getIdentifier(), code.code());
    set(ce.getText(), code.display());
    set(ce.getNameOfCodingSystem(), code.system());
  }

  /**
   * Text as NTE segments, one per line (NTE-3 is a single line in most receivers' displays), NTE-2 source L: a
   * standard parser gives back the text by joining the NTE-3 values with line breaks.
   *
   * @param nte the n-th (0-based) NTE of the group the notes belong to
   */
  static void notes(String text, NteSupplier nte) throws HL7Exception {
    List<String> lines = lines(text);
    for (int i = 0; i < lines.size(); i++) {
      NTE segment = nte.get(i);
      set(segment.getSetIDNTE(), String.valueOf(i + 1));
      set(segment.getSourceOfComment(), OutboundCodes.COMMENT_SOURCE_FILLER);
      set(segment.getComment(0), lines.get(i));
    }
  }

  /** The n-th repetition of an NTE in a group. */
  @FunctionalInterface
  interface NteSupplier {
    NTE get(int index) throws HL7Exception;
  }

  /** The lines of a text (CRLF, CR or LF), without trailing empty lines; none for null or blank text. */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return lines;
    }
    for (String line : text.split("\r\n|\r|\n", -1)) {
      lines.add(line);
    }
    while (lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  /** A DTM at second precision with the zone's offset, e.g. {@code 20261121100000-0800}. */
  static String dtm(Instant instant, ZoneId zone) {
    return DTM.format(instant.atZone(zone));
  }

  /** Sets a primitive unless the value is null or blank (an empty component stays absent). */
  static void set(Primitive primitive, String value) throws HL7Exception {
    if (value != null && !value.isBlank()) {
      primitive.setValue(value);
    }
  }
}
