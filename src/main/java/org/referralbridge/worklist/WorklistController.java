package org.referralbridge.worklist;

import java.time.OffsetDateTime;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.referralbridge.triage.ActionDetails;
import org.referralbridge.triage.IllegalTransitionException;
import org.referralbridge.triage.TaskAction;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff pages: the worklist, one referral, and the triage actions on it. */
@Controller
class WorklistController {

  private final Worklist worklist;
  private final ReferralPage referralPage;
  private final ReferralActions actions;
  private final WorklistProperties properties;

  WorklistController(Worklist worklist, ReferralPage referralPage, ReferralActions actions,
      WorklistProperties properties) {
    this.worklist = worklist;
    this.referralPage = referralPage;
    this.actions = actions;
    this.properties = properties;
  }

  @GetMapping("/worklist")
  String worklist(@RequestParam(defaultValue = "OPEN") Worklist.Filter status, Model model) {
    model.addAttribute("rows", worklist.rows(status));
    model.addAttribute("filter", status);
    model.addAttribute("filters", Worklist.Filter.values());
    model.addAttribute("overdueDays", properties.overdueAfterBusinessDays());
    return "worklist";
  }

  @GetMapping("/referrals/{taskId}")
  String referral(@PathVariable String taskId, Model model) {
    model.addAttribute("referral", referralPage.view(taskId));
    return "referral";
  }

  @PostMapping("/referrals/{taskId}/{action}")
  String act(@PathVariable String taskId, @PathVariable String action,
      @RequestParam(required = false) String reason, @RequestParam(required = false) String scheduledFor,
      Authentication staff, RedirectAttributes redirect) {
    TaskAction taskAction;
    try {
      taskAction = TaskAction.valueOf(action.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("error", "Unknown action.");
      return "redirect:/referrals/" + taskId;
    }
    try {
      ActionDetails details = new ActionDetails(reason, parse(scheduledFor));
      actions.apply(taskId, taskAction, details, staff.getName());
      redirect.addFlashAttribute("notice", "Done: " + taskAction.name().toLowerCase(Locale.ROOT)
          + ". The referrer is being notified.");
    } catch (IllegalTransitionException | IllegalArgumentException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/referrals/" + taskId;
  }

  /** A date-time from the form's datetime-local field, in the clinic's zone. */
  private OffsetDateTime parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      LocalDateTime local = LocalDateTime.parse(value);
      return local.atZone(properties.zone()).toOffsetDateTime();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("The date and time could not be read.");
    }
  }
}
