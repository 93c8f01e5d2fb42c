package org.referralbridge.outbound.hl7;

import static org.referralbridge.outbound.hl7.Hl7Writer.set;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.v251.datatype.CE;
import ca.uhn.hl7v2.model.v251.message.RRI_I12;
import ca.uhn.hl7v2.model.v251.segment.PRD;
import ca.uhn.hl7v2.model.v251.segment.RF1;
import ca.uhn.hl7v2.model.v251.segment.PV1;
import org.referralbridge.vocabulary.ReferralPriority;
import org.referralbridge.vocabulary.ReferralStatus;

/**
 * RRI (return referral information, HL7 v2.5.1 chapter 11) telling the referrer the referral's status: RRI^I12 for a
 * decision of the clinic's, RRI^I13/I14/I15 answering the referrer's modification, cancellation or status request
 * (one message structure, RRI_I12, for all four).
 *
 * <pre>
 * MSH  this service → the original referral's sender (its MSH-3/4 as MSH-5/6)
 * MSA  AA, MSA-2 = the MSH-10 of the message answered (the original referral, or the referrer's request)
 * RF1  RF1-1 status (0283), RF1-2 priority (0280), RF1-6 the referrer's id, RF1-11 the clinic's id
 * PRD  RP: the referring provider (name, phone, NPI in PRD-7)
 * PRD  RT: the clinic (name, our facility in PRD-4, phone, NPI)
 * PID  identifiers with assigning authority, name, birth date, sex
 * PV1  class O   } only when a first session is booked: PV2-8 expected admit date/time is its start.
 * PV2           }  (Chapter 11: an RRI's PV1/PV2 describe the visit that results from the referral; RF1-7
 *                   "effective date" is the date the referral itself takes effect, not an appointment.)
 * NTE  the comment, one NTE per line
 * </pre>
 */
public final class ReferralStatusMessages {

  private ReferralStatusMessages() {}

  /**
   * The RRI for {@code notice} (its event, e.g. RRI^I12), pipe-encoded (segments end with CR).
   *
   * @throws OutboundMessageException if HAPI refuses a value
   */
  public static String rri(StatusNotice notice) {
    try {
      return Hl7Writer.encode(build(notice));
    } catch (HL7Exception e) {
      throw new OutboundMessageException("RRI^" + notice.event().code() + " could not be built: "
          + e.getClass().getSimpleName(), e);
    }
  }

  static RRI_I12 build(StatusNotice notice) throws HL7Exception {
    RRI_I12 message = Hl7Writer.newMessage(RRI_I12::new);
    Hl7Writer.header(message.getMSH(), notice.envelope(), "RRI", notice.event().code(), "RRI_I12");
    set(message.getMSA().getAcknowledgmentCode(), "AA");
    set(message.getMSA().getMessageControlID(), notice.originalControlId());

    RF1 rf1 = message.getRF1();
    table(rf1.getReferralStatus(), notice.status().code(), notice.status().display(),
        ReferralStatus.TABLE);
    if (notice.priority() != null) {
      table(rf1.getReferralPriority(), notice.priority().code(), notice.priority().display(),
          ReferralPriority.TABLE);
    }
    Hl7Writer.ei(rf1.getOriginatingReferralIdentifier(), notice.referral().originating());
    if (notice.referral().clinic() != null) {
      Hl7Writer.ei(rf1.getExternalReferralIdentifier(0), notice.referral().clinic());
    }

    int providers = 0;
    ReferringProvider provider = notice.referrer();
    if (provider != null) {
      PRD referrer = message.getPROVIDER_CONTACT(providers++).getPRD();
      Hl7Writer.ce(referrer.getProviderRole(0), OutboundCodes.ROLE_REFERRING);
      if (provider.name() != null) {
        Hl7Writer.name(referrer.getProviderName(0), provider.name());
      }
      if (provider.phone() != null) {
        Hl7Writer.workPhone(referrer.getProviderCommunicationInformation(0), provider.phone());
      }
      if (provider.npi() != null) {
        set(referrer.getProviderIdentifiers(0).getIDNumber(), provider.npi());
        set(referrer.getProviderIdentifiers(0).getTypeOfIDNumber(), OutboundCodes.NPI);
      }
    }

    PRD clinic = message.getPROVIDER_CONTACT(providers).getPRD();
    Hl7Writer.ce(clinic.getProviderRole(0), OutboundCodes.ROLE_REFERRED_TO);
    // v2.5.1's PRD has no organisation field (PRD-10 came in v2.7): the name goes where receivers show a name
    set(clinic.getProviderName(0).getFamilyName().getSurname(), notice.clinic().name());
    set(clinic.getProviderLocation().getFacility().getNamespaceID(), notice.envelope().sender().facility());
    if (notice.clinic().phone() != null) {
      Hl7Writer.workPhone(clinic.getProviderCommunicationInformation(0), notice.clinic().phone());
    }
    if (notice.clinic().npi() != null) {
      set(clinic.getProviderIdentifiers(0).getIDNumber(), notice.clinic().npi());
      set(clinic.getProviderIdentifiers(0).getTypeOfIDNumber(), OutboundCodes.NPI);
    }

    Hl7Writer.patient(message.getPID(), notice.patient());

    if (notice.scheduledStart() != null) {
      PV1 pv1 = message.getPATIENT_VISIT().getPV1();
      Hl7Writer.outpatientVisit(pv1, null);
      set(message.getPATIENT_VISIT().getPV2().getExpectedAdmitDateTime().getTime(),
          Hl7Writer.dtm(notice.scheduledStart(), notice.envelope().zone()));
    }
    Hl7Writer.notes(notice.comment(), message::getNTE);
    return message;
  }

  private static void table(CE ce, String code, String display, String table) throws HL7Exception {
    Hl7Writer.ce(ce, new Code(code, display, table));
  }
}
