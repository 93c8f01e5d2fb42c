package org.referralbridge.triage;

import java.util.List;

/** The check behind one kind of flag. */
interface ScreeningRule {

  FlagKind kind();

  /** What in {@code facts} triggers the flag; empty when nothing does. */
  List<Finding> findings(ReferralFacts facts);
}
