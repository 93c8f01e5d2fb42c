package org.referralbridge.partner;

/** Decides what intake does with a sender: accept (a known partner), quarantine or refuse (unknown). */
public class SenderPolicy {

  /** The outcome for one sender. */
  public enum Decision { ACCEPT, QUARANTINE, REFUSE }

  private final PartnerDirectory directory;
  private final PartnerProperties.UnknownSenders unknownSenders;

  public SenderPolicy(PartnerDirectory directory, PartnerProperties.UnknownSenders unknownSenders) {
    this.directory = directory;
    this.unknownSenders = unknownSenders;
  }

  public Decision decide(String senderKey) {
    if (directory.findBySender(senderKey).isPresent()) {
      return Decision.ACCEPT;
    }
    return unknownSenders == PartnerProperties.UnknownSenders.QUARANTINE ? Decision.QUARANTINE : Decision.REFUSE;
  }
}
