package org.referralbridge.worklist;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The number of referrals that need attention, on every staff page (the header links to them). Counted only for a
 * signed-in member of staff viewing a page: the JSON API under {@code /api} renders no header, so it costs no query.
 */
@ControllerAdvice
class NeedsAttentionCount {

  private final NeedsAttention needsAttention;

  NeedsAttentionCount(NeedsAttention needsAttention) {
    this.needsAttention = needsAttention;
  }

  @ModelAttribute("attentionCount")
  Long attentionCount(Principal principal, HttpServletRequest request) {
    if (principal == null || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return null;
    }
    return needsAttention.count();
  }
}
