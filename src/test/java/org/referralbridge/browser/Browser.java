package org.referralbridge.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium, driven through Debian's ChromeDriver, one fresh browser (and profile) per test.
 *
 * <p>Register as {@code @RegisterExtension static final Browser BROWSER = new Browser();}. When /usr/bin/chromium or
 * /usr/bin/chromedriver is missing, the class fails when {@code CI=true} and is skipped otherwise, with how to install
 * them; either way before the service under test starts. (An execution condition rather than an assumption in
 * {@code @BeforeAll}: Surefire reports an aborted class as zero tests and drops the message.) When a test fails, the
 * page it was on is saved as {@code target/browser/<TestClass>.<test>.png} and {@code .html}.
 *
 * <p>Nothing is ever downloaded: the driver executable is given to the {@link ChromeDriverService}, so Selenium
 * Manager (which would look for, and fetch, a driver and a browser) is not run at all ("Skipping Selenium Manager,
 * path to chromedriver specified in Service class"), and the browser binary is set in the options. Chromium's own
 * background traffic (updates, sync, field trials, QUIC) is switched off: this machine's network is closed.
 */
final class Browser implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback, AfterTestExecutionCallback,
    AfterEachCallback {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path FAILURES = Path.of("target", "browser");
  private static final String INSTALL =
      "apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver";

  private WebDriver driver;
  private Path profile;

  /** The current test's browser. */
  WebDriver driver() {
    if (driver == null) {
      throw new IllegalStateException("no browser outside a test");
    }
    return driver;
  }

  /** A wait on the current test's browser: polls, ignoring elements not (yet) there or replaced by a reload. */
  WebDriverWait waitAtMost(Duration timeout) {
    WebDriverWait wait = new WebDriverWait(driver(), timeout, Duration.ofMillis(250));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  /** Skips the tests (before the service starts) when the browser is missing, except on CI. */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return installed() || onCi() ? ConditionEvaluationResult.enabled("Chromium and ChromeDriver are installed")
        : ConditionEvaluationResult.disabled(missing());
  }

  /** On CI, a missing browser fails the tests. */
  @Override
  public void beforeAll(ExtensionContext context) {
    if (!installed()) {
      Assertions.fail(missing() + " (.ci/run installs them when CI=true)");
    }
  }

  private static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  private static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  private static String missing() {
    return "Browser tests need Debian's Chromium and ChromeDriver at " + CHROMIUM + " and " + CHROMEDRIVER
        + ", not found. Install them (as root): " + INSTALL;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    profile = Files.createTempDirectory("referralbridge-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isEmpty() || driver == null) {
      return;
    }
    String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
    try {
      Files.createDirectories(FAILURES);
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(FAILURES.resolve(name + ".png"), png);
      Files.writeString(FAILURES.resolve(name + ".html"),
          "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource());
    } catch (IOException | RuntimeException e) {
      // the test's own failure is what matters: keep it, note why the page could not be saved
      context.getExecutionException().get().addSuppressed(e);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      driver = null;
      if (profile != null) {
        FileSystemUtils.deleteRecursively(profile.toFile());
        profile = null;
      }
    }
  }
}
