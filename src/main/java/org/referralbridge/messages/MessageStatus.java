package org.referralbridge.messages;

import java.util.EnumSet;
import java.util.Set;

/** Where an accepted inbound message stands. */
public enum MessageStatus {
  /** Written to the FHIR store. */
  PROCESSED,
  /** A re-sent copy of a message already processed: nothing was written again. */
  DUPLICATE,
  /** Translated but not valid against the profiles, or not translatable: a person must look (outcome kept). */
  NEEDS_ATTENTION,
  /** Failed after every retry (e.g. the FHIR store stayed down): on the dead-letter queue for replay. */
  DEAD_LETTERED,
  /** Put back on the inbound queue by an operator: being processed again. */
  REPLAYED,
  /**
   * A referrer's cancellation or status request for a referral not written yet: held, and processed again as soon
   * as the referral is written (or when an operator replays it).
   */
  WAITING_FOR_REFERRAL,
  /**
   * Results (ORU^R01) from a referrer about a patient with no open referral from them: kept and listed for staff,
   * who may replay it once there is one.
   */
  NO_OPEN_REFERRAL;

  /** Statuses an operator may replay at any time: the message waits for a person, or for its referral. */
  public static final Set<MessageStatus> REPLAYABLE = EnumSet.of(DEAD_LETTERED, NEEDS_ATTENTION,
      WAITING_FOR_REFERRAL, NO_OPEN_REFERRAL);

  /** Finished: nothing more will happen to the message, so retention may clear its content. */
  public static final Set<MessageStatus> FINISHED = EnumSet.of(PROCESSED, DUPLICATE);
}
