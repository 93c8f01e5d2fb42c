package org.referralbridge.security;

import java.security.Principal;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The signed-in staff member's name, and whether they are an operator (ADMIN), for the header of every page. */
@ControllerAdvice
class StaffModel {

  @ModelAttribute("staffName")
  String staffName(Principal principal) {
    return principal == null ? "" : principal.getName();
  }

  @ModelAttribute("staffAdmin")
  boolean staffAdmin(Principal principal) {
    return principal instanceof Authentication authentication && authentication.getAuthorities().stream()
        .anyMatch(authority -> ("ROLE_" + StaffRole.ADMIN.name()).equals(authority.getAuthority()));
  }
}
