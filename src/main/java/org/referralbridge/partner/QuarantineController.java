package org.referralbridge.partner;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff review of messages from unknown senders: approve the sender as a partner, or reject its messages. */
@Controller
class QuarantineController {

  private final QuarantineStore quarantine;
  private final PartnerAdmin admin;
  private final PartnerProperties properties;

  QuarantineController(QuarantineStore quarantine, PartnerAdmin admin, PartnerProperties properties) {
    this.quarantine = quarantine;
    this.admin = admin;
    this.properties = properties;
  }

  @GetMapping("/quarantine")
  String quarantine(Model model) {
    model.addAttribute("senders", quarantine.heldSenders());
    model.addAttribute("mode", properties.unknownSenders());
    model.addAttribute("formats", Partner.Format.values());
    return "quarantine";
  }

  @PostMapping("/quarantine/approve")
  String approve(@RequestParam String sender, @RequestParam String name, @RequestParam String channel,
      @RequestParam(required = false) String address, @RequestParam(required = false) List<Partner.Format> formats,
      Authentication staff, RedirectAttributes redirect) {
    Set<Partner.Format> chosen = formats == null || formats.isEmpty() ? EnumSet.noneOf(Partner.Format.class)
        : EnumSet.copyOf(formats);
    int released = admin.approve(new PartnerAdmin.Approval(sender, name, Partner.Channel.Kind.valueOf(channel),
        address, chosen), staff.getName());
    redirect.addFlashAttribute("notice", name + " is now a partner; " + released + " message(s) released.");
    return "redirect:/quarantine";
  }

  @PostMapping("/quarantine/reject")
  String reject(@RequestParam String sender, Authentication staff, RedirectAttributes redirect) {
    int rejected = admin.reject(sender, staff.getName());
    redirect.addFlashAttribute("notice", rejected + " message(s) from " + sender + " rejected (kept, not processed).");
    return "redirect:/quarantine";
  }
}
