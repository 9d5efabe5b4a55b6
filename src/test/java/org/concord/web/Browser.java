package org.concord.web;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * A real Chromium for page tests (Debian's chromium and chromium-driver, which .ci/run installs),
 * with axe-core run on the pages a test visits and screenshots under target/screenshots.
 */
public final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** Installed from the npm registry by the build; see README "Run it and test it". */
  static final Path AXE =
      Path.of(
          System.getProperty(
              "concord-test.axe", "target/browser-tools/node_modules/axe-core/axe.min.js"));

  private final List<WebDriver> drivers = new ArrayList<>();
  private final List<String> findings = new ArrayList<>();

  public Browser() {
    assertThat(
        "Debian's chromium (apt-get install chromium chromium-driver)",
        Files.isExecutable(CHROMIUM),
        equalTo(true));
    assertThat(
        "axe-core (npm install axe-core into target/browser-tools)",
        Files.isReadable(AXE),
        equalTo(true));
  }

  /** A new window with a fresh profile, as on another device. */
  public WebDriver open() throws IOException {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
        "--user-data-dir=" + Files.createTempDirectory("concord-chromium"));
    WebDriver driver =
        new ChromeDriver(
            new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
            options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    drivers.add(driver);
    return driver;
  }

  /** Closes one window early; {@link #close} closes the rest. */
  public void quit(WebDriver driver) {
    driver.quit();
    drivers.remove(driver);
  }

  @Override
  public void close() {
    drivers.forEach(WebDriver::quit);
    drivers.clear();
  }

  /** Every serious or critical axe-core violation found so far, by page. */
  public List<String> findings() {
    return List.copyOf(findings);
  }

  /** Runs axe-core in the page and keeps every serious or critical violation. */
  @SuppressWarnings("unchecked")
  public void check(WebDriver driver, String page) throws IOException {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(Files.readString(AXE));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    List<String> found =
        (List<String>)
            js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                    + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                    + ".map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ')')));");
    found.forEach(f -> findings.add(page + ": " + f));
  }

  /** The page at a phone's and a desktop's width, as target/screenshots/{name}-{width}.png. */
  public static void screenshots(WebDriver driver, String name) throws IOException {
    Path folder = Path.of("target", "screenshots");
    Files.createDirectories(folder);
    Dimension original = driver.manage().window().getSize();
    for (int width : new int[] {375, 1280}) {
      driver.manage().window().setSize(new Dimension(width, 900));
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(folder.resolve(name + "-" + width + ".png"), png);
    }
    driver.manage().window().setSize(original);
  }

  /** Presses Tab until the element has focus, as a keyboard user would. */
  public static WebElement tabTo(WebDriver driver, By locator) {
    WebElement target = driver.findElement(locator);
    for (int presses = 0; presses < 400; presses++) {
      if (target.equals(driver.switchTo().activeElement())) {
        return target;
      }
      new Actions(driver).sendKeys(Keys.TAB).perform();
    }
    throw new AssertionError("Tab never reached " + locator);
  }

  /** Waits until the address (without its query) ends with {@code path}. */
  public static void waitForPath(WebDriver driver, String path) throws InterruptedException {
    waitForPathMatching(driver, ".*" + Pattern.quote(path));
  }

  /** Waits until the address (without its query) matches {@code regex}. */
  public static void waitForPathMatching(WebDriver driver, String path)
      throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      if (driver.getCurrentUrl().split("\\?")[0].matches(path)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "Expected to reach "
            + path
            + " but am at "
            + driver.getCurrentUrl()
            + ":\n"
            + driver.findElement(By.tagName("main")).getText());
  }

  /** Waits until the page's title starts with {@code prefix}, e.g. after a form came back. */
  public static void waitForTitle(WebDriver driver, String prefix) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      if (driver.getTitle().startsWith(prefix)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Expected a title starting " + prefix + ", got " + driver.getTitle());
  }
}
