package org.referralbridge.messages;

import java.security.Principal;
import java.util.List;
import org.referralbridge.outbound.OutboundMessage;
import org.referralbridge.outbound.OutboundQuery;
import org.referralbridge.outbound.OutboundStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Operators' API over the message store: search accepted, rejected and outbound messages (lists leave the content
 * out; one message's resource includes it), and replay what failed (ADMIN). Lists are newest first, one page at a
 * time ({@code page} from 0, {@code size} up to 500), with the number matching in all in the body ({@code total})
 * and in the {@code X-Total-Count} header. Times are ISO-8601 instants, e.g. {@code 2026-11-12T00:00:00Z}.
 */
@RestController
@RequestMapping("/api/messages")
class MessagesController {

  static final String TOTAL_COUNT = "X-Total-Count";

  private final MessageStore store;
  private final OutboundStore outbound;
  private final MessageReplay replay;

  MessagesController(MessageStore store, OutboundStore outbound, MessageReplay replay) {
    this.store = store;
    this.outbound = outbound;
    this.replay = replay;
  }

  /** Filters: status, sender, controlId (exact), referralKey (part of it), receivedFrom, receivedTo. */
  @GetMapping("/inbound")
  ResponseEntity<ResultPage<InboundMessage>> inbound(InboundQuery query,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    return withTotal(store.inbound(query, paging(page, size)));
  }

  @GetMapping("/inbound/{id}")
  ResponseEntity<InboundDetail> inbound(@PathVariable long id) {
    return ResponseEntity.of(store.inbound(id));
  }

  /**
   * Replays one message: 202 when it is back on the inbound queue, 409 when its status does not allow it (e.g.
   * already processed: replaying it again changes nothing), 404 when there is no such message, 503 when it could not
   * be queued (nothing changed).
   */
  @PostMapping("/inbound/{id}/replay")
  @PreAuthorize("hasRole('ADMIN')")
  ResponseEntity<ReplayResult> replayInbound(@PathVariable long id, Principal operator) {
    return replayed(replay.replayInbound(id, operator.getName()));
  }

  /**
   * Replays several messages: those given by {@code id} (repeated), or every replayable one matching the filters
   * (the same as the search's, e.g. {@code status=DEAD_LETTERED&sender=...}), oldest first. Without ids or filters
   * nothing is replayed (400).
   */
  @PostMapping("/inbound/replay")
  @PreAuthorize("hasRole('ADMIN')")
  BulkReplay replayInbound(@RequestParam(name = "id", required = false) List<Long> ids, InboundQuery query,
      Principal operator) {
    if (ids != null && !ids.isEmpty()) {
      if (!query.isEmpty()) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give either ids or filters, not both");
      }
      return replay.replayInbound(ids, operator.getName());
    }
    if (query.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "give ids or at least one filter (e.g. status=DEAD_LETTERED): replaying everything is not offered");
    }
    return replay.replayInbound(query, operator.getName());
  }

  /** Filters: ackCode (AR, AE), errorCode, sender, controlId (exact), receivedFrom, receivedTo. */
  @GetMapping("/rejected")
  ResponseEntity<ResultPage<RejectedMessage>> rejected(RejectedQuery query,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    return withTotal(store.rejected(query, paging(page, size)));
  }

  @GetMapping("/rejected/{id}")
  ResponseEntity<RejectedDetail> rejected(@PathVariable long id) {
    return ResponseEntity.of(store.rejected(id));
  }

  /** Filters: status, kind (STATUS, SUMMARY), partner, serviceRequest (exact ids), createdFrom, createdTo. */
  @GetMapping("/outbound")
  ResponseEntity<ResultPage<OutboundMessage>> outbound(OutboundQuery query,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    Paging paging = paging(page, size);
    return withTotal(ResultPage.of(outbound.search(query, paging.offset(), paging.size()), outbound.count(query),
        paging));
  }

  @GetMapping("/outbound/{id}")
  ResponseEntity<OutboundMessage> outbound(@PathVariable long id) {
    return ResponseEntity.of(outbound.find(id));
  }

  /** Sends one FAILED message again from its first attempt: 202, or 409 when it is not FAILED, 404, 503. */
  @PostMapping("/outbound/{id}/replay")
  @PreAuthorize("hasRole('ADMIN')")
  ResponseEntity<ReplayResult> replayOutbound(@PathVariable long id, Principal operator) {
    return replayed(replay.replayOutbound(id, operator.getName()));
  }

  /** Sends FAILED messages again: those given by {@code id}, or every FAILED one matching the filters. */
  @PostMapping("/outbound/replay")
  @PreAuthorize("hasRole('ADMIN')")
  BulkReplay replayOutbound(@RequestParam(name = "id", required = false) List<Long> ids, OutboundQuery query,
      Principal operator) {
    if (ids != null && !ids.isEmpty()) {
      if (!query.isEmpty()) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give either ids or filters, not both");
      }
      return replay.replayOutbound(ids, operator.getName());
    }
    if (query.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "give ids or at least one filter (e.g. partner=...): replaying everything is not offered");
    }
    return replay.replayOutbound(query, operator.getName());
  }

  static Paging paging(int page, int size) {
    if (page < 0 || size < 1 || size > Paging.MAX_SIZE) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "page must be 0 or more, size between 1 and " + Paging.MAX_SIZE);
    }
    return new Paging(page, size);
  }

  private static <T> ResponseEntity<ResultPage<T>> withTotal(ResultPage<T> page) {
    return ResponseEntity.ok().header(TOTAL_COUNT, Long.toString(page.total())).body(page);
  }

  private static ResponseEntity<ReplayResult> replayed(ReplayResult result) {
    HttpStatus status = switch (result.outcome()) {
      case REPLAYED -> HttpStatus.ACCEPTED;
      case NOT_REPLAYABLE -> HttpStatus.CONFLICT;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case FAILED -> HttpStatus.SERVICE_UNAVAILABLE;
    };
    return ResponseEntity.status(status).body(result);
  }
}
