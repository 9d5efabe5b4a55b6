package org.concord.response.pages;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
 * A panelist in a real Chromium (Debian's chromium and chromium-driver, which .ci/run installs):
 * round 1 with the keyboard only, round 2 left half-way and resumed on a fresh browser profile,
 * axe-core on every page, screenshots under target/screenshots.
 */
@QuarkusTest
class PanelistBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** Installed from the npm registry by .ci/run; see README "Run it and test it". */
  static final Path AXE =
      Path.of(
          System.getProperty(
              "concord-test.axe", "target/browser-tools/node_modules/axe-core/axe.min.js"));

  @TestHTTPResource("/")
  URL root;

  @Inject MockMailbox mailbox;
  @Inject MailDispatcher dispatcher;

  private final List<WebDriver> browsers = new ArrayList<>();
  private final List<String> axeFindings = new ArrayList<>();

  @AfterEach
  void closeBrowsers() {
    browsers.forEach(WebDriver::quit);
  }

  @Test
  void aPanelistAnswersByKeyboardResumesOnAnotherDeviceAndSeesTheFeedback() throws Exception {
    assertThat(
        "Debian's chromium (apt-get install chromium chromium-driver)",
        Files.isExecutable(CHROMIUM),
        equalTo(true));
    assertThat(
        "axe-core (npm install axe-core into target/browser-tools)",
        Files.isReadable(AXE),
        equalTo(true));
    mailbox.clear();
    long[] ids = TestStudies.withDraftRound("Browser study", 3, 2, null);
    long study = ids[0];
    long round1 = ids[1];
    TestStudies.open(round1);
    dispatcher.dispatchDue();
    String token = Links.tokenIn(mailbox.getMailsSentTo("p1-" + study + "@example.org").get(0));
    String other = Links.tokenIn(mailbox.getMailsSentTo("p2-" + study + "@example.org").get(0));
    String link = root.toString().replaceAll("/$", "") + "/p/" + token;

    // Round 1, keyboard only: consent, start, rate each statement, save, submit.
    WebDriver first = browser();
    first.get(link);
    check(first, "welcome");
    screenshots(first, "welcome");
    tabTo(first, By.id("consent")).sendKeys(Keys.SPACE);
    tabTo(first, By.cssSelector(".start-form button[type=submit]")).sendKeys(Keys.ENTER);
    waitForPath(first, "/sections/1");
    check(first, "section");
    screenshots(first, "section");
    List<Long> items = items(first);
    int[] ratings = {5, 5, 9};
    for (int i = 0; i < items.size(); i++) {
      rateByKeyboard(first, items.get(i), ratings[i]);
    }
    tabTo(first, By.cssSelector("button[value=continue]")).sendKeys(Keys.ENTER);
    waitForPath(first, "/review");
    check(first, "review");
    tabTo(first, By.cssSelector(".submit-form button[type=submit]")).sendKeys(Keys.ENTER);
    waitForPath(first, "/thanks");
    check(first, "thanks");

    answerByApi(other);

    // Round 2 carries the two statements without consensus.
    asCoordinator().post("/api/rounds/" + round1 + "/close").then().statusCode(200);
    long round2 =
        asCoordinator()
            .post("/api/rounds/" + round1 + "/next")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    TestStudies.open(round2);

    first.get(link + "/sections/1");
    List<Long> carried = items(first);
    assertThat(carried.size(), equalTo(2));
    rateByKeyboard(first, carried.get(0), 8);
    tabTo(first, By.cssSelector("button[value=continue]")).sendKeys(Keys.ENTER);
    waitForPath(first, "/sections/1");
    first.quit();
    browsers.remove(first);

    // A fresh profile, as on another device: the saved answer, the chart and the earlier rating.
    WebDriver second = browser();
    second.get(link);
    check(second, "welcome round 2");
    second.get(link + "/sections/1");
    check(second, "section round 2");
    screenshots(second, "section-round-2");
    WebElement firstItem = second.findElement(By.id("statement-" + carried.get(0)));
    assertThat(
        second.findElement(By.id("rating-" + carried.get(0) + "-8")).isSelected(), equalTo(true));
    assertThat(firstItem.findElements(By.cssSelector("svg[role=img]")).size(), equalTo(1));
    assertThat(firstItem.findElements(By.tagName("table")).isEmpty(), equalTo(false));
    assertThat(firstItem.getText(), containsString("5"));
    rateByKeyboard(second, carried.get(1), 5);
    tabTo(second, By.cssSelector("button[value=continue]")).sendKeys(Keys.ENTER);
    waitForPath(second, "/review");
    tabTo(second, By.cssSelector(".submit-form button[type=submit]")).sendKeys(Keys.ENTER);
    waitForPath(second, "/thanks");
    RestAssured.given()
        .get("/p/" + token + "/api/round")
        .then()
        .body("response.state", equalTo("SUBMITTED"))
        .body("response.answered", equalTo(2));

    // The remaining pages: withdraw, an inactive link, a closed round.
    second.get(link + "/withdraw");
    check(second, "withdraw");
    second.get(root.toString() + "p/" + "A".repeat(43));
    check(second, "inactive link");
    asCoordinator().post("/api/rounds/" + round2 + "/close").then().statusCode(200);
    second.get(link);
    check(second, "closed round");

    assertThat("serious or critical accessibility violations", axeFindings, empty());
  }

  /** The other panelist answers round 1 as the first did: 5, 5 and 9. */
  private void answerByApi(String token) {
    List<Long> items =
        RestAssured.given()
            .get("/p/" + token + "/api/round")
            .jsonPath()
            .getList("sections[0].items.itemId", Long.class);
    int[] values = {5, 5, 9};
    List<Map<String, Object>> ratings = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      ratings.add(Map.of("itemId", items.get(i), "value", values[i]));
    }
    RestAssured.given()
        .contentType(ContentType.JSON)
        .body(Map.of("consent", true, "ratings", ratings))
        .put("/p/" + token + "/api/response")
        .then()
        .statusCode(200);
    RestAssured.given().post("/p/" + token + "/api/response/submit").then().statusCode(200);
  }

  private WebDriver browser() throws IOException {
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
    browsers.add(driver);
    return driver;
  }

  /** Presses Tab until the element has focus, as a keyboard user would. */
  private static WebElement tabTo(WebDriver driver, By locator) {
    WebElement target = driver.findElement(locator);
    for (int presses = 0; presses < 400; presses++) {
      if (target.equals(driver.switchTo().activeElement())) {
        return target;
      }
      new Actions(driver).sendKeys(Keys.TAB).perform();
    }
    throw new AssertionError("Tab never reached " + locator);
  }

  /** Tab into the statement's scale, Space to choose the first point, arrows to the rating. */
  private static void rateByKeyboard(WebDriver driver, long item, int rating) {
    WebElement checked = null;
    for (WebElement radio : driver.findElements(By.name("rating-" + item))) {
      if (radio.isSelected()) {
        checked = radio;
      }
    }
    WebElement entry =
        checked != null ? checked : driver.findElement(By.id("rating-" + item + "-1"));
    tabTo(driver, By.id(entry.getAttribute("id")));
    if (checked == null) {
      new Actions(driver).sendKeys(Keys.SPACE).perform();
    }
    int from = checked == null ? 1 : Integer.parseInt(checked.getAttribute("value"));
    Keys arrow = rating > from ? Keys.ARROW_RIGHT : Keys.ARROW_LEFT;
    for (int i = 0; i < Math.abs(rating - from); i++) {
      new Actions(driver).sendKeys(arrow).perform();
    }
    assertThat(
        driver.findElement(By.id("rating-" + item + "-" + rating)).isSelected(), equalTo(true));
  }

  private static List<Long> items(WebDriver driver) {
    List<Long> items = new ArrayList<>();
    for (WebElement fieldset : driver.findElements(By.cssSelector("fieldset.statement"))) {
      items.add(Long.valueOf(fieldset.getAttribute("data-item")));
    }
    return items;
  }

  private static void waitForPath(WebDriver driver, String path) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      if (driver.getCurrentUrl().split("\\?")[0].endsWith(path)) {
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

  /** Runs axe-core in the page and keeps every serious or critical violation. */
  @SuppressWarnings("unchecked")
  private void check(WebDriver driver, String page) throws IOException {
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
    found.forEach(f -> axeFindings.add(page + ": " + f));
  }

  private static void screenshots(WebDriver driver, String name) throws IOException {
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
}
