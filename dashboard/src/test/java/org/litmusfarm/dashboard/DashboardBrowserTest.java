package org.litmusfarm.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.litmusfarm.coordinator.Coordinator;
import org.litmusfarm.coordinator.CoordinatorConfig;
import org.litmusfarm.embedded.EmbeddedKafka;
import org.litmusfarm.embedded.EmbeddedPostgres;
import org.litmusfarm.harness.GoToolchain;
import org.litmusfarm.worker.Worker;
import org.litmusfarm.worker.WorkerConfig;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser over a real farm: PostgreSQL, Kafka, the coordinator and a
 * native worker, with the history of {@link Scenario} (which holds the emulated arm64
 * violation). Screenshots of every page land in target/screenshots.
 */
class DashboardBrowserTest {
  static final String TOKEN = "browser-test-token-0123456789";

  static EmbeddedPostgres postgres;
  static EmbeddedKafka kafka;
  static Coordinator coordinator;
  static Worker worker;
  static Dashboard dashboard;
  static ChromeDriver browser;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    BrowserTools.require(BrowserTools.CHROMIUM, BrowserTools.CHROMEDRIVER,
        GoToolchain.onPath("go").orElse(Path.of("/nonexistent/go")));
    postgres = EmbeddedPostgres.builder().start();
    kafka = EmbeddedKafka.builder().start();
    CoordinatorConfig config =
        CoordinatorConfig.defaults(postgres.jdbcUrl(), postgres.user(), postgres.password(), kafka.bootstrapServers(), TOKEN)
            .withGrpc("127.0.0.1", 0)
            .withMetricsPort(-1);
    kafka.createTopic(config.outcomeTopic(), 1);
    coordinator = Coordinator.start(config);
    new Scenario(coordinator.database());
    Path target = Path.of("target");
    worker = Worker.connect(new WorkerConfig(
        "127.0.0.1:" + coordinator.grpcPort(), Optional.of(TOKEN), "browser-test-native", Optional.empty(), Optional.empty(),
        List.of(), Files.createDirectories(target.resolve("worker-cache")), Duration.ofMillis(500), Duration.ofMillis(200),
        Map.of("test", "browser")));
    Thread t = new Thread(worker::run, "browser-test-worker");
    t.setDaemon(true);
    t.start();
    dashboard = Dashboard.start(new DashboardConfig("127.0.0.1", 0, coordinator.database(),
        "127.0.0.1:" + coordinator.grpcPort(), TOKEN, Duration.ofMillis(300)));
    base = "http://127.0.0.1:" + dashboard.port();
    browser = BrowserTools.start(Files.createTempDirectory(target, "chromium-profile"));
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {
        browser == null ? null : browser::quit, dashboard, worker, coordinator, kafka, postgres}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          System.err.println("stopping: " + e);
        }
      }
    }
  }

  private static void open(String path) {
    browser.get(base + path);
  }

  /**
   * A wait that also retries when an element it found went stale: a page the wait looks at may be
   * replaced (a form's redirect, a refresh) between finding an element and reading it.
   */
  private static WebDriverWait waitUpTo(int seconds) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  private static void signIn() {
    open("/");
    List<WebElement> box = browser.findElements(By.cssSelector("header.top input[name=token]"));
    if (!box.isEmpty()) {
      box.get(0).sendKeys(TOKEN);
      browser.findElement(By.cssSelector("header.top .token button")).click();
      waitUpTo(10).until(d -> d.findElement(By.cssSelector("header.top .token")).getText().contains("farm token set"));
    }
  }

  @Test
  void overviewLeadsToTheEmulatedViolationAndItsProgram() {
    open("/");
    WebElement banner = browser.findElement(By.id("open-emulated-violations"));
    assertTrue(banner.getText().contains("1 open violation under emulation"), banner.getText());
    assertTrue(browser.findElement(By.id("latest")).getText().contains("emulated — not hardware evidence"));
    BrowserTools.screenshot(browser, "overview");

    banner.findElement(By.tagName("a")).click();
    waitUpTo(10).until(d -> d.getCurrentUrl().endsWith("/violations"));
    WebElement card = browser.findElement(By.cssSelector("article.violation"));
    assertTrue(card.getText().contains("./farm run SB+atomic.litmus --goarch arm64 --emulator qemu-aarch64-static --seconds 10"),
        card.getText());
    BrowserTools.screenshot(browser, "violations");

    card.findElement(By.cssSelector("a.program")).click();
    waitUpTo(10).until(d -> d.getCurrentUrl().contains("/programs/"));
    assertEquals(2, browser.findElements(By.cssSelector("svg.histogram")).size(), "one chart per architecture and mode");
    assertFalse(browser.findElements(By.cssSelector("#run-arm64-emulated rect.bar.forbidden")).isEmpty());
    assertTrue(browser.findElement(By.id("litmus")).getText().startsWith("litmus SB+atomic"));
    BrowserTools.screenshot(browser, "program");
  }

  @Test
  void triageStateIsSetOnTheWeakOutcomesPage() {
    signIn();
    dashboard.refreshNow();
    open("/weak");
    assertTrue(browser.findElement(By.id("weak")).getText().contains("SB+plain"));
    BrowserTools.screenshot(browser, "weak");
    open("/weak?shape=MP");
    WebElement form = browser.findElement(By.cssSelector("#weak form.triage"));
    new Select(form.findElement(By.name("state"))).selectByValue("interesting");
    form.findElement(By.name("note")).sendKeys("message passing reordered, as gomm allows");
    form.findElement(By.tagName("button")).click();
    waitUpTo(10).until(d -> d.findElement(By.cssSelector("#weak span.state")).getText().equals("interesting"));
    assertTrue(browser.findElement(By.id("weak")).getText().contains("message passing reordered, as gomm allows"));
    open("/weak?state=interesting");
    assertTrue(browser.findElement(By.id("weak")).getText().contains("MP+plain"));
    BrowserTools.screenshot(browser, "weak-triaged");
  }

  @Test
  void invalidProgramShowsItsErrorInlineWithLineAndColumn() {
    signIn();
    open("/submit");
    browser.findElement(By.id("litmus")).sendKeys("litmus Broken\n\nvar x\n\nP0 {\n  x = = 1\n}\n\nexists (x == 1)\n");
    browser.findElement(By.cssSelector("input[name=arch][value=amd64]")).click();
    browser.findElement(By.id("submit-button")).click();
    WebElement problems = waitUpTo(10).until(d -> d.findElement(By.id("problems")));
    assertTrue(problems.getText().matches("(?s).*line 6, column \\d+: .*"), problems.getText());
    assertTrue(browser.findElement(By.id("listing")).getText().contains("x = = 1"));
    assertTrue(browser.findElement(By.id("litmus")).getAttribute("value").contains("x = = 1"), "the text stays");
    BrowserTools.screenshot(browser, "submit-invalid");
  }

  @Test
  void validProgramResultsArriveOnThePageAsTheWorkerReportsThem() {
    signIn();
    open("/submit");
    browser.findElement(By.id("litmus")).sendKeys(
        "litmus SB+browser\n\nvar x y\n\nP0 {\n  x = 1\n  r0 = y\n}\n\nP1 {\n  y = 1\n  r0 = x\n}\n\nexists (P0:r0 == 0 && P1:r0 == 0)\n");
    String host = hostGoarch();
    browser.findElement(By.cssSelector("input[name=arch][value=" + host + "]")).click();
    WebElement seconds = browser.findElement(By.name("seconds"));
    seconds.clear();
    seconds.sendKeys("1");
    browser.findElement(By.id("submit-button")).click();
    waitUpTo(15).until(d -> d.getCurrentUrl().contains("/submissions/s-"));
    BrowserTools.screenshot(browser, "submission-running");
    waitUpTo(120).until(d -> d.findElement(By.id("status")).getAttribute("class").equals("finished"));
    WebElement results = browser.findElement(By.id("results"));
    assertTrue(results.getText().contains("native"), results.getText());
    assertFalse(results.findElements(By.cssSelector("svg.histogram rect.bar.sc")).isEmpty(), "SC outcomes were counted");
    BrowserTools.screenshot(browser, "submission-finished");
  }

  @Test
  void campaignAndFleetPagesShowConformanceAndWorkers() {
    open("/campaigns");
    assertTrue(browser.findElement(By.id("campaigns")).getText().contains("smoke"));
    BrowserTools.screenshot(browser, "campaigns");
    open("/campaigns/" + Scenario.NEW);
    assertFalse(browser.findElements(By.cssSelector("#conformance td.cell.forbidden")).isEmpty());
    BrowserTools.screenshot(browser, "campaign");
    open("/fleet");
    waitUpTo(10).until(d -> d.findElement(By.id("fleet")).getText().contains("browser-test-native"));
    BrowserTools.screenshot(browser, "fleet");
  }

  static String hostGoarch() {
    String arch = System.getProperty("os.arch");
    return switch (arch) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "riscv64" -> "riscv64";
      default -> arch;
    };
  }
}
