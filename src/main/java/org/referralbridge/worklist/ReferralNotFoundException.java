package org.referralbridge.worklist;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No referral Task with this id. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ReferralNotFoundException extends RuntimeException {

  ReferralNotFoundException(String taskId) {
    super("no referral Task/" + taskId);
  }
}
