package org.concord.web;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.concord.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

/**
 * A member of the study team in a real Chromium: signs in, sets up a study from the console's
 * forms, and meets no serious or critical axe-core violation on the way.
 */
@QuarkusTest
class ConsoleBrowserTest {

  @TestHTTPResource("/")
  URL root;

  private final Browser browsers = new Browser();

  @AfterEach
  void closeBrowsers() {
    browsers.close();
  }

  private String at(String path) {
    return root.toString().replaceAll("/$", "") + path;
  }

  @Test
  void aCoordinatorSignsInAndSetsUpAStudyWithTheKeyboard() throws Exception {
    WebDriver browser = browsers.open();
    browser.get(at("/console"));
    Browser.waitForPath(browser, "/console/login");
    browsers.check(browser, "sign in");
    Browser.screenshots(browser, "console-sign-in");

    browser.findElement(By.id("j_password")).sendKeys("wrong password");
    Browser.tabTo(browser, By.id("j_username")).sendKeys(Api.COORDINATOR);
    Browser.tabTo(browser, By.cssSelector("form button[type=submit]")).sendKeys(Keys.ENTER);
    Browser.waitForPath(browser, "/console/login");
    assertThat(
        browser.findElement(By.tagName("main")).getText(),
        containsString("The email or the password is wrong"));
    browsers.check(browser, "sign in failed");

    browser.findElement(By.id("j_username")).sendKeys(Api.COORDINATOR);
    browser.findElement(By.id("j_password")).sendKeys(Api.COORDINATOR_PASSWORD + Keys.ENTER);
    Browser.waitForPath(browser, "/console");
    browsers.check(browser, "studies");

    browser.get(at("/console/studies/new"));
    browsers.check(browser, "new study");
    // Sent empty first: the error summary links to the field.
    Browser.tabTo(browser, By.cssSelector("main form button[type=submit]")).sendKeys(Keys.ENTER);
    assertThat(
        browser.findElement(By.cssSelector(".error-summary a")).getAttribute("href"),
        containsString("#title"));
    browsers.check(browser, "new study with an error");
    Browser.tabTo(browser, By.id("title")).sendKeys("Connecting People practice guidance");
    Browser.tabTo(browser, By.cssSelector("main form button[type=submit]")).sendKeys(Keys.ENTER);
    Browser.waitForPathMatching(browser, ".*/console/studies/\\d+");
    String overview = browser.getCurrentUrl().split("\\?")[0];
    browsers.check(browser, "overview");
    Browser.screenshots(browser, "console-overview");

    browser.get(overview + "/details");
    browser.findElement(By.id("organisation")).sendKeys("University of Example");
    browser.findElement(By.id("contactName")).sendKeys("Dr Ann Example");
    browser.findElement(By.id("contactEmail")).sendKeys("ann@example.org");
    Browser.tabTo(browser, By.cssSelector("main form button[type=submit]")).sendKeys(Keys.ENTER);
    Browser.waitForPath(browser, "/details");
    assertThat(
        browser.findElement(By.cssSelector(".notice")).getText(),
        containsString("The details are saved"));
    browsers.check(browser, "details");

    browser.get(at("/console/accounts"));
    browsers.check(browser, "team");
    browser.get(at("/console/account"));
    browsers.check(browser, "account");

    assertThat("serious or critical accessibility violations", browsers.findings(), empty());
  }
}
