package org.referralbridge.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.referralbridge.support.FakeReferrerMllp;
import org.referralbridge.support.FhirReceiver;
import org.referralbridge.support.FhirStoreQueries;
import org.referralbridge.support.Hl7Samples;
import org.referralbridge.support.TestPartners;
import org.referralbridge.support.TestPorts;
import org.referralbridge.tools.MllpSend;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The staff pages in a real browser (headless Chromium): signing in, the worklist, a referral's page, accepting it,
 * and the status reaching the referrer — an RRI^I12 at a fake referrer's MLLP listener on 127.0.0.1 — shown on the
 * page as delivered. The service runs with its shipped staff accounts and a partner seed pointing at the fakes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class StaffFlowBrowserTests {

  @RegisterExtension
  static final Browser BROWSER = new Browser();

  private static final Duration PAGE_WAIT = Duration.ofSeconds(30);
  private static final Duration DELIVERY_WAIT = Duration.ofSeconds(60);

  private static final int MLLP_PORT = TestPorts.freePort();
  private static final int FHIR_REFERRER_PORT = TestPorts.freePort();
  private static final FakeReferrerMllp REFERRER = new FakeReferrerMllp(TestPorts.freePort());
  private static final FhirReceiver FHIR_REFERRER = new FhirReceiver(FHIR_REFERRER_PORT);

  private static final String INTAKE = "intake";
  private static final String INTAKE_PASSWORD = "change-me-intake";

  @BeforeAll
  static void startReferrers() throws Exception {
    REFERRER.start();
    FHIR_REFERRER.start();
  }

  @AfterAll
  static void stopReferrers() throws Exception {
    REFERRER.stop();
    FHIR_REFERRER.stop();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    var data = TestPorts.freshDataDirectory("browser");
    registry.add("bridge.data-directory", data::toString);
    registry.add("bridge.intake.mllp.port", () -> MLLP_PORT);
    registry.add("camel.springboot.main-run-controller", () -> false);
    registry.add("bridge.partners.seed",
        () -> TestPartners.seed(data.resolve("seed"), REFERRER.port(), FHIR_REFERRER_PORT));
    registry.add("bridge.partners.cache-ttl", () -> "0s");
    registry.add("bridge.outbound.first-retry-delay", () -> "500ms");
    registry.add("bridge.outbound.max-retry-delay", () -> "2s");
    registry.add("bridge.outbound.ack-timeout-millis", () -> 2000);
  }

  @LocalServerPort
  int httpPort;

  @Test
  void intakeStaffAcceptAReferralInTheBrowserAndTheReferrerReceivesAnRriI12AnsweringIt() throws Exception {
    String controlId = "CTL-browser1";
    String taskId = sendReferral(Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "browser1"), "REF-browser1");
    WebDriver browser = BROWSER.driver();

    signIn(INTAKE, INTAKE_PASSWORD);
    BROWSER.waitAtMost(PAGE_WAIT).until(ExpectedConditions.urlContains("/worklist"));
    WebElement row = afterReloads(PAGE_WAIT, d -> d.findElements(By.cssSelector(
        "#worklist tr[data-task='" + taskId + "']")).stream().findFirst());
    assertThat(row.getText()).contains("Halvorsen");

    row.findElement(By.tagName("a")).click();
    BROWSER.waitAtMost(PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("status")));
    assertThat(browser.getCurrentUrl()).endsWith("/referrals/" + taskId);
    assertThat(browser.findElement(By.cssSelector("main h1")).getText()).contains("Ingrid").contains("Halvorsen");
    assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Created");
    // the screening flags card: #flags with the flags, or #no-flags. This sample codes no finding a rule flags (its
    // PHQ-9 item 9 is only mentioned in a note), so the card says that none were raised.
    List<WebElement> flagCards = browser.findElements(By.cssSelector("#flags, #no-flags"));
    assertThat(flagCards).hasSize(1);
    assertThat(flagCards.get(0).isDisplayed()).isTrue();
    assertThat(flagCards.get(0).findElement(By.tagName("h2")).getText()).isEqualTo("Screening flags");
    assertThat(flagCards.get(0).getDomAttribute("id")).isEqualTo("no-flags");
    assertThat(flagCards.get(0).getText()).contains("None raised by the referral's data.");

    browser.findElement(By.id("accept")).click();
    WebElement notice = BROWSER.waitAtMost(PAGE_WAIT)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
    assertThat(notice.getText()).contains("Done: accept").contains("The referrer is being notified");
    assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Accepted");
    assertThat(browser.findElements(By.id("accept"))).isEmpty();

    // the page shows what the outbox knows at the time it is rendered: reload until the RRI^I12 is acknowledged
    afterReloads(DELIVERY_WAIT, d -> d.findElements(By.cssSelector("#deliveries tr[data-delivery]")).stream()
        .filter(r -> r.getText().contains("MLLP RRI_I12"))
        .map(r -> r.findElement(By.cssSelector(".delivery-status")).getText())
        .filter("DELIVERED"::equals)
        .findFirst());
    assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Accepted");

    List<String> answers = REFERRER.received().stream()
        .filter(m -> field(m, "MSH", 9).startsWith("RRI^I12"))
        .filter(m -> controlId.equals(field(m, "MSA", 2)))
        .toList();
    assertThat(answers).hasSize(1);
    assertThat(field(answers.get(0), "MSA", 1)).isEqualTo("AA");
    assertThat(field(answers.get(0), "RF1", 1)).startsWith("A");
  }

  @Test
  void aWrongPasswordShowsAnErrorOnTheLoginPage() {
    signIn(INTAKE, "not-the-password");

    WebElement error = BROWSER.waitAtMost(PAGE_WAIT)
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.error")));
    assertThat(error.getText()).isEqualTo("Wrong username or password.");
    assertThat(BROWSER.driver().getCurrentUrl()).endsWith("/login?error");
    assertThat(BROWSER.driver().findElement(By.id("sign-in")).isDisplayed()).isTrue();

    BROWSER.driver().get(url("/worklist"));
    BROWSER.waitAtMost(PAGE_WAIT).until(ExpectedConditions.urlMatches("/login$"));
  }

  @Test
  void theWorklistRedirectsToTheLoginPageWhenNoOneIsSignedIn() {
    BROWSER.driver().get(url("/worklist"));

    BROWSER.waitAtMost(PAGE_WAIT).until(ExpectedConditions.urlMatches("/login$"));
    assertThat(BROWSER.driver().findElement(By.id("username")).isDisplayed()).isTrue();
    assertThat(BROWSER.driver().findElement(By.id("password")).isDisplayed()).isTrue();
    assertThat(BROWSER.driver().findElements(By.id("worklist"))).isEmpty();
    assertThat(BROWSER.driver().findElements(By.cssSelector("p.error"))).isEmpty();
  }

  private void signIn(String username, String password) {
    WebDriver browser = BROWSER.driver();
    browser.get(url("/login"));
    BROWSER.waitAtMost(PAGE_WAIT).until(ExpectedConditions.elementToBeClickable(By.id("sign-in")));
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("sign-in")).click();
  }

  /**
   * Reloads the current page until {@code find} finds something on it (a server-rendered page does not update
   * itself), at most once a second.
   */
  private <T> T afterReloads(Duration timeout, Function<WebDriver, Optional<T>> find) {
    return BROWSER.waitAtMost(timeout).pollingEvery(Duration.ofSeconds(1)).until(d -> {
      Optional<T> found = find.apply(d);
      if (found.isEmpty()) {
        d.navigate().refresh();
      }
      return found.orElse(null);
    });
  }

  /** Sends a referral over MLLP, expects an AA, and waits for its Task in the FHIR store; returns the Task's id. */
  private String sendReferral(String message, String referralId) throws Exception {
    MllpSend client = new MllpSend("127.0.0.1", MLLP_PORT, 30_000);
    try {
      assertThat(client.send(message)).contains("MSA|AA|");
    } finally {
      client.close();
    }
    String system = FhirStoreQueries.referralSystem("NORTHSIDE_EHR", "NORTHSIDE_PSYCH");
    FhirStoreQueries fhir = new FhirStoreQueries(httpPort);
    Task task = await().atMost(Duration.ofSeconds(60)).until(() -> {
      Bundle tasks = fhir.search(Task.class, system, referralId);
      return tasks.getEntry().isEmpty() ? null : (Task) tasks.getEntryFirstRep().getResource();
    }, t -> t != null);
    return task.getIdElement().getIdPart();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + httpPort + path;
  }

  /** Field {@code n} of the first {@code segment} of a v2 message (MSH-n counts MSH-1), or "". */
  private static String field(String message, String segment, int n) {
    return Arrays.stream(message.split("\r"))
        .filter(s -> s.startsWith(segment + "|"))
        .findFirst()
        .map(s -> s.split("\\|", -1))
        .map(fields -> {
          int index = segment.equals("MSH") ? n - 1 : n;
          return index < fields.length ? fields[index] : "";
        })
        .orElse("");
  }
}
