package org.referralbridge.messages;

/** Where an accepted inbound message stands. */
public enum MessageStatus {
  /** Written to the FHIR store. */
  PROCESSED,
  /** A re-sent copy of a message already processed: nothing was written again. */
  DUPLICATE,
  /** Translated but not valid against the profiles, or not translatable: a person must look (outcome kept). */
  NEEDS_ATTENTION,
  /** Failed after every retry (e.g. the FHIR store stayed down): on the dead-letter queue for replay. */
  DEAD_LETTERED
}
