package org.referralbridge.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.referralbridge.hl7.MessageFingerprint;
import org.referralbridge.messages.MessageStatus;
import org.referralbridge.messages.MessageStore;
import org.referralbridge.support.FakeReferrerMllp;
import org.referralbridge.support.FhirReceiver;
import org.referralbridge.support.FhirStoreQueries;
import org.referralbridge.support.Hl7Samples;
import org.referralbridge.support.TestPartners;
import org.referralbridge.support.TestPorts;
import org.referralbridge.tools.MllpSend;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The staff pages in a real browser (headless Chromium): signing in, the worklist, a referral's page with its
 * screening flags, accepting it, recording an infusion session and sending its summary, and both reaching the
 * referrer — an RRI^I12 and an MDM^T02 at a fake referrer's MLLP listener on 127.0.0.1 — shown on the page as
 * delivered. The service runs with its shipped staff accounts and a partner seed pointing at the fakes.
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
  private static final String CLINICIAN = "clinician";
  private static final String CLINICIAN_PASSWORD = "change-me-clinician";
  private static final String ADMIN = "admin";
  private static final String ADMIN_PASSWORD = "change-me-admin";

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
    registry.add("bridge.outbound.first-retry-delay", () -> "500ms");
    registry.add("bridge.outbound.max-retry-delay", () -> "2s");
    registry.add("bridge.outbound.ack-timeout-millis", () -> 2000);
  }

  @LocalServerPort
  int httpPort;

  @Test
  void aClinicianAcceptsAReferralRecordsASessionAndTheReferrerReceivesStatusAndSummary() throws Exception {
    String controlId = "CTL-browser1";
    String taskId = sendReferral(Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "browser1"), "REF-browser1");
    WebDriver browser = BROWSER.driver();

    signIn(CLINICIAN, CLINICIAN_PASSWORD);
    BROWSER.waitAtMost(PAGE_WAIT).until(ExpectedConditions.urlContains("/worklist"));
    WebElement row = afterReloads(PAGE_WAIT, d -> d.findElements(By.cssSelector(
        "#worklist tr[data-task='" + taskId + "']")).stream().findFirst());
    assertThat(row.getText()).contains("Halvorsen");

    row.findElement(By.tagName("a")).click();
    BROWSER.waitAtMost(PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("status")));
    assertThat(browser.getCurrentUrl()).endsWith("/referrals/" + taskId);
    assertThat(browser.findElement(By.cssSelector("main h1")).getText()).contains("Ingrid").contains("Halvorsen");
    assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Created");
    // the sample's blood pressure (152 / 96 mmHg), PHQ-9 item 9 (1) and total (21) raise cautions, each with its data
    WebElement flags = browser.findElement(By.id("flags"));
    assertThat(flags.getText()).contains("Uncontrolled hypertension").contains("Systolic blood pressure 152 mmHg")
        .contains("Positive suicidality screen").contains("PHQ-9 item 9")
        .contains("PHQ-9 total score 21 (severe range, 20 or more)");
    // the referrer's note on the PHQ-9 (the NTE after its OBX) is shown with it
    WebElement phq9 = browser.findElements(By.cssSelector("#observations tr")).stream()
        .filter(r -> r.getText().contains("PHQ-9 total")).findFirst().orElseThrow();
    assertThat(phq9.findElement(By.className("observation-notes")).getText())
        .contains("Severe range; item 9 endorsed at 1 (several days), no plan or intent.");

    browser.findElement(By.id("accept")).click();
    WebElement notice = BROWSER.waitAtMost(PAGE_WAIT)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
    assertThat(notice.getText()).contains("Done: accept").contains("The referrer is being notified");
    assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Accepted");
    assertThat(browser.findElements(By.id("accept"))).isEmpty();

    // the page shows what the outbox knows when it is rendered: reload until the RRI^I12 is acknowledged
    afterReloads(DELIVERY_WAIT, d -> delivered(d, "MLLP RRI_I12"));
    List<String> answers = REFERRER.received().stream()
        .filter(m -> field(m, "MSH", 9).startsWith("RRI^I12"))
        .filter(m -> controlId.equals(field(m, "MSA", 2)))
        .toList();
    assertThat(answers).hasSize(1);
    assertThat(field(answers.get(0), "MSA", 1)).isEqualTo("AA");
    assertThat(field(answers.get(0), "RF1", 1)).startsWith("A");

    browser.findElement(By.id("record-session")).click();
    BROWSER.waitAtMost(PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("record")));
    ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-12-02T09:30'",
        browser.findElement(By.id("start")));
    browser.findElement(By.id("weight")).sendKeys("70");
    browser.findElement(By.id("dose")).sendKeys("35");
    browser.findElement(By.id("before-systolic")).sendKeys("128");
    browser.findElement(By.id("before-diastolic")).sendKeys("82");
    browser.findElement(By.id("dissociation")).sendKeys("8");
    browser.findElement(By.id("phq9-pre")).sendKeys("19");
    browser.findElement(By.id("phq9-post")).sendKeys("11");
    browser.findElement(By.id("plan")).sendKeys("Second infusion in one week");
    browser.findElement(By.id("record")).click();
    notice = BROWSER.waitAtMost(PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
    assertThat(notice.getText()).contains("Session 1 recorded");
    assertThat(browser.findElement(By.id("sessions")).getText()).contains("35").contains("PHQ9 19 → 11");

    browser.findElement(By.id("send-summary-1")).click();
    notice = BROWSER.waitAtMost(PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
    assertThat(notice.getText()).contains("Summary of session 1");
    afterReloads(DELIVERY_WAIT, d -> delivered(d, "MLLP MDM_T02"));
    assertThat(REFERRER.received()).anyMatch(m -> field(m, "MSH", 9).startsWith("MDM^T02")
        && m.contains("REF-browser1") && m.contains("^application^pdf^Base64^"));
  }

  /** The state DELIVERED of the delivery row whose channel and format read {@code channelAndFormat}. */
  private static Optional<String> delivered(WebDriver page, String channelAndFormat) {
    return page.findElements(By.cssSelector("#deliveries tr[data-delivery]")).stream()
        .filter(r -> r.getText().contains(channelAndFormat))
        .map(r -> r.findElement(By.cssSelector(".delivery-status")).getText())
        .filter("DELIVERED"::equals)
        .findFirst();
  }

  @Test
  void intakeCorrectsAReferralThatNeedsAttentionAndReleasesItOntoTheWorklist() throws Exception {
    // a referral acknowledged earlier that could not be written: its only PRD is the referred-to provider
    String sent = Hl7Samples.unique(Hl7Samples.TRD_PHQ9, "attn1").replaceAll("\rPRD\\|RP\\^", "\rPRD|RT^");
    String sender = "NORTHSIDE_EHR^NORTHSIDE_PSYCH";
    messageStore.record(new MessageStore.Inbound("mllp", "hl7v2", sender, "CTL-attn1", MessageFingerprint.of(sent),
        "REF^I12", sender + "|REF-attn1", Instant.now()), MessageStatus.NEEDS_ATTENTION, sent,
        "referral does not conform to the profiles: 1 error(s)", MISSING_REFERRER, null);
    WebDriver browser = BROWSER.driver();

    signIn(INTAKE, INTAKE_PASSWORD);
    WebElement banner = BROWSER.waitAtMost(PAGE_WAIT)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("attention-banner")));
    assertThat(banner.getText()).contains("1 referral(s) need attention");
    banner.findElement(By.tagName("a")).click();
    WebElement row = BROWSER.waitAtMost(PAGE_WAIT)
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#attention tr[data-message]")));
    assertThat(row.getText()).contains("REF-attn1").contains(sender);
    row.findElement(By.tagName("a")).click();
    BROWSER.waitAtMost(PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("problems")));
    assertThat(browser.findElement(By.id("problems")).getText()).contains("referring provider");

    // released unchanged, it would be refused at intake: nothing is released, the reason is shown
    browser.findElement(By.id("release")).click();
    WebElement error = BROWSER.waitAtMost(PAGE_WAIT)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
    assertThat(error.getText()).contains("would be refused").contains("PRD-1").contains("Nothing was released");

    // the referrer's letter names the referring provider; the birth date is also written the way people write it
    String corrected = Hl7Samples.replaceField(sent.replaceFirst("\rPRD\\|RT\\^", "\rPRD|RP^"), "PID", 7,
        "1984-03-17").replace('\r', '\n');
    ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
        browser.findElement(By.id("message")), corrected);
    browser.findElement(By.id("release")).click();
    WebElement notice = BROWSER.waitAtMost(PAGE_WAIT)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
    assertThat(notice.getText()).contains("Released");
    assertThat(browser.findElements(By.id("release"))).isEmpty();
    assertThat(browser.findElement(By.id("original")).getText()).contains("PRD|RT^");

    String system = FhirStoreQueries.referralSystem("NORTHSIDE_EHR", "NORTHSIDE_PSYCH");
    FhirStoreQueries fhir = new FhirStoreQueries(httpPort);
    await().atMost(Duration.ofSeconds(60)).until(() -> fhir.count(Task.class, system, "REF-attn1") == 1);
    browser.get(url("/worklist"));
    WebElement released = afterReloads(PAGE_WAIT, d -> d.findElements(By.cssSelector("#worklist tr[data-task]"))
        .stream().filter(r -> r.getText().contains("Halvorsen")).findFirst());
    assertThat(browser.findElements(By.id("attention-banner"))).isEmpty();
    // the birth date as written is not an HL7 date: left out, and the referral page says so
    released.findElement(By.tagName("a")).click();
    WebElement dataQuality = BROWSER.waitAtMost(PAGE_WAIT)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("data-quality")));
    assertThat(dataQuality.getText()).contains("PID-7").contains("left out");
  }

  private static final String MISSING_REFERRER = """
      {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"required",
      "diagnostics":"missing: the referring provider (PRD with role RP)"}]}""";

  @Autowired
  MessageStore messageStore;

  @Test
  void theMessagesPageKeepsItsTableWithinThePageInA1400PixelWindow() throws Exception {
    // long ids without spaces, as real senders' control ids, referral keys and errors are
    String suffix = "wide-" + "0123456789".repeat(5);
    sendReferral(Hl7Samples.unique(Hl7Samples.TRD_PHQ9, suffix), "REF-" + suffix);
    WebDriver browser = BROWSER.driver();
    browser.manage().window().setSize(new Dimension(1400, 1000));

    signIn(ADMIN, ADMIN_PASSWORD);
    BROWSER.waitAtMost(PAGE_WAIT).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    browser.get(url("/operations/messages"));
    WebElement table = BROWSER.waitAtMost(PAGE_WAIT)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("messages")));
    assertThat(table.getText()).contains("REF-" + suffix);

    JavascriptExecutor page = (JavascriptExecutor) browser;
    Number pastTheSearchForm = (Number) page.executeScript("return document.getElementById('messages')"
        + ".getBoundingClientRect().right - document.getElementById('search').getBoundingClientRect().right;");
    assertThat(pastTheSearchForm.doubleValue()).as("pixels the table runs past the search form").isLessThan(1.0);
    assertThat((Boolean) page.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"))
        .as("the page needs no horizontal scrolling").isTrue();
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
