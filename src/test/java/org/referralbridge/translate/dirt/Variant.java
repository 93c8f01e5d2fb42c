package org.referralbridge.translate.dirt;

/**
 * One dirty referral.
 *
 * @param id the kind, the variant's number, its base referral and what was done, e.g.
 *     "malformed-dates#42[dg1-conditions-v251: DG1(2)-5 = 20230231]"
 * @param kind the one kind of dirt applied
 * @param message the message text (segments end with CR unless the kind is about line ends)
 * @param hasEssentials whether the message still carries what a referral cannot do without (PID with PID-3, RF1 with
 *     RF1-6, a PRD): false only for {@link Dirt#ESSENTIALS_MISSING}
 */
record Variant(String id, Dirt kind, String message, boolean hasEssentials) {}
