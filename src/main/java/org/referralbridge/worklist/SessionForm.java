package org.referralbridge.worklist;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.referralbridge.infusion.DissociationScale;
import org.referralbridge.infusion.Drug;
import org.referralbridge.infusion.Instrument;
import org.referralbridge.infusion.Route;

/** The "record a session" form, field by field (bound from the request; empty fields stay null). */
public class SessionForm {

  private LocalDateTime start;
  private Integer durationMinutes = 40;
  private Drug drug = Drug.KETAMINE_RACEMIC;
  private Route route = Route.IV;
  private BigDecimal weightKg;
  private BigDecimal doseMg;
  private Vitals before = new Vitals();
  private Vitals during = new Vitals();
  private Vitals after = new Vitals();
  private DissociationScale dissociationScale = DissociationScale.CADSS_6;
  private Integer dissociationScore;
  private String adverseEvent;
  private String adverseEventAction;
  private Integer phq9Pre;
  private Integer phq9Post;
  private Integer gad7Pre;
  private Integer gad7Post;
  private Integer pcl5Pre;
  private Integer pcl5Post;
  private Integer madrsPre;
  private Integer madrsPost;
  private String plan;
  private String notesForTherapist;
  private String dischargeCondition;
  private String escort;
  private boolean doseConfirmed;

  /** Vital signs at one point of the session. */
  public static class Vitals {
    private Integer systolic;
    private Integer diastolic;
    private Integer heartRate;
    private Integer spo2;
    private Integer respiratoryRate;

    public Integer getSystolic() { return systolic; }
    public void setSystolic(Integer v) { systolic = v; }
    public Integer getDiastolic() { return diastolic; }
    public void setDiastolic(Integer v) { diastolic = v; }
    public Integer getHeartRate() { return heartRate; }
    public void setHeartRate(Integer v) { heartRate = v; }
    public Integer getSpo2() { return spo2; }
    public void setSpo2(Integer v) { spo2 = v; }
    public Integer getRespiratoryRate() { return respiratoryRate; }
    public void setRespiratoryRate(Integer v) { respiratoryRate = v; }

    boolean isEmpty() {
      return systolic == null && diastolic == null && heartRate == null && spo2 == null && respiratoryRate == null;
    }
  }

  public LocalDateTime getStart() { return start; }
  public void setStart(LocalDateTime v) { start = v; }
  public Integer getDurationMinutes() { return durationMinutes; }
  public void setDurationMinutes(Integer v) { durationMinutes = v; }
  public Drug getDrug() { return drug; }
  public void setDrug(Drug v) { drug = v; }
  public Route getRoute() { return route; }
  public void setRoute(Route v) { route = v; }
  public BigDecimal getWeightKg() { return weightKg; }
  public void setWeightKg(BigDecimal v) { weightKg = v; }
  public BigDecimal getDoseMg() { return doseMg; }
  public void setDoseMg(BigDecimal v) { doseMg = v; }
  public Vitals getBefore() { return before; }
  public void setBefore(Vitals v) { before = v; }
  public Vitals getDuring() { return during; }
  public void setDuring(Vitals v) { during = v; }
  public Vitals getAfter() { return after; }
  public void setAfter(Vitals v) { after = v; }
  public DissociationScale getDissociationScale() { return dissociationScale; }
  public void setDissociationScale(DissociationScale v) { dissociationScale = v; }
  public Integer getDissociationScore() { return dissociationScore; }
  public void setDissociationScore(Integer v) { dissociationScore = v; }
  public String getAdverseEvent() { return adverseEvent; }
  public void setAdverseEvent(String v) { adverseEvent = v; }
  public String getAdverseEventAction() { return adverseEventAction; }
  public void setAdverseEventAction(String v) { adverseEventAction = v; }
  public Integer getPhq9Pre() { return phq9Pre; }
  public void setPhq9Pre(Integer v) { phq9Pre = v; }
  public Integer getPhq9Post() { return phq9Post; }
  public void setPhq9Post(Integer v) { phq9Post = v; }
  public Integer getGad7Pre() { return gad7Pre; }
  public void setGad7Pre(Integer v) { gad7Pre = v; }
  public Integer getGad7Post() { return gad7Post; }
  public void setGad7Post(Integer v) { gad7Post = v; }
  public Integer getPcl5Pre() { return pcl5Pre; }
  public void setPcl5Pre(Integer v) { pcl5Pre = v; }
  public Integer getPcl5Post() { return pcl5Post; }
  public void setPcl5Post(Integer v) { pcl5Post = v; }
  public Integer getMadrsPre() { return madrsPre; }
  public void setMadrsPre(Integer v) { madrsPre = v; }
  public Integer getMadrsPost() { return madrsPost; }
  public void setMadrsPost(Integer v) { madrsPost = v; }
  public String getPlan() { return plan; }
  public void setPlan(String v) { plan = v; }
  public String getNotesForTherapist() { return notesForTherapist; }
  public void setNotesForTherapist(String v) { notesForTherapist = v; }
  public String getDischargeCondition() { return dischargeCondition; }
  public void setDischargeCondition(String v) { dischargeCondition = v; }
  public String getEscort() { return escort; }
  public void setEscort(String v) { escort = v; }
  public boolean isDoseConfirmed() { return doseConfirmed; }
  public void setDoseConfirmed(boolean v) { doseConfirmed = v; }

  /** The scores entered, instrument by instrument (pre, post). */
  Integer[][] scores() {
    return new Integer[][] {{phq9Pre, phq9Post}, {gad7Pre, gad7Post}, {pcl5Pre, pcl5Post}, {madrsPre, madrsPost}};
  }

  static final Instrument[] SCORED = {Instrument.PHQ9, Instrument.GAD7, Instrument.PCL5, Instrument.MADRS};
}
