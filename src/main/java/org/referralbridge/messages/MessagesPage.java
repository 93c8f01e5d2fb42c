package org.referralbridge.messages;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.referralbridge.outbound.OutboundMessage;
import org.referralbridge.outbound.OutboundQuery;
import org.referralbridge.outbound.OutboundStatus;
import org.referralbridge.outbound.OutboundStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The operators' page (ADMIN): search the message store, open a message (raw content, OperationOutcome), replay
 * what failed, one by one or all dead-lettered (failed) ones shown. Times are entered and shown in UTC.
 */
@Controller
class MessagesPage {

  private static final int PAGE_SIZE = 50;

  private final MessageStore store;
  private final OutboundStore outbound;
  private final MessageReplay replay;

  MessagesPage(MessageStore store, OutboundStore outbound, MessageReplay replay) {
    this.store = store;
    this.outbound = outbound;
    this.replay = replay;
  }

  @GetMapping("/operations/messages")
  String inbound(@RequestParam Map<String, String> params, Model model) {
    Filter filter = new Filter(params);
    InboundQuery query = new InboundQuery(filter.enumValue("status", MessageStatus.class), filter.text("sender"),
        filter.text("controlId"), filter.text("referralKey"), filter.instant("receivedFrom"),
        filter.instant("receivedTo"));
    ResultPage<InboundMessage> page = store.inbound(query, new Paging(filter.page(), PAGE_SIZE));
    model.addAttribute("statuses", MessageStatus.values());
    model.addAttribute("deadLettered", page.items().stream()
        .filter(m -> m.status() == MessageStatus.DEAD_LETTERED).map(InboundMessage::id).toList());
    return list("inbound", "/operations/messages", filter, page, model);
  }

  @GetMapping("/operations/messages/rejected")
  String rejected(@RequestParam Map<String, String> params, Model model) {
    Filter filter = new Filter(params);
    RejectedQuery query = new RejectedQuery(filter.text("ackCode"), filter.integer("errorCode"),
        filter.text("sender"), filter.text("controlId"), filter.instant("receivedFrom"),
        filter.instant("receivedTo"));
    ResultPage<RejectedMessage> page = store.rejected(query, new Paging(filter.page(), PAGE_SIZE));
    return list("rejected", "/operations/messages/rejected", filter, page, model);
  }

  @GetMapping("/operations/messages/outbound")
  String outbound(@RequestParam Map<String, String> params, Model model) {
    Filter filter = new Filter(params);
    OutboundQuery query = new OutboundQuery(filter.enumValue("status", OutboundStatus.class),
        filter.enumValue("kind", OutboundMessage.Kind.class), filter.text("partner"), filter.text("serviceRequest"),
        filter.instant("createdFrom"), filter.instant("createdTo"));
    Paging paging = new Paging(filter.page(), PAGE_SIZE);
    ResultPage<OutboundMessage> page = ResultPage.of(outbound.search(query, paging.offset(), paging.size()),
        outbound.count(query), paging);
    model.addAttribute("statuses", OutboundStatus.values());
    model.addAttribute("kinds", OutboundMessage.Kind.values());
    model.addAttribute("failed", page.items().stream()
        .filter(m -> m.status() == OutboundStatus.FAILED).map(OutboundMessage::id).toList());
    return list("outbound", "/operations/messages/outbound", filter, page, model);
  }

  @GetMapping("/operations/messages/{id}")
  String inboundMessage(@PathVariable long id, Model model) {
    model.addAttribute("view", "inbound");
    model.addAttribute("inbound", store.inbound(id).orElseThrow(() -> new MessageNotFoundException(id)));
    return message(model);
  }

  @GetMapping("/operations/messages/rejected/{id}")
  String rejectedMessage(@PathVariable long id, Model model) {
    model.addAttribute("view", "rejected");
    model.addAttribute("rejected", store.rejected(id).orElseThrow(() -> new MessageNotFoundException(id)));
    return message(model);
  }

  @GetMapping("/operations/messages/outbound/{id}")
  String outboundMessage(@PathVariable long id, Model model) {
    model.addAttribute("view", "outbound");
    model.addAttribute("outbound", outbound.find(id).orElseThrow(() -> new MessageNotFoundException(id)));
    return message(model);
  }

  @PostMapping("/operations/messages/{id}/replay")
  String replayInbound(@PathVariable long id, Principal operator, RedirectAttributes redirect) {
    notice(redirect, replay.replayInbound(id, operator.getName()));
    return "redirect:/operations/messages/" + id;
  }

  @PostMapping("/operations/messages/replay")
  String replayInbound(@RequestParam(name = "id", required = false) List<Long> ids, Principal operator,
      RedirectAttributes redirect) {
    notice(redirect, replay.replayInbound(ids == null ? List.of() : ids, operator.getName()));
    return "redirect:/operations/messages";
  }

  @PostMapping("/operations/messages/outbound/{id}/replay")
  String replayOutbound(@PathVariable long id, Principal operator, RedirectAttributes redirect) {
    notice(redirect, replay.replayOutbound(id, operator.getName()));
    return "redirect:/operations/messages/outbound/" + id;
  }

  @PostMapping("/operations/messages/outbound/replay")
  String replayOutbound(@RequestParam(name = "id", required = false) List<Long> ids, Principal operator,
      RedirectAttributes redirect) {
    notice(redirect, replay.replayOutbound(ids == null ? List.of() : ids, operator.getName()));
    return "redirect:/operations/messages/outbound";
  }

  private String list(String view, String path, Filter filter, ResultPage<?> page, Model model) {
    model.addAttribute("view", view);
    model.addAttribute("page", page);
    model.addAttribute("filter", filter.values());
    model.addAttribute("filterErrors", filter.errors());
    model.addAttribute("time", TIME);
    model.addAttribute("previousUrl", page.hasPrevious() ? filter.url(path, page.page() - 1) : null);
    model.addAttribute("nextUrl", page.hasNext() ? filter.url(path, page.page() + 1) : null);
    return "operations-messages";
  }

  private String message(Model model) {
    model.addAttribute("time", TIME);
    return "operations-message";
  }

  private static void notice(RedirectAttributes redirect, ReplayResult result) {
    redirect.addFlashAttribute(result.replayed() ? "notice" : "error", "Message " + result.id() + ": "
        + result.detail());
  }

  private static void notice(RedirectAttributes redirect, BulkReplay result) {
    String text = result.replayed() + " message(s) replayed" + (result.skipped() == 0 ? "."
        : ", " + result.skipped() + " not: " + result.results().stream().filter(r -> !r.replayed())
            .map(r -> r.id() + " (" + r.detail() + ")").limit(5).toList() + ".");
    redirect.addFlashAttribute(result.skipped() == 0 ? "notice" : "error", text);
  }

  /** Times for the page: UTC, to the second. */
  public static final class Time {
    public String format(Instant instant) {
      return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ');
    }
  }

  private static final Time TIME = new Time();

  /** The search form's fields as entered; values that cannot be read are reported, not guessed. */
  static final class Filter {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();
    private final int page;

    Filter(Map<String, String> params) {
      params.forEach((name, value) -> {
        if (value != null && !value.isBlank() && !name.equals("page") && !name.startsWith("_")) {
          values.put(name, value.strip());
        }
      });
      this.page = parsePage(params.get("page"));
    }

    int page() {
      return page;
    }

    Map<String, String> values() {
      return values;
    }

    List<String> errors() {
      return errors;
    }

    String text(String name) {
      return values.get(name);
    }

    Integer integer(String name) {
      String value = values.get(name);
      try {
        return value == null ? null : Integer.valueOf(value);
      } catch (NumberFormatException e) {
        errors.add(name + ": not a number");
        return null;
      }
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
      String value = values.get(name);
      try {
        return value == null ? null : Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(name + ": unknown value");
        return null;
      }
    }

    /** An ISO instant (2026-11-12T08:00:00Z), a date and time in UTC (2026-11-12T08:00) or a day (2026-11-12). */
    Instant instant(String name) {
      String value = values.get(name);
      if (value == null) {
        return null;
      }
      try {
        if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
          return java.time.OffsetDateTime.parse(value).toInstant();
        }
        if (value.contains("T") || value.contains(" ")) {
          return LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        }
        return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        errors.add(name + ": not a date (e.g. 2026-11-12 or 2026-11-12T08:00)");
        return null;
      }
    }

    String url(String path, int page) {
      UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
      values.forEach(url::queryParam);
      return url.queryParam("page", page).encode().build().toUriString();
    }

    private static int parsePage(String value) {
      try {
        return value == null || value.isBlank() ? 0 : Math.max(0, Integer.parseInt(value.strip()));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
  }
}
