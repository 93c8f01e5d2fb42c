package org.referralbridge.messages;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' view of the message store: accepted messages by status (e.g. NEEDS_ATTENTION with the validator's
 * OperationOutcome, DEAD_LETTERED with the error) and messages refused at intake with their NAK code. Lists leave
 * the content out; one message's page includes it.
 */
@RestController
@RequestMapping("/api/messages")
class MessagesController {

  private final MessageStore store;

  MessagesController(MessageStore store) {
    this.store = store;
  }

  @GetMapping("/inbound")
  List<Map<String, Object>> inbound(@RequestParam(required = false) MessageStatus status,
      @RequestParam(defaultValue = "100") int limit) {
    return store.inbound(status, limit);
  }

  @GetMapping("/inbound/{id}")
  ResponseEntity<Map<String, Object>> inbound(@PathVariable long id) {
    return ResponseEntity.of(store.inbound(id));
  }

  @GetMapping("/rejected")
  List<Map<String, Object>> rejected(@RequestParam(defaultValue = "100") int limit) {
    return store.rejected(limit);
  }

  @GetMapping("/rejected/{id}")
  ResponseEntity<Map<String, Object>> rejected(@PathVariable long id) {
    return ResponseEntity.of(store.rejected(id));
  }
}
