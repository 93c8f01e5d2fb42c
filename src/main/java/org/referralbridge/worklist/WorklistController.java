package org.referralbridge.worklist;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class WorklistController {

  @GetMapping("/worklist")
  String worklist() {
    return "worklist";
  }
}
