package org.referralbridge.translate;

import org.hl7.fhir.r4.model.Bundle;

/**
 * A referral as FHIR: the transaction Bundle to write and the notes on what was downgraded on the way (the
 * validation step may add to them when it repairs the Bundle).
 */
public record TranslatedReferral(Bundle bundle, DataQuality quality) {}
