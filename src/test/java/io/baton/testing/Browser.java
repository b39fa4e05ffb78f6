package io.baton.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A fresh headless Debian Chromium per test, driven by Debian's chromedriver (never one that
 * Selenium Manager would download). When a test fails, the page is saved as
 * {@code target/screenshots/<test>.png}, with its HTML ({@code <test>.html}) and the browser
 * console ({@code <test>.console.txt}), before the browser closes. {@code -Dtasklist.snapshots=true} also saves a picture at each {@link #snapshot} step.
 */
public final class Browser implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

  /** Debian's packages; {@code -Dtasklist.chromium=} and {@code -Dtasklist.chromedriver=} override. */
  static final Path CHROMIUM = Path.of(System.getProperty("tasklist.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("tasklist.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final Duration WAIT = Duration.ofSeconds(20);

  private ChromeDriver driver;
  private ChromeDriverService service;
  private Path profile;
  private String testName;

  /** Fails at once, with the install command for each system, when the browser or its driver is missing. */
  static void requireInstalled(Path chromium, Path chromedriver) {
    for (Path binary : new Path[] {chromium, chromedriver}) {
      if (!Files.isExecutable(binary)) {
        fail(binary + " is missing. The page tests drive a headless Chromium (" + chromium
            + ") through its driver (" + chromedriver + "). Install both:\n"
            + "  Debian/Ubuntu: sudo apt-get install -y chromium chromium-driver\n"
            + "  macOS:         brew install --cask chromium chromedriver, then run the tests with\n"
            + "                 -Dtasklist.chromium=/Applications/Chromium.app/Contents/MacOS/Chromium"
            + " -Dtasklist.chromedriver=$(brew --prefix)/bin/chromedriver\n"
            + "  Windows:       winget install Hibbiki.Chromium, download the matching chromedriver.exe"
            + " from https://googlechromelabs.github.io/chrome-for-testing/, then run the tests with"
            + " -Dtasklist.chromium=<path to chrome.exe> -Dtasklist.chromedriver=<path to chromedriver.exe>");
      }
    }
  }

  public WebDriver driver() {
    return driver;
  }

  public WebDriverWait waiting() {
    return new WebDriverWait(driver, WAIT, Duration.ofMillis(100));
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    testName = context.getRequiredTestMethod().getName();
    requireInstalled(CHROMIUM, CHROMEDRIVER);
    profile = Files.createTempDirectory("tasklist-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1400,1000", "--user-data-dir=" + profile.toAbsolutePath());
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isPresent() && driver != null) {
      save(testName);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      driver = null;
      if (service != null) {
        service.stop();
        service = null;
      }
      if (profile != null) {
        deleteQuietly(profile);
        profile = null;
      }
    }
  }

  /** A picture of this step of the test, when run with {@code -Dtasklist.snapshots=true}. */
  public void snapshot(String step) {
    if (Boolean.getBoolean("tasklist.snapshots")) {
      save(testName + "-" + step);
    }
  }

  private void save(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File png = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(SCREENSHOTS.resolve(name + ".html"),
          "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
      StringBuilder console = new StringBuilder();
      driver.manage().logs().get(LogType.BROWSER).forEach(entry -> console.append(entry).append('\n'));
      Files.writeString(SCREENSHOTS.resolve(name + ".console.txt"), console, StandardCharsets.UTF_8);
    } catch (RuntimeException | IOException e) {
      System.err.println("Could not save the page of " + name + ": " + e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // A leftover temp profile is harmless.
    }
  }
}
