package org.concord.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.concord.Api;
import org.concord.Links;
import org.concord.mail.MailDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A whole study run from the console in a real Chromium, as a coordinator runs one without the API:
 * signs in, creates the study, imports guidance and panel from files, opens round 1; the panel
 * answers through their links; the coordinator closes the round, reads the results, rewords the
 * statement without consensus, opens round 2 and downloads the report. Every console page on the
 * way meets axe-core with no serious or critical violation; the confirmations are used by keyboard.
 */
@QuarkusTest
class StudyRunBrowserTest {

  static final String AGREED = "Workers meet people where they feel safe";
  static final String REJECTED = "Workers choose a person's community groups for them";
  static final String SPLIT = "Every person gets a written plan in the first week";
  static final String REWORDED =
      "Every person who wants one gets a written plan in the first month";

  /** Six panelists' round-1 ratings: in, out, and no consensus (carried into round 2). */
  static final Map<String, int[]> RATINGS =
      Map.of(
          AGREED, new int[] {9, 8, 9, 8, 7, 9},
          REJECTED, new int[] {1, 2, 1, 2, 1, 3},
          SPLIT, new int[] {2, 5, 8, 5, 9, 1});

  @TestHTTPResource("/")
  URL root;

  @Inject MockMailbox mailbox;
  @Inject MailDispatcher dispatcher;

  private final Browser browsers = new Browser();

  @AfterEach
  void closeBrowsers() {
    browsers.close();
  }

  private String at(String path) {
    return root.toString().replaceAll("/$", "") + path;
  }

  @Test
  void aCoordinatorRunsAStudyFromSetUpToReportInTheConsole() throws Exception {
    String suffix = Long.toString(System.nanoTime());
    WebDriver browser = browsers.open();
    browser.get(at("/"));
    browser.findElement(By.linkText("The console")).click();
    Browser.waitForPath(browser, "/console/login");
    browser.findElement(By.id("j_username")).sendKeys(Api.COORDINATOR);
    browser.findElement(By.id("j_password")).sendKeys(Api.COORDINATOR_PASSWORD + Keys.ENTER);
    Browser.waitForPath(browser, "/console");

    browser.get(at("/console/studies/new"));
    browser.findElement(By.id("title")).sendKeys("Walkthrough study " + suffix);
    submit(browser);
    Browser.waitForPathMatching(browser, ".*/console/studies/\\d+");
    String study = browser.getCurrentUrl().split("\\?")[0];

    browser.get(study + "/details");
    browser.findElement(By.id("organisation")).sendKeys("University of Example");
    browser.findElement(By.id("contactName")).sendKeys("Dr Ann Example");
    browser.findElement(By.id("contactEmail")).sendKeys("ann@example.org");
    submit(browser);
    Browser.waitForPath(browser, "/details");

    browser.get(study + "/protocol");
    assertThat(main(browser), containsString("A statement reaches consensus in when at least 70%"));
    browsers.check(browser, "protocol");
    Browser.screenshots(browser, "console-protocol");

    // The guidance from a Markdown file: checked and previewed before it is stored.
    Path guidance = Files.createTempFile("guidance", ".md");
    Files.writeString(
        guidance,
        "## Meeting people\n\nWhere and how the work starts.\n\n- "
            + AGREED
            + "\n- "
            + REJECTED
            + "\n\n## Planning\n\n- "
            + SPLIT
            + "\n",
        StandardCharsets.UTF_8);
    browser.get(study + "/guidance/import");
    browsers.check(browser, "guidance import");
    browser.findElement(By.id("file")).sendKeys(guidance.toAbsolutePath().toString());
    submit(browser);
    assertThat(main(browser), containsString(SPLIT));
    browsers.check(browser, "guidance preview");
    submit(browser);
    Browser.waitForPath(browser, "/guidance");
    assertThat(main(browser), containsString(REJECTED));
    browsers.check(browser, "guidance");

    // The panel from a CSV file, three practitioners and three carers.
    StringBuilder csv = new StringBuilder("name,email,group\n");
    for (int p = 1; p <= 6; p++) {
      csv.append("Panelist ")
          .append(p)
          .append(',')
          .append(email(p, suffix))
          .append(',')
          .append(p <= 3 ? "Practitioners" : "Carers")
          .append('\n');
    }
    Path panel = Files.createTempFile("panel", ".csv");
    Files.writeString(panel, csv, StandardCharsets.UTF_8);
    browser.get(study + "/panel/upload");
    browsers.check(browser, "panel upload");
    browser.findElement(By.id("file")).sendKeys(panel.toAbsolutePath().toString());
    submit(browser);
    assertThat(main(browser), containsString(email(6, suffix)));
    browsers.check(browser, "panel preview");
    submit(browser);
    Browser.waitForPath(browser, "/panel");
    assertThat(main(browser), containsString("Panelist 6"));
    browsers.check(browser, "panel");
    browser.get(study + "/panel/add");
    browsers.check(browser, "add a panelist");
    browser.get(study + "/panel/groups");
    assertThat(main(browser), containsString("Carers"));
    browsers.check(browser, "groups");

    browser.get(study + "/rounds");
    browsers.check(browser, "rounds");
    submit(browser);
    Browser.waitForPathMatching(browser, ".*/console/rounds/\\d+");
    String firstRound = browser.getCurrentUrl().split("\\?")[0];
    browsers.check(browser, "round 1 draft");
    browser.get(study);
    assertThat(main(browser), containsString("Guidance"));
    browsers.check(browser, "overview with a draft round");

    mailbox.clear();
    browser.get(firstRound);
    confirmByKeyboard(browser, "Open round 1");
    Browser.waitForPath(browser, firstRound.replaceAll(".*/console", "/console"));
    assertThat(main(browser), containsString("invited"));
    dispatcher.dispatchDue();

    // Four of six answer; the dashboard shows it overall and per group.
    for (int p = 1; p <= 4; p++) {
      answer(Links.tokenIn(mailbox.getMailsSentTo(email(p, suffix)).get(0)), p);
    }
    browser.navigate().refresh();
    assertThat(main(browser), containsString("Carers"));
    browsers.check(browser, "round 1 open");
    Browser.screenshots(browser, "console-dashboard");
    for (int p = 5; p <= 6; p++) {
      answer(Links.tokenIn(mailbox.getMailsSentTo(email(p, suffix)).get(0)), p);
    }
    browser.get(study + "/outbox");
    browsers.check(browser, "outbox");

    browser.get(firstRound);
    confirmByKeyboard(browser, "Close round 1");
    Browser.waitForPath(browser, firstRound.replaceAll(".*/console", "/console"));
    browser.get(firstRound + "/late-saves");
    browsers.check(browser, "late saves");
    browser.get(study + "/results");
    String results = main(browser);
    assertThat(results, containsString("1 consensus in, 1 consensus out, 1 no consensus"));
    browsers.check(browser, "results");
    // The picture shows the statements, below the summary and the filters.
    ((JavascriptExecutor) browser)
        .executeScript("document.querySelector('.results-section h2').scrollIntoView()");
    Browser.screenshots(browser, "console-results");

    // Between rounds: build round 2 from the proposal, reword the statement the panel split on.
    browser.get(firstRound + "/next");
    browsers.check(browser, "proposal");
    submit(browser);
    Browser.waitForPath(browser, "/prepare");
    String secondRound = browser.getCurrentUrl().split("/prepare")[0];
    browsers.check(browser, "prepare");
    browser.findElement(By.xpath("//summary[contains(., 'Reword statement')]")).click();
    WebElement wording = browser.findElement(By.cssSelector("details.reword[open] textarea"));
    wording.clear();
    wording.sendKeys(REWORDED);
    browser
        .findElement(By.cssSelector("details.reword[open] input[type=text]"))
        .sendKeys("Comments found a week too short");
    WebElement reword =
        browser.findElement(By.cssSelector("details.reword[open] button[type=submit]"));
    navigates(browser, reword::click);
    Browser.waitForPath(browser, "/prepare");
    assertThat(main(browser), containsString(REWORDED));

    browser.get(secondRound + "/preview");
    assertThat(browser.findElement(By.tagName("body")).getText(), containsString(REWORDED));
    browsers.check(browser, "preview");

    dispatcher.dispatchDue(); // the thank-you emails of round 1
    mailbox.clear();
    browser.get(secondRound);
    confirmByKeyboard(browser, "Open round 2");
    Browser.waitForPath(browser, secondRound.replaceAll(".*/console", "/console"));
    dispatcher.dispatchDue();
    assertThat(mailbox.getMailsSentTo(email(1, suffix)).size(), equalTo(1));
    browsers.check(browser, "round 2 open");

    browser.get(study + "/report");
    browsers.check(browser, "report");
    WebElement reportLink = browser.findElement(By.cssSelector("main a[href$='report.html']"));
    navigates(browser, reportLink::click);
    assertThat(
        browser.findElement(By.tagName("body")).getText(), containsString("Walkthrough study"));
    Cookie session = browser.manage().getCookieNamed("concord-session");
    byte[] pdf =
        given()
            .cookie(session.getName(), session.getValue())
            .get(at(study.replaceAll(".*/console", "/console") + "/report/report.pdf"))
            .then()
            .statusCode(200)
            .contentType("application/pdf")
            .extract()
            .asByteArray();
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII), startsWith("%PDF"));

    browser.get(study + "/audit");
    browsers.check(browser, "audit log");
    assertThat("serious or critical accessibility violations", browsers.findings(), empty());
  }

  private static String email(int panelist, String suffix) {
    return "walk-p" + panelist + "-" + suffix + "@example.org";
  }

  private static String main(WebDriver browser) {
    return browser.findElement(By.tagName("main")).getText();
  }

  /** Sends the main form, as Enter on its first submit button does, and waits for the answer. */
  private static void submit(WebDriver browser) {
    WebElement button = browser.findElement(By.cssSelector("main form button[type=submit]"));
    navigates(browser, () -> button.sendKeys(Keys.ENTER));
  }

  /** Runs an action that leaves the page, and waits until the next page has loaded. */
  private static void navigates(WebDriver browser, Runnable action) {
    WebElement page = browser.findElement(By.tagName("html"));
    action.run();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(driver -> isGone(page));
    wait.until(
        driver ->
            "complete"
                .equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
  }

  /**
   * Whether the old page's root is gone. Chromium answers a node torn down mid-navigation with
   * "does not belong to the document" rather than as stale: both mean the page was left.
   */
  private static boolean isGone(WebElement page) {
    try {
      page.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    } catch (WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  /** Opens a confirmation by its summary and sends it, with the keyboard alone. */
  private static void confirmByKeyboard(WebDriver browser, String action) {
    Browser.tabTo(browser, By.xpath("//summary[contains(., '" + action + "')]"))
        .sendKeys(Keys.ENTER);
    WebElement button =
        Browser.tabTo(
            browser,
            By.xpath(
                "//details[@open]//button[@type='submit' and contains(., '"
                    + action.replace("Open", "open").replace("Close", "close")
                    + "')]"));
    navigates(browser, () -> button.sendKeys(Keys.ENTER));
  }

  /** A panelist's answers through their link, saved and submitted. */
  @SuppressWarnings("unchecked")
  private void answer(String token, int panelist) {
    List<Map<String, Object>> ratings = new ArrayList<>();
    List<Map<String, Object>> comments = new ArrayList<>();
    List<Map<String, Object>> sections =
        given().basePath("/p/" + token + "/api").get("/round").jsonPath().getList("sections");
    for (Map<String, Object> section : sections) {
      for (Map<String, Object> item : (List<Map<String, Object>>) section.get("items")) {
        int[] values = RATINGS.get((String) item.get("text"));
        ratings.add(Map.of("itemId", item.get("itemId"), "value", values[panelist - 1]));
        if (panelist == 1 && SPLIT.equals(item.get("text"))) {
          comments.add(
              Map.of("itemId", item.get("itemId"), "text", "A week is too short for some people"));
        }
      }
    }
    Map<String, Object> body = new HashMap<>();
    body.put("consent", true);
    body.put("ratings", ratings);
    body.put("comments", comments);
    given()
        .basePath("/p/" + token + "/api")
        .contentType(ContentType.JSON)
        .body(body)
        .put("/response")
        .then()
        .statusCode(200);
    given().basePath("/p/" + token + "/api").post("/response/submit").then().statusCode(200);
  }
}
