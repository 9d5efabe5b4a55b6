package org.concord.response.pages;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

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
import java.util.function.BooleanSupplier;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.concord.web.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * Saving, errors and "Check your answers" in a real Chromium: where the focus goes after an error,
 * a change link or the "why did you change" step, a long comment typed with line breaks, and what
 * autosave says when the round closed under the panelist; axe-core on each state in English and
 * Welsh.
 */
@QuarkusTest
class PanelistFormsBrowserTest {

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
  void errorsChangeLinksAndReasonsTakeTheFocusAndAutosaveSaysWhenItCouldNotSave() throws Exception {
    mailbox.clear();
    long[] ids = TestStudies.withDraftRound("Forms browser study", 3, 2, null);
    long study = ids[0];
    long round1 = ids[1];
    TestStudies.open(round1);
    dispatcher.dispatchDue();
    String token = Links.tokenIn(mailbox.getMailsSentTo("p1-" + study + "@example.org").get(0));
    String other = Links.tokenIn(mailbox.getMailsSentTo("p2-" + study + "@example.org").get(0));
    String link = root.toString().replaceAll("/$", "") + "/p/" + token;
    WebDriver driver = browsers.open();

    // Sending without ticking the consent box: the page comes back at its own address, with
    // "Error:" in its title and the focus on the summary of errors.
    for (String lang : List.of("", "?lang=cy")) {
      driver.get(link + "/review" + lang);
      driver.findElement(By.cssSelector(".submit-form button[type=submit]")).click();
      String prefix = lang.isEmpty() ? "Error: " : "Gwall: ";
      waitUntil(() -> driver.getTitle().startsWith(prefix), "the title of the error page");
      assertThat(driver.getTitle(), startsWith(prefix));
      assertThat(activeId(driver), equalTo("error-summary"));
      String path = driver.getCurrentUrl().split("\\?")[0];
      assertThat(path, endsWith("/p/" + token + "/review"));
      assertThat(path, not(endsWith("/submit")));
      browsers.check(driver, "review with an error" + lang);
      if (lang.isEmpty()) {
        Browser.screenshots(driver, "review-error");
      }
    }

    // A 2,000-character comment with line breaks, typed in the box, is saved by the form.
    driver.get(link);
    driver.findElement(By.id("consent")).click();
    driver.findElement(By.cssSelector(".start-form button[type=submit]")).click();
    Browser.waitForPath(driver, "/sections/1");
    List<Long> items = items(driver);
    StringBuilder typed = new StringBuilder();
    for (int i = 1; i <= 2000; i++) {
      typed.append(i % 50 == 25 ? "\n" : "a");
    }
    WebElement box = driver.findElement(By.id("comment-" + items.get(0)));
    box.sendKeys(typed.toString());
    assertThat(js(driver, "return arguments[0].value.length;", box), equalTo(2000L));
    int[] ratings = {5, 5, 9};
    for (int i = 0; i < items.size(); i++) {
      choose(driver, items.get(i), ratings[i]);
    }
    driver.findElement(By.cssSelector("button[value=continue]")).click();
    Browser.waitForPath(driver, "/review");
    String saved =
        RestAssured.given()
            .get("/p/" + token + "/api/round")
            .jsonPath()
            .getString("response.comments.find { it.itemId == " + items.get(0) + " }.text");
    assertThat(saved.length(), equalTo(2000));

    // "Check your answers": each change link lands on its statement, in view and focused.
    for (String lang : List.of("", "?lang=cy")) {
      driver.get(link + "/review" + lang);
      browsers.check(driver, "review with every answer" + lang);
      if (lang.isEmpty()) {
        Browser.screenshots(driver, "review-every-answer");
      }
      String name =
          lang.isEmpty() ? "Change your answer to statement 2" : "Newid eich ateb i ddatganiad 2";
      driver.findElement(By.cssSelector("a[aria-label='" + name + "']")).click();
      String landing = "/sections/1" + lang + "#statement-" + items.get(1);
      waitUntil(() -> driver.getCurrentUrl().endsWith(landing), landing);
      waitUntil(
          () -> ("statement-" + items.get(1)).equals(activeId(driver)), "focus on the statement");
      WebElement statement = driver.findElement(By.id("statement-" + items.get(1)));
      assertThat(
          js(
              driver,
              "var r = arguments[0].getBoundingClientRect();"
                  + " return r.top >= 0 && r.top < window.innerHeight;",
              statement),
          equalTo(true));
      browsers.check(driver, "section reached by a change link" + lang);
    }
    driver.get(link + "/review");
    driver.findElement(By.cssSelector(".submit-form button[type=submit]")).click();
    Browser.waitForPath(driver, "/thanks");

    answerByApi(other);
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

    // A rating in another band than in round 1: the page comes back at the first reason box.
    driver.get(link + "/sections/1");
    List<Long> carried = items(driver);
    assertThat(carried.size(), equalTo(2));
    for (int i = 0; i < carried.size(); i++) {
      String lang = i == 0 ? "" : "?lang=cy";
      long item = carried.get(i);
      driver.get(link + "/sections/1" + lang);
      choose(driver, item, 8);
      driver.findElement(By.cssSelector("button[value=continue]")).click();
      waitUntil(() -> driver.getCurrentUrl().contains("reasons=true"), "the reasons step");
      assertThat(driver.getCurrentUrl(), endsWith("#reason-" + item));
      waitUntil(() -> ("reason-" + item).equals(activeId(driver)), "focus on the reason box");
      assertThat(driver.findElements(By.cssSelector(".question")).size(), equalTo(1));
      assertThat(driver.findElements(By.cssSelector(".notice")).isEmpty(), equalTo(true));
      browsers.check(driver, "reasons step" + lang);
      if (lang.isEmpty()) {
        Browser.screenshots(driver, "reasons-step");
      }
    }

    // Autosave says "saved" next to the statement, and after the round closed says it was not.
    driver.get(link + "/sections/1");
    String english = driver.getWindowHandle();
    choose(driver, carried.get(0), 7);
    waitForText(driver, "autosave-" + carried.get(0), "Your answer was saved.");
    driver.switchTo().newWindow(WindowType.TAB);
    driver.get(link + "/sections/1?lang=cy");
    String welsh = driver.getWindowHandle();
    asCoordinator().post("/api/rounds/" + round2 + "/close").then().statusCode(200);
    choose(driver, carried.get(1), 9);
    waitForText(driver, "autosave-" + carried.get(1), "Heb ei gadw — mae'r rownd wedi cau.");
    assertInStatement(driver, carried.get(1));
    browsers.check(driver, "autosave not saved?lang=cy");
    driver.switchTo().window(english);
    choose(driver, carried.get(0), 6);
    waitForText(driver, "autosave-" + carried.get(0), "Not saved — the round has closed.");
    assertInStatement(driver, carried.get(0));
    browsers.check(driver, "autosave not saved");
    Browser.screenshots(driver, "autosave-not-saved");
    driver.switchTo().window(welsh).close();
    driver.switchTo().window(english);

    assertThat("serious or critical accessibility violations", browsers.findings(), empty());
  }

  private static void assertInStatement(WebDriver driver, long item) {
    WebElement status = driver.findElement(By.id("autosave-" + item));
    assertThat(
        js(driver, "return arguments[0].closest('fieldset').id;", status),
        equalTo("statement-" + item));
    assertThat(status.getAttribute("role"), equalTo("status"));
  }

  /** Chooses a point by its label, as a mouse or a finger does. */
  private static void choose(WebDriver driver, long item, int value) {
    driver.findElement(By.cssSelector("label[for='rating-" + item + "-" + value + "']")).click();
  }

  private static Object js(WebDriver driver, String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  private static String activeId(WebDriver driver) {
    return (String) js(driver, "return document.activeElement && document.activeElement.id;");
  }

  private static void waitForText(WebDriver driver, String id, String text)
      throws InterruptedException {
    waitUntil(
        () -> text.equals(driver.findElement(By.id(id)).getText()), "\"" + text + "\" at " + id);
  }

  private static void waitUntil(BooleanSupplier condition, String what)
      throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Waited in vain for " + what);
  }

  /** The other panelist answers round 1 with 5, 5 and 9, so that two statements go on. */
  private static void answerByApi(String token) {
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

  private static List<Long> items(WebDriver driver) {
    List<Long> items = new ArrayList<>();
    for (WebElement fieldset : driver.findElements(By.cssSelector("fieldset.statement"))) {
      items.add(Long.valueOf(fieldset.getAttribute("data-item")));
    }
    return items;
  }
}
