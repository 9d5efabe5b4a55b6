package org.concord.response.pages;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.concord.web.Browser;
import org.concord.web.ConsoleSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

/**
 * The pages that say who is asking, in a real Chromium with axe-core: the welcome page with its
 * footer in English and Welsh, the information sheet, the withdraw page, the closed round and the
 * inactive link.
 */
@QuarkusTest
class PanelistTrustBrowserTest {

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
  void theTrustPagesPassAxeAndTheInformationSheetIsReachedFromTheConsentBox() throws Exception {
    mailbox.clear();
    TestStudies.Ids ids = TestStudies.study("Trust browser study").panelists(1).draftRound();
    ConsoleSession.coordinator()
        .post(
            "/console/studies/" + ids.study() + "/details",
            PanelistTrustTest.details("Trust browser study"))
        .then()
        .statusCode(303);
    TestStudies.open(ids.round());
    dispatcher.dispatchDue();
    String token =
        Links.tokenIn(mailbox.getMailsSentTo("p1-" + ids.study() + "@example.org").get(0));
    String base = root.toString().replaceAll("/$", "") + "/p/" + token;

    WebDriver browser = browsers.open();
    browser.get(base);
    browsers.check(browser, "welcome with the study's details");
    Browser.screenshots(browser, "trust-welcome");
    Browser.tabTo(browser, By.cssSelector(".field.check label a")).sendKeys(Keys.ENTER);
    Browser.waitForPath(browser, "/p/" + token + "/information");
    assertThat(browser.getTitle(), containsString("Trust browser study"));
    browsers.check(browser, "information sheet");
    Browser.screenshots(browser, "trust-information");

    browser.get(base + "?lang=cy");
    browsers.check(browser, "welcome in Welsh");
    browser.get(base + "/information?lang=cy");
    browsers.check(browser, "information sheet in Welsh");
    browser.get(base + "/withdraw");
    browsers.check(browser, "withdraw");

    asCoordinator().post("/api/rounds/" + ids.round() + "/close").then().statusCode(200);
    browser.get(base);
    browsers.check(browser, "closed round");
    browser.get(root.toString().replaceAll("/$", "") + "/p/" + "B".repeat(43));
    browsers.check(browser, "inactive link");

    assertThat("serious or critical accessibility violations", browsers.findings(), empty());
  }
}
