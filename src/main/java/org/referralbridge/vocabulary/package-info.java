/**
 * The shared vocabulary: code system URIs, the HL7 v2 tables, every LOINC code ({@link Loinc}), and the UCUM units
 * and RxNorm codes that more than one feature reads or writes. One home per code, so a wrong one is corrected once.
 * Depends on no feature (a test says so).
 */
package org.referralbridge.vocabulary;
