package org.referralbridge.security;

import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The signed-in staff member's name, for the header of every page. */
@ControllerAdvice
class StaffModel {

  @ModelAttribute("staffName")
  String staffName(Principal principal) {
    return principal == null ? "" : principal.getName();
  }
}
