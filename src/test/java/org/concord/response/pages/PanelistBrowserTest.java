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
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.concord.web.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A panelist in a real Chromium (Debian's chromium and chromium-driver, which .ci/run installs):
 * round 1 with the keyboard only, round 2 left half-way and resumed on a fresh browser profile,
 * axe-core on every page, screenshots under target/screenshots.
 */
@QuarkusTest
class PanelistBrowserTest {

  @TestHTTPResource("/")
  URL root;

  @Inject MockMailbox mailbox;
  @Inject MailDispatcher dispatcher;

  private final Browser browsers = new Browser();

  @AfterEach
  void closeBrowsers() {
    browsers.close();
  }

  @Test
  void aPanelistAnswersByKeyboardResumesOnAnotherDeviceAndSeesTheFeedback() throws Exception {
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
    WebDriver first = browsers.open();
    first.get(link);
    browsers.check(first, "welcome");
    Browser.screenshots(first, "welcome");
    Browser.tabTo(first, By.id("consent")).sendKeys(Keys.SPACE);
    Browser.tabTo(first, By.cssSelector(".start-form button[type=submit]")).sendKeys(Keys.ENTER);
    Browser.waitForPath(first, "/sections/1");
    browsers.check(first, "section");
    Browser.screenshots(first, "section");
    List<Long> items = items(first);
    int[] ratings = {5, 5, 9};
    for (int i = 0; i < items.size(); i++) {
      rateByKeyboard(first, items.get(i), ratings[i]);
    }
    Browser.tabTo(first, By.cssSelector("button[value=continue]")).sendKeys(Keys.ENTER);
    Browser.waitForPath(first, "/review");
    browsers.check(first, "review");
    Browser.tabTo(first, By.cssSelector(".submit-form button[type=submit]")).sendKeys(Keys.ENTER);
    Browser.waitForPath(first, "/thanks");
    browsers.check(first, "thanks");

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
    Browser.tabTo(first, By.cssSelector("button[value=continue]")).sendKeys(Keys.ENTER);
    Browser.waitForPath(first, "/sections/1");
    browsers.quit(first);

    // A fresh profile, as on another device: the saved answer, the chart and the earlier rating.
    WebDriver second = browsers.open();
    second.get(link);
    browsers.check(second, "welcome round 2");
    second.get(link + "/sections/1");
    browsers.check(second, "section round 2");
    Browser.screenshots(second, "section-round-2");
    WebElement firstItem = second.findElement(By.id("statement-" + carried.get(0)));
    assertThat(
        second.findElement(By.id("rating-" + carried.get(0) + "-8")).isSelected(), equalTo(true));
    assertThat(firstItem.findElements(By.cssSelector(".chart-plot[role=img]")).size(), equalTo(1));
    assertThat(firstItem.findElements(By.tagName("table")).isEmpty(), equalTo(false));
    assertThat(firstItem.getText(), containsString("5"));
    rateByKeyboard(second, carried.get(1), 5);
    Browser.tabTo(second, By.cssSelector("button[value=continue]")).sendKeys(Keys.ENTER);
    Browser.waitForPath(second, "/review");
    Browser.tabTo(second, By.cssSelector(".submit-form button[type=submit]")).sendKeys(Keys.ENTER);
    Browser.waitForPath(second, "/thanks");
    RestAssured.given()
        .get("/p/" + token + "/api/round")
        .then()
        .body("response.state", equalTo("SUBMITTED"))
        .body("response.answered", equalTo(2));

    // The remaining pages: withdraw, an inactive link, a closed round.
    second.get(link + "/withdraw");
    browsers.check(second, "withdraw");
    second.get(root.toString() + "p/" + "A".repeat(43));
    browsers.check(second, "inactive link");
    asCoordinator().post("/api/rounds/" + round2 + "/close").then().statusCode(200);
    second.get(link);
    browsers.check(second, "closed round");

    assertThat("serious or critical accessibility violations", browsers.findings(), empty());
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
    Browser.tabTo(driver, By.id(entry.getAttribute("id")));
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
}
