package org.referralbridge.worklist;

import org.referralbridge.messages.ReplayResult;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff pages of referrals that need attention: the list, one of them, and its release with a correction. */
@Controller
class NeedsAttentionController {

  private final NeedsAttention needsAttention;

  NeedsAttentionController(NeedsAttention needsAttention) {
    this.needsAttention = needsAttention;
  }

  @GetMapping("/attention")
  String list(Model model) {
    model.addAttribute("rows", needsAttention.rows());
    return "attention";
  }

  @GetMapping("/attention/{id}")
  String one(@PathVariable long id, Model model) {
    model.addAttribute("m", needsAttention.view(id));
    model.addAttribute("waiting", needsAttention.isWaiting(id));
    return "attention-message";
  }

  @PostMapping("/attention/{id}/release")
  String release(@PathVariable long id, @RequestParam String message, Authentication staff,
      RedirectAttributes redirect) {
    try {
      ReplayResult result = needsAttention.release(id, message, staff.getName());
      redirect.addFlashAttribute(result.outcome() == ReplayResult.Outcome.REPLAYED ? "notice" : "error",
          result.detail());
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("error", e.getMessage());
      redirect.addFlashAttribute("draft", message);
    }
    return "redirect:/attention/" + id;
  }
}
