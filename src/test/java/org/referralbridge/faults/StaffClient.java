package org.referralbridge.faults;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A member of staff at the service's pages, over HTTP: signs in with the form and acts on referrals. */
final class StaffClient {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final String baseUrl;
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

  StaffClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  StaffClient signIn(String username, String password) {
    String token = csrf("/login");
    int status = post("/login", Map.of("username", username, "password", password, "_csrf", token));
    if (status != 302) {
      throw new IllegalStateException("sign-in answered " + status);
    }
    return this;
  }

  /** Takes an action (accept, schedule, ...) on a referral's Task, as the referral page's buttons do. */
  void act(String taskId, String action, Map<String, String> details) {
    Map<String, String> form = new LinkedHashMap<>(details);
    form.put("_csrf", csrf("/referrals/" + taskId));
    int status = post("/referrals/" + taskId + "/" + action, form);
    if (status != 302) {
      throw new IllegalStateException(action + " answered " + status);
    }
  }

  private String csrf(String page) {
    String body = send(HttpRequest.newBuilder(URI.create(baseUrl + page)).GET().build()).body();
    Matcher matcher = CSRF.matcher(body);
    if (!matcher.find()) {
      throw new IllegalStateException("no CSRF token on " + page);
    }
    return matcher.group(1);
  }

  private int post(String path, Map<String, String> form) {
    String encoded = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(encoded)).build()).statusCode();
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("the service did not answer " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
