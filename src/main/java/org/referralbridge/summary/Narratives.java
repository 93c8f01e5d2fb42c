package org.referralbridge.summary;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;
import org.referralbridge.infusion.DoseCheck;
import org.referralbridge.infusion.InfusionSession;
import org.referralbridge.infusion.InfusionSession.VitalSigns;
import org.referralbridge.infusion.InfusionSessionMapper;

/**
 * The human-readable narrative of each section, as FHIR XHTML ({@code <div xmlns="http://www.w3.org/1999/xhtml">}
 * with p, table/tr/th/td and ul/li only: what {@link SummaryPdf} renders back). Text is added as text nodes, so
 * whatever a clinician typed is escaped. Times are shown in the clinic's zone.
 */
final class Narratives {

  static final String XHTML = "http://www.w3.org/1999/xhtml";
  private static final String NONE = "\u2013";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.US);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.US);
  private static final DateTimeFormatter TIME_ZONE = DateTimeFormatter.ofPattern("HH:mm zzz", Locale.US);

  private final ZoneId zone;

  Narratives(ZoneId zone) {
    this.zone = zone;
  }

  Narrative session(InfusionSession s, DoseCheck dose, String referralId) {
    XhtmlNode div = div();
    XhtmlNode table = div.addTag("table");
    row(table, "Date", date(s.start()) + ", " + time(s.start()) + " to " + timeZone(s.end()));
    row(table, "Session", s.sessionNumber() + " of the series");
    if (referralId != null) {
      row(table, "Referral", referralId);
    }
    row(table, "Drug", s.drug().label());
    row(table, "Route", s.route().label());
    row(table, "Weight", s.weightKg().toPlainString() + " kg");
    row(table, "Dose", s.doseMg().toPlainString() + " mg (" + dose.mgPerKg().toPlainString() + " mg/kg)");
    row(table, "Duration", s.durationMinutes() + " min");
    if (hasText(s.clinician())) {
      row(table, "Clinician", s.clinician());
    }
    String discharge = InfusionSessionMapper.dischargeText(s);
    if (discharge != null) {
      row(table, "Discharge", discharge.substring("Discharge: ".length()));
    }
    return generated(div);
  }

  Narrative vitalSigns(InfusionSession s) {
    XhtmlNode div = div();
    if (s.vitalSigns().isEmpty()) {
      div.addTag("p").addText("No vital signs were recorded.");
      return generated(div);
    }
    XhtmlNode table = div.addTag("table");
    header(table, "Phase", "Time", "BP (mmHg)", "Heart rate (/min)", "SpO2 (%)", "Resp. rate (/min)");
    List<VitalSigns> sorted = s.vitalSigns().stream()
        .sorted(Comparator.comparing(VitalSigns::phase).thenComparing(VitalSigns::time)).toList();
    for (VitalSigns v : sorted) {
      String bp = v.systolic() == null && v.diastolic() == null ? NONE
          : value(v.systolic()) + "/" + value(v.diastolic());
      cells(table, v.phase().label(), time(v.time()), bp, value(v.heartRate()), value(v.spo2()),
          value(v.respiratoryRate()));
    }
    return generated(div);
  }

  Narrative dissociationAndAdverseEvents(InfusionSession s) {
    XhtmlNode div = div();
    InfusionSession.Dissociation d = s.dissociation();
    div.addTag("p").addText(d == null ? "Dissociation was not rated."
        : "Dissociation (" + d.scale().label() + "): " + d.score() + " of " + d.scale().maxScore() + ".");
    if (s.adverseEvents().isEmpty()) {
      div.addTag("p").addText("No adverse events.");
    } else {
      div.addTag("p").addText("Adverse events:");
      XhtmlNode list = div.addTag("ul");
      for (InfusionSession.AdverseEvent event : s.adverseEvents()) {
        list.addTag("li").addText(sentence(event.description())
            + (hasText(event.actionTaken()) ? " Action taken: " + sentence(event.actionTaken()) : ""));
      }
    }
    return generated(div);
  }

  Narrative scores(InfusionSession s, List<InfusionSession> series, List<ScoreTrend> trends) {
    XhtmlNode div = div();
    if (trends.isEmpty()) {
      div.addTag("p").addText("No outcome scores were recorded.");
      return generated(div);
    }
    if (!s.scores().isEmpty()) {
      div.addTag("p").addText("This session (before and after the infusion):");
      XhtmlNode table = div.addTag("table");
      header(table, "Instrument", "Before", "After", "Change");
      for (ScoreTrend trend : trends) {
        s.score(trend.instrument()).ifPresent(pair -> cells(table, trend.instrument().label(), value(pair.pre()),
            value(pair.post()), pair.pre() == null || pair.post() == null ? NONE
                : signed(pair.post() - pair.pre())));
      }
    }
    div.addTag("p").addText("Across the series so far: before / after each infusion (change from baseline, the"
        + " first score before an infusion):");
    XhtmlNode table = div.addTag("table");
    List<String> header = new ArrayList<>(List.of("Session", "Date"));
    trends.forEach(trend -> header.add(trend.instrument().label()));
    header(table, header.toArray(String[]::new));
    for (InfusionSession session : series) {
      List<String> row = new ArrayList<>(List.of(String.valueOf(session.sessionNumber()), date(session.start())));
      for (ScoreTrend trend : trends) {
        row.add(trend.points().stream().filter(p -> p.session().sessionNumber() == session.sessionNumber())
            .findFirst()
            .map(p -> value(p.pre()) + " / " + value(p.post()) + " ("
                + ScoreTrend.formatChange(trend.percentChange(p.last())) + ")")
            .orElse(NONE));
      }
      cells(table, row.toArray(String[]::new));
    }
    XhtmlNode verdicts = div.addTag("ul");
    trends.forEach(trend -> verdicts.addTag("li").addText(verdict(trend)));
    return generated(div);
  }

  Narrative planAndNotes(InfusionSession s) {
    XhtmlNode div = div();
    if (!hasText(s.plan()) && !hasText(s.notesForTherapist())) {
      div.addTag("p").addText("No plan or notes were recorded.");
    }
    if (hasText(s.plan())) {
      div.addTag("p").addText("Plan: " + s.plan().strip());
    }
    if (hasText(s.notesForTherapist())) {
      div.addTag("p").addText("Notes for the therapist: " + s.notesForTherapist().strip());
    }
    return generated(div);
  }

  static Narrative trendChart() {
    XhtmlNode div = div();
    div.addTag("p").addText("The scores across the series as a chart (PNG image attached).");
    return generated(div);
  }

  static Narrative printableCopy(String title) {
    XhtmlNode div = div();
    div.addTag("p").addText("This summary as a PDF for printing: " + title + ".");
    return generated(div);
  }

  /** "PHQ-9: 22 at baseline, 8 now (-64%): response (a reduction of ≥50% from baseline)." */
  static String verdict(ScoreTrend trend) {
    String label = trend.instrument().label();
    if (trend.baseline() == null) {
      return label + ": no score before an infusion yet, so no baseline.";
    }
    String numbers = label + ": " + trend.baseline() + " at baseline (session "
        + trend.baselinePoint().session().sessionNumber() + "), " + trend.latest() + " now ("
        + ScoreTrend.formatChange(trend.percentChange(trend.latest())) + ")";
    if (!trend.instrument().responseApplies()) {
      return numbers + "; response does not apply to this instrument.";
    }
    return numbers + (trend.response() ? ": response (a reduction of \u226550% from baseline)."
        : ": not a response yet (response is a reduction of \u226550% from baseline).");
  }

  private static XhtmlNode div() {
    XhtmlNode div = new XhtmlNode(NodeType.Element, "div");
    div.setAttribute("xmlns", XHTML);
    return div;
  }

  private static Narrative generated(XhtmlNode div) {
    Narrative narrative = new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED);
    narrative.setDiv(div);
    return narrative;
  }

  private static void row(XhtmlNode table, String name, String value) {
    XhtmlNode tr = table.addTag("tr");
    tr.addTag("th").addText(name);
    tr.addTag("td").addText(value);
  }

  private static void header(XhtmlNode table, String... names) {
    XhtmlNode tr = table.addTag("tr");
    for (String name : names) {
      tr.addTag("th").addText(name);
    }
  }

  private static void cells(XhtmlNode table, String... values) {
    XhtmlNode tr = table.addTag("tr");
    for (String value : values) {
      tr.addTag("td").addText(value);
    }
  }

  private String date(OffsetDateTime time) {
    return DATE.format(time.atZoneSameInstant(zone));
  }

  private String time(OffsetDateTime time) {
    return TIME.format(time.atZoneSameInstant(zone));
  }

  private String timeZone(OffsetDateTime time) {
    return TIME_ZONE.format(time.atZoneSameInstant(zone));
  }

  private static String value(Integer value) {
    return value == null ? NONE : value.toString();
  }

  private static String signed(int difference) {
    return (difference > 0 ? "+" : "") + difference;
  }

  private static String sentence(String text) {
    String stripped = text.strip();
    return stripped.endsWith(".") || stripped.endsWith("!") || stripped.endsWith("?") ? stripped : stripped + ".";
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }
}
