package org.referralbridge.worklist;

import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.referralbridge.infusion.DissociationScale;
import org.referralbridge.infusion.Drug;
import org.referralbridge.infusion.InvalidDoseException;
import org.referralbridge.infusion.Route;
import org.referralbridge.outbound.ConsentWithheldException;
import org.referralbridge.outbound.OutboundQueue;
import org.referralbridge.outbound.SummaryNotifications;
import org.referralbridge.validate.InvalidReferralException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Clinicians record infusion sessions and send their summaries; staff replay a delivery that failed. */
@Controller
class SessionController {

  private final SessionRecording recording;
  private final SummaryNotifications summaries;
  private final OutboundQueue outbound;

  SessionController(SessionRecording recording, SummaryNotifications summaries, OutboundQueue outbound) {
    this.recording = recording;
    this.summaries = summaries;
    this.outbound = outbound;
  }

  @GetMapping("/referrals/{taskId}/sessions/new")
  @PreAuthorize("hasRole('CLINICIAN')")
  String form(@PathVariable String taskId, Model model) {
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new SessionForm());
    }
    return page(taskId, model);
  }

  @PostMapping("/referrals/{taskId}/sessions")
  @PreAuthorize("hasRole('CLINICIAN')")
  String record(@PathVariable String taskId, @ModelAttribute("form") SessionForm form, Authentication clinician,
      Model model, RedirectAttributes redirect) {
    try {
      int number = recording.record(taskId, form, clinician.getName());
      redirect.addFlashAttribute("notice", "Session " + number + " recorded.");
      return "redirect:/referrals/" + taskId;
    } catch (SessionRecording.DoseNeedsConfirmation e) {
      model.addAttribute("doseWarnings", e.warnings());
    } catch (InvalidDoseException | IllegalArgumentException | InvalidReferralException e) {
      model.addAttribute("error", e.getMessage());
    }
    return page(taskId, model);
  }

  @PostMapping("/referrals/{taskId}/sessions/{number}/summary")
  @PreAuthorize("hasRole('CLINICIAN')")
  String sendSummary(@PathVariable String taskId, @PathVariable int number, RedirectAttributes redirect) {
    Task task = recording.task(taskId);
    ServiceRequest request = recording.request(task);
    try {
      summaries.send(task, request, number);
      redirect.addFlashAttribute("notice", "Summary of session " + number + " is being sent to the referrer.");
    } catch (ConsentWithheldException | IllegalArgumentException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/referrals/" + taskId;
  }

  @PostMapping("/referrals/{taskId}/deliveries/{id}/replay")
  String replay(@PathVariable String taskId, @PathVariable long id, RedirectAttributes redirect) {
    if (outbound.replay(id)) {
      redirect.addFlashAttribute("notice", "Sending again.");
    } else {
      redirect.addFlashAttribute("error", "Not sent again: the message is no longer failed.");
    }
    return "redirect:/referrals/" + taskId;
  }

  private String page(String taskId, Model model) {
    model.addAttribute("taskId", taskId);
    model.addAttribute("sessionNumber", recording.nextSessionNumber(taskId));
    model.addAttribute("drugs", Drug.values());
    model.addAttribute("routes", Route.values());
    model.addAttribute("scales", DissociationScale.values());
    return "session";
  }
}
