package org.referralbridge.worklist;

import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The number of referrals that need attention, on every staff page (the header links to them). */
@ControllerAdvice
class NeedsAttentionCount {

  private final NeedsAttention needsAttention;

  NeedsAttentionCount(NeedsAttention needsAttention) {
    this.needsAttention = needsAttention;
  }

  @ModelAttribute("attentionCount")
  Long attentionCount(Principal principal) {
    return principal == null ? null : needsAttention.count();
  }
}
