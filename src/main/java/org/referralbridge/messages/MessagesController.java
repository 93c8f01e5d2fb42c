package org.referralbridge.messages;

import org.referralbridge.outbound.OutboundMessage;
import org.referralbridge.outbound.OutboundQuery;
import org.referralbridge.outbound.OutboundStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Operators' API over the message store: search accepted, rejected and outbound messages (lists leave the content
 * out; one message's resource includes it). Lists are newest first, one page at a time ({@code page} from 0,
 * {@code size} up to 500), with the number matching in all in the body ({@code total}) and in the
 * {@code X-Total-Count} header. Times are ISO-8601 instants, e.g. {@code 2026-11-12T00:00:00Z}.
 */
@RestController
@RequestMapping("/api/messages")
class MessagesController {

  static final String TOTAL_COUNT = "X-Total-Count";

  private final MessageStore store;
  private final OutboundStore outbound;

  MessagesController(MessageStore store, OutboundStore outbound) {
    this.store = store;
    this.outbound = outbound;
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
}
