package org.concord.response.pages;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.concord.web.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The scale and the feedback of a round-2 section page in Chromium: the points in one row at 768
 * and 1280 px and in one list at 320 px, measured by their boxes; no label overflowing its tile
 * under the WCAG 1.4.12 text-spacing override; the chart's numbers, bars and axis kept in forced
 * colours; axe-core in English and Welsh at each width; the README's screenshots.
 */
@QuarkusTest
class RatingScaleBrowserTest {

  /** The text spacing of WCAG 1.4.12, as the usual bookmarklet sets it. */
  private static final String TEXT_SPACING =
      "const sheet = document.styleSheets[0];"
          + "sheet.insertRule('* { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
          + " word-spacing: 0.16em !important; }', sheet.cssRules.length);"
          + "sheet.insertRule('p { margin-bottom: 2em !important; }', sheet.cssRules.length);";

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
  void theScaleIsOneRowWhereItFitsOneListWhereNotAndTheChartSurvivesForcedColours()
      throws Exception {
    String link = roundTwoLink();
    ChromeDriver driver = (ChromeDriver) browsers.open();

    for (String lang : List.of("", "?lang=cy")) {
      for (int width : new int[] {320, 768, 1280}) {
        viewport(driver, width);
        driver.get(link + "/sections/1" + lang);
        assertThat(
            ((Number) js(driver).executeScript("return window.innerWidth")).intValue(),
            equalTo(width));
        List<Map<String, Number>> points = boxes(driver, ".scale:not(.unable) .point");
        assertThat(points.size(), equalTo(2 * 9));
        for (int s = 0; s < 2; s++) {
          List<Map<String, Number>> scale = points.subList(s * 9, s * 9 + 9);
          // The Welsh labels' longest word ("Anghytuno'n") does not fit a ninth of the 46rem text
          // column, so the Welsh scale is one list at every width; never a row of 8 and a 9th.
          if (width == 320 || !lang.isEmpty()) {
            assertOneList(scale, width + lang);
          } else {
            assertOneRow(scale, width + lang);
          }
        }
        assertNothingOverflows(driver, width + lang);
        // The chart's numbers keep a readable size on a phone.
        for (Map<String, Number> count : boxes(driver, ".chart .count")) {
          assertThat(
              "chart number size at " + width,
              count.get("fontSize").doubleValue(),
              greaterThanOrEqualTo(14.0));
        }
        browsers.check(driver, "round 2 section at " + width + lang);
      }
    }

    // The WCAG 1.4.12 text spacing at 320 px: still one list, no label out of its tile.
    viewport(driver, 320);
    driver.get(link + "/sections/1");
    js(driver).executeScript(TEXT_SPACING);
    assertThat(
        (String) js(driver).executeScript("return getComputedStyle(document.body).letterSpacing"),
        not(equalTo("normal")));
    assertOneList(boxes(driver, ".scale:not(.unable) .point").subList(0, 9), "320 spaced");
    assertNothingOverflows(driver, "320 with text spacing");
    viewport(driver, 768);
    assertNothingOverflows(driver, "768 with text spacing");

    // Forced colours (Windows high contrast): the chart's text, bars and axis stay visible.
    viewport(driver, 1280);
    driver.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "forced-colors", "value", "active"))));
    driver.get(link + "/sections/1");
    assertThat(
        js(driver).executeScript("return matchMedia('(forced-colors: active)').matches"),
        equalTo(true));
    String background =
        (String)
            js(driver)
                .executeScript(
                    "return getComputedStyle(document.querySelector('.feedback')).backgroundColor");
    for (String selector :
        List.of(".chart .count", ".chart-values .value", ".chart .axis-title", "figcaption")) {
      for (Map<String, Object> style : styles(driver, selector, "color")) {
        assertVisible(selector + " text", (String) style.get("value"), background);
      }
    }
    for (Map<String, Object> style : styles(driver, ".chart .bar:not(.h0)", "background-color")) {
      assertVisible("bar", (String) style.get("value"), background);
    }
    for (Map<String, Object> style : styles(driver, ".chart .chart-bars", "border-bottom-color")) {
      assertVisible("axis", (String) style.get("value"), background);
    }
    browsers.check(driver, "round 2 section in forced colours");
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));

    // The README's screenshots of the round-2 page, phone and desktop, whole page.
    Path docs = Path.of("docs", "screenshots");
    Files.createDirectories(docs);
    for (int width : new int[] {375, 1280}) {
      viewport(driver, width);
      driver.get(link + "/sections/1");
      long height =
          ((Number) js(driver).executeScript("return document.documentElement.scrollHeight"))
              .longValue();
      driver.executeCdpCommand(
          "Emulation.setDeviceMetricsOverride",
          Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(docs.resolve("panelist-round2-" + width + ".png"), png);
    }

    assertThat("serious or critical accessibility violations", browsers.findings(), empty());
  }

  private static void assertOneRow(List<Map<String, Number>> points, String where) {
    Map<String, Number> first = points.get(0);
    for (int i = 1; i < points.size(); i++) {
      Map<String, Number> p = points.get(i);
      assertThat("same top at " + where + " " + points, near(p, first, "top"), equalTo(true));
      assertThat("same width at " + where + " " + points, near(p, first, "width"), equalTo(true));
      assertThat("same height at " + where, near(p, first, "height"), equalTo(true));
      assertThat(
          "left to right at " + where,
          p.get("left").doubleValue(),
          greaterThanOrEqualTo(points.get(i - 1).get("right").doubleValue()));
    }
  }

  private static void assertOneList(List<Map<String, Number>> points, String where) {
    Map<String, Number> first = points.get(0);
    for (int i = 1; i < points.size(); i++) {
      Map<String, Number> p = points.get(i);
      assertThat("same left at " + where, near(p, first, "left"), equalTo(true));
      assertThat("same width at " + where + " " + points, near(p, first, "width"), equalTo(true));
      assertThat(
          "top to bottom at " + where,
          p.get("top").doubleValue(),
          greaterThanOrEqualTo(points.get(i - 1).get("bottom").doubleValue()));
    }
  }

  /** No tile, label or chart number wider than its box, no label outside its tile. */
  @SuppressWarnings("unchecked")
  private static void assertNothingOverflows(WebDriver driver, String where) {
    List<String> overflowing =
        (List<String>)
            js(driver)
                .executeScript(
                    "const out = [];"
                        + "for (const e of document.querySelectorAll('.point, .point-label,"
                        + " .point-number, .chart .count, .chart-values .value')) {"
                        + "  if (e.scrollWidth > e.clientWidth + 1) out.push(e.className + ' '"
                        + " + e.textContent.trim() + ': ' + e.scrollWidth + ' > ' + e.clientWidth);"
                        + "}"
                        + "for (const l of document.querySelectorAll('.point-label')) {"
                        + "  const t = l.closest('.point').getBoundingClientRect();"
                        + "  const r = l.getBoundingClientRect();"
                        + "  if (r.right > t.right + 1 || r.left < t.left - 1 || r.bottom > t.bottom"
                        + " + 1) out.push('outside its tile: ' + l.textContent.trim());"
                        + "}"
                        + "return out;");
    assertThat("overflowing at " + where, overflowing, empty());
  }

  private static boolean near(Map<String, Number> a, Map<String, Number> b, String key) {
    return Math.abs(a.get(key).doubleValue() - b.get(key).doubleValue()) <= 1.0;
  }

  private static void assertVisible(String what, String colour, String background) {
    assertThat(what + " colour", colour, not(equalTo("rgba(0, 0, 0, 0)")));
    assertThat(what + " colour against " + background, colour, not(equalTo(background)));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Number>> boxes(WebDriver driver, String selector) {
    return (List<Map<String, Number>>)
        js(driver)
            .executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(e => {"
                    + " const r = e.getBoundingClientRect();"
                    + " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right,"
                    + " width: r.width, height: r.height,"
                    + " fontSize: parseFloat(getComputedStyle(e).fontSize)}; });",
                selector);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> styles(
      WebDriver driver, String selector, String property) {
    List<Map<String, Object>> found =
        (List<Map<String, Object>>)
            js(driver)
                .executeScript(
                    "return [...document.querySelectorAll(arguments[0])].map(e =>"
                        + " ({value: getComputedStyle(e).getPropertyValue(arguments[1])}));",
                    selector,
                    property);
    assertThat("elements " + selector, found.size(), greaterThan(0));
    return found;
  }

  /** The viewport exactly {@code width} px wide, as on a phone or a desktop. */
  private static void viewport(ChromeDriver driver, int width) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
  }

  private static JavascriptExecutor js(WebDriver driver) {
    return (JavascriptExecutor) driver;
  }

  /**
   * Round 1 answered by five panelists (two statements: 2, 3, 8, 8, 9 and 5, 5, 6, unable, 4),
   * closed, round 2 open: the first panelist's link.
   */
  private String roundTwoLink() {
    mailbox.clear();
    TestStudies.Ids ids =
        TestStudies.study("Rating scale study")
            .sections(2)
            .statementsNamed("Peer workers are offered regular supervision, statement ")
            .panelists(5)
            .groups(i -> i <= 3 ? "Practitioners" : "Carers")
            .draftRound();
    TestStudies.open(ids.round());
    dispatcher.dispatchDue();
    List<String> tokens = new ArrayList<>();
    for (int p = 1; p <= 5; p++) {
      tokens.add(
          Links.tokenIn(
              mailbox.getMailsSentTo("p" + p + "-" + ids.study() + "@example.org").get(0)));
    }
    List<Long> items =
        RestAssured.given()
            .get("/p/" + tokens.get(0) + "/api/round")
            .jsonPath()
            .getList("sections.items.flatten().itemId", Long.class);
    Integer[][] values = {{2, 3, 8, 8, 9}, {5, 5, 6, null, 4}};
    for (int p = 0; p < 5; p++) {
      List<Map<String, Object>> ratings = new ArrayList<>();
      for (int s = 0; s < 2; s++) {
        Integer v = values[s][p];
        ratings.add(
            v == null
                ? Map.of("itemId", items.get(s), "unableToRate", true)
                : Map.of("itemId", items.get(s), "value", v));
      }
      RestAssured.given()
          .contentType(ContentType.JSON)
          .body(Map.of("consent", true, "ratings", ratings))
          .put("/p/" + tokens.get(p) + "/api/response")
          .then()
          .statusCode(200);
      RestAssured.given()
          .post("/p/" + tokens.get(p) + "/api/response/submit")
          .then()
          .statusCode(200);
    }
    asCoordinator().post("/api/rounds/" + ids.round() + "/close").then().statusCode(200);
    long next =
        asCoordinator()
            .post("/api/rounds/" + ids.round() + "/next")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    TestStudies.open(next);
    assertThat(
        RestAssured.given()
            .get("/p/" + tokens.get(0) + "/api/round")
            .jsonPath()
            .getList("sections.items.flatten().itemId")
            .size(),
        equalTo(2));
    return root.toString().replaceAll("/$", "") + "/p/" + tokens.get(0);
  }
}
