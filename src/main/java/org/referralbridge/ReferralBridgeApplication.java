package org.referralbridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** ReferralBridge: referrals in (HL7 v2 over MLLP), FHIR R4 resources in the clinic's FHIR store. */
@SpringBootApplication
public class ReferralBridgeApplication {

  public static void main(String[] args) {
    SpringApplication.run(ReferralBridgeApplication.class, args);
  }
}
