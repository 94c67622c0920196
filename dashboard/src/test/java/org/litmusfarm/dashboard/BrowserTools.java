package org.litmusfarm.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver, nothing downloaded: both paths are
 * given explicitly. When CI is set and a tool is missing the tests fail; elsewhere they are skipped
 * with the reason printed.
 */
final class BrowserTools {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private BrowserTools() {}

  /** Fails (under CI) or skips (elsewhere) unless every one of {@code tools} is an executable. */
  static void require(Path... tools) {
    for (Path tool : tools) {
      if (!Files.isExecutable(tool)) {
        String why = tool + " is missing (install Debian's chromium and chromium-driver, and Go for submissions)";
        if (System.getenv("CI") != null) {
          Assertions.fail(why);
        }
        System.err.println("skipping browser tests: " + why);
        Assumptions.abort(why);
      }
    }
  }

  /** Headless Chromium with a fresh profile and a window large enough for whole pages. */
  static ChromeDriver start(Path profile) {
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(List.of(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1360,1800",
        "--user-data-dir=" + profile.toAbsolutePath()));
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  /** Saves what the browser shows as {@code target/screenshots/NAME.png}. */
  static void screenshot(ChromeDriver driver, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
