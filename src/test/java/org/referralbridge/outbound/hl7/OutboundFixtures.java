package org.referralbridge.outbound.hl7;

import static org.referralbridge.outbound.hl7.Code.loinc;
import static org.referralbridge.outbound.hl7.OutboundCodes.CADSS_TOTAL;
import static org.referralbridge.outbound.hl7.OutboundCodes.KETAMINE_DOSE;
import static org.referralbridge.outbound.hl7.OutboundCodes.KETAMINE_DOSE_PER_KG;
import static org.referralbridge.outbound.hl7.OutboundCodes.MADRS_TOTAL;
import static org.referralbridge.outbound.hl7.OutboundCodes.PCL5_TOTAL;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.referralbridge.hl7.ApplicationId;
import org.referralbridge.vocabulary.AdministrativeSex;
import org.referralbridge.vocabulary.Loinc;
import org.referralbridge.vocabulary.ReferralPriority;
import org.referralbridge.vocabulary.ReferralStatus;
import org.referralbridge.vocabulary.Ucum;

/** Fixed inputs (fictional people, fixed times and ids) and a standard HAPI parser to read the output back. */
final class OutboundFixtures {

  static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
  /** 2026-11-21 10:00 in Los Angeles (PST, -0800). */
  static final Instant MESSAGE_TIME = Instant.parse("2026-11-21T18:00:00Z");
  static final Instant SESSION_START = Instant.parse("2026-11-20T17:30:00Z");
  static final Instant AUTHORED_AT = Instant.parse("2026-11-20T19:05:00Z");
  static final ApplicationId CLINIC_APP = new ApplicationId("REFERRALBRIDGE", "LAKESIDE_KETAMINE");
  static final ApplicationId REFERRER_APP = new ApplicationId("GOLDEN_EHR", "GOLDEN_PSYCH");

  private OutboundFixtures() {}

  static PatientDetails patient() {
    return new PatientDetails(List.of(
        AssignedId.ofOid("GLD-1001", "2.16.840.1.113883.3.9999.1").withType("MR"),
        AssignedId.of("H7654321", "CASCADE_HEALTH_PLAN").withType("MB")),
        new PersonName("Quill", "Morgan", "Avery", "Jr", null, null), "1988-02-14", AdministrativeSex.FEMALE);
  }

  static ReferringProvider referrer() {
    return new ReferringProvider(new PersonName("Testwood", "Robin", null, null, null, "MD"), "1234567893",
        "(541)555-0100");
  }

  static ReferralIds referralIds() {
    return new ReferralIds(AssignedId.of("GLD-REF-0001", "GOLDEN_EHR"), AssignedId.of("4711", "REFERRALBRIDGE"));
  }

  static Envelope envelope(String controlId) {
    return new Envelope(CLINIC_APP, REFERRER_APP, controlId, MESSAGE_TIME, ZONE);
  }

  static StatusNotice accepted() {
    return new StatusNotice(envelope("RB-RRI-0001"), "GLD-0001", referralIds(), ReferralStatus.ACCEPTED,
        ReferralPriority.ROUTINE, "Accepted for a series of 6 IV ketamine infusions.\nPlease keep weekly therapy.",
        Instant.parse("2026-12-01T17:30:00Z"), new ClinicDetails("Lakeside Ketamine Clinic", null, "(541)555-0199"),
        referrer(), patient());
  }

  static SummaryNotice summary() {
    Instant before = SESSION_START;
    Instant during = SESSION_START.plusSeconds(20 * 60);
    Instant after = SESSION_START.plusSeconds(60 * 60);
    List<Result> results = List.of(
        Result.quantity(loinc(Loinc.PHQ9_TOTAL), new BigDecimal("11"), Ucum.SCORE, before).withReferenceRange("0-27"),
        Result.quantity(loinc(Loinc.GAD7_TOTAL), new BigDecimal("8"), Ucum.SCORE, before).withReferenceRange("0-21"),
        Result.quantity(PCL5_TOTAL, new BigDecimal("31"), Ucum.SCORE, before).withReferenceRange("0-80"),
        Result.quantity(MADRS_TOTAL, new BigDecimal("18"), Ucum.SCORE, before).withReferenceRange("0-60"),
        Result.quantity(CADSS_TOTAL, new BigDecimal("14"), Ucum.SCORE, after),
        Result.quantity(loinc(Loinc.BODY_WEIGHT), new BigDecimal("72.4"), Ucum.KG, before),
        Result.quantity(KETAMINE_DOSE, new BigDecimal("36.2"), Ucum.MG, during),
        Result.quantity(KETAMINE_DOSE_PER_KG, new BigDecimal("0.50"), Ucum.MG_PER_KG, during),
        Result.quantity(loinc(Loinc.SYSTOLIC_BP), new BigDecimal("124"), Ucum.MM_HG, before),
        Result.quantity(loinc(Loinc.DIASTOLIC_BP), new BigDecimal("78"), Ucum.MM_HG, before),
        Result.quantity(loinc(Loinc.SYSTOLIC_BP), new BigDecimal("146"), Ucum.MM_HG, during).withAbnormalFlag("H"),
        Result.quantity(loinc(Loinc.DIASTOLIC_BP), new BigDecimal("88"), Ucum.MM_HG, during),
        Result.quantity(loinc(Loinc.HEART_RATE), new BigDecimal("72"), Ucum.PER_MIN, during),
        Result.quantity(loinc(Loinc.SPO2_PULSE_OXIMETRY), new BigDecimal("98"), Ucum.PERCENT, during),
        Result.quantity(loinc(Loinc.RESPIRATORY_RATE), new BigDecimal("14"), Ucum.PER_MIN, during),
        Result.text(new Code("ADVERSE-EVENTS", "Adverse events", OutboundCodes.LOCAL), "Mild nausea, resolved", after),
        Result.coded(new Code("DISCHARGE-ESCORT", "Discharged with escort", OutboundCodes.LOCAL),
            new Code("373066001", "Yes", "SCT"), after));
    SummaryDocument document = new SummaryDocument("DOC-2026-0042", "Ketamine infusion summary, session 1 of 6",
        new PersonName("Lakes", "Jordan", null, null, null, "MD"), SESSION_START, AUTHORED_AT,
        SummaryDocument.Completion.AUTHENTICATED, pdf());
    return new SummaryNotice(envelope("RB-SUM-0001"), patient(), referrer(), referralIds(), document, results,
        "Plan: session 2 on 2026-11-24.\nContinue sertraline; no change to therapy.");
  }

  static byte[] pdf() {
    try (InputStream in = OutboundFixtures.class.getResourceAsStream("/outbound/infusion-summary.pdf")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses with a standard HAPI PipeParser (v2.5.1 structures, default escaping, HAPI's default validation). */
  static Message parse(String message) throws Exception {
    try (HapiContext context = new DefaultHapiContext()) {
      context.setValidationContext(ValidationContextFactory.defaultValidation());
      return context.getPipeParser().parse(message);
    }
  }
}
