package org.concord.response.pages;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.concord.web.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A round in Welsh end to end in a real Chromium: a panelist whose panel file says {@code cy} opens
 * the emailed link (no {@code ?lang=}), consents, rates a section, meets the review page's error,
 * sends, switches language and back, and visits the withdraw page; axe-core on every page state.
 */
@QuarkusTest
class WelshRoundBrowserTest {

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
  void aWelshPanelistAnswersARoundInWelshFromTheEmailedLink() throws Exception {
    mailbox.clear();
    long study =
        asCoordinator()
            .contentType(ContentType.JSON)
            .body(Map.of("title", "Connecting People study", "protocol", TestStudies.SMALL_PANEL))
            .post("/api/studies")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    asCoordinator()
        .contentType("text/csv; charset=UTF-8")
        .body(
            "section,statement,introduction,section_cy,statement_cy,introduction_cy\n"
                + "Meeting people,Workers ask what matters to the person.,How the first meeting"
                + " goes.,Cwrdd â phobl,Mae gweithwyr yn gofyn beth sy'n bwysig i'r person.,"
                + "Sut mae'r cyfarfod cyntaf yn mynd.\n"
                + "Meeting people,Workers keep in touch after the first meeting.,,,,\n")
        .post("/api/studies/" + study + "/guidance")
        .then()
        .statusCode(200);
    asCoordinator()
        .contentType("text/csv; charset=UTF-8")
        .body("name,email,group,language\nCarys,carys-" + study + "@example.org,Carers,cy\n")
        .post("/api/studies/" + study + "/panel")
        .then()
        .statusCode(200);
    long round =
        asCoordinator()
            .contentType(ContentType.JSON)
            .body("{}")
            .post("/api/studies/" + study + "/rounds")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    TestStudies.open(round);
    dispatcher.dispatchDue();

    // The invitation reaches her in Welsh, with her personal link.
    List<Mail> mails = mailbox.getMailsSentTo("carys-" + study + "@example.org");
    assertThat(mails.size(), equalTo(1));
    assertThat(mails.get(0).getText(), containsString("Annwyl Carys,"));
    assertThat(mails.get(0).getText(), containsString("Rydych yn cael eich gwahodd i rownd 1"));
    assertThat(mails.get(0).getHtml(), containsString("<html lang=\"cy\""));
    String token = Links.tokenIn(mails.get(0));
    String link = root.toString().replaceAll("/$", "") + "/p/" + token;

    WebDriver driver = browsers.open();
    driver.get(link);
    assertThat(lang(driver), equalTo("cy"));
    assertThat(driver.findElement(By.tagName("h1")).getText(), equalTo("Croeso i rownd 1"));
    assertThat(
        driver.findElement(By.cssSelector(".site-name span")).getAttribute("lang"), equalTo("en"));
    browsers.check(driver, "welcome (cy)");
    Browser.screenshots(driver, "welsh-welcome");

    driver.findElement(By.cssSelector("label[for=consent]")).click();
    driver.findElement(By.cssSelector(".start-form button[type=submit]")).click();
    Browser.waitForPath(driver, "/sections/1");
    assertThat(lang(driver), equalTo("cy"));
    assertThat(driver.findElement(By.tagName("h1")).getText(), equalTo("Cwrdd â phobl"));
    List<WebElement> texts = driver.findElements(By.cssSelector(".statement-text"));
    assertThat(
        texts.get(0).getText(), equalTo("Mae gweithwyr yn gofyn beth sy'n bwysig i'r person."));
    assertThat(texts.get(0).getAttribute("lang"), equalTo(""));
    assertThat(texts.get(1).getText(), equalTo("Workers keep in touch after the first meeting."));
    assertThat(texts.get(1).getAttribute("lang"), equalTo("en"));
    assertThat(driver.getPageSource(), containsString("Cytuno'n gryf"));
    assertThat(driver.getPageSource(), containsString("Ni allaf roi sgôr i hyn"));
    assertThat(driver.getPageSource(), not(containsString("Strongly agree")));
    browsers.check(driver, "section (cy)");
    Browser.screenshots(driver, "welsh-section");

    // One statement rated, then "Check and send": the review page says what is missing, in Welsh.
    List<Long> items = items(driver);
    driver.findElement(By.cssSelector("label[for=rating-" + items.get(0) + "-8]")).click();
    driver.findElement(By.cssSelector("button[value=continue]")).click();
    Browser.waitForPath(driver, "/review");
    driver.findElement(By.cssSelector(".submit-form button[type=submit]")).click();
    Browser.waitForTitle(driver, "Gwall: ");
    assertThat(driver.getCurrentUrl(), containsString("/review"));
    assertThat(lang(driver), equalTo("cy"));
    assertThat(driver.findElements(By.cssSelector(".error-summary")).size(), equalTo(1));
    assertThat(
        driver.findElement(By.cssSelector(".answers .missing .statement-text[lang=en]")).getText(),
        equalTo("Workers keep in touch after the first meeting."));
    browsers.check(driver, "review with an error (cy)");
    Browser.screenshots(driver, "welsh-review-error");

    driver.get(link + "/sections/1");
    driver.findElement(By.cssSelector("label[for=rating-" + items.get(1) + "-unable]")).click();
    driver.findElement(By.cssSelector("button[value=continue]")).click();
    Browser.waitForPath(driver, "/review");
    driver.findElement(By.cssSelector(".submit-form button[type=submit]")).click();
    Browser.waitForPath(driver, "/thanks");
    assertThat(lang(driver), equalTo("cy"));
    browsers.check(driver, "thanks (cy)");
    dispatcher.dispatchDue();
    mails = mailbox.getMailsSentTo("carys-" + study + "@example.org");
    assertThat(mails.size(), equalTo(2));
    assertThat(mails.get(1).getSubject(), containsString("Diolch am eich atebion i rownd 1"));

    // The language switch: English, remembered, then back to Welsh.
    driver.findElement(By.cssSelector(".language-switch button[value=en]")).click();
    Browser.waitForPath(driver, "/thanks");
    assertThat(lang(driver), equalTo("en"));
    driver.get(link);
    assertThat(lang(driver), equalTo("en"));
    browsers.check(driver, "welcome after switching (en)");
    driver.findElement(By.cssSelector(".language-switch button[value=cy]")).click();
    Browser.waitForPathMatching(driver, ".*/p/" + token);
    assertThat(lang(driver), equalTo("cy"));

    driver.get(link + "/withdraw");
    assertThat(lang(driver), equalTo("cy"));
    browsers.check(driver, "withdraw (cy)");
    Browser.screenshots(driver, "welsh-withdraw");

    assertThat("serious or critical accessibility violations", browsers.findings(), empty());
  }

  private static String lang(WebDriver driver) {
    return driver.findElement(By.tagName("html")).getAttribute("lang");
  }

  private static List<Long> items(WebDriver driver) {
    return driver.findElements(By.cssSelector("fieldset.statement")).stream()
        .map(f -> Long.valueOf(f.getAttribute("data-item")))
        .toList();
  }
}
