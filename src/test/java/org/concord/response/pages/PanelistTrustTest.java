package org.concord.response.pages;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.concord.panel.Panelist;
import org.concord.panel.TokenService;
import org.concord.web.ConsoleSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The panelist pages say who is asking and how to reach them, what happens to the answers, and tell
 * the truth about a closed round; times are in the study's zone.
 */
@QuarkusTest
class PanelistTrustTest {

  private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_form\" value=\"([^\"]+)\"");

  static final String SHEET =
      "# What the study is\n\nWe **ask** people about *support*.\n\n- one\n- two\n\n"
          + "<script>alert('sheet')</script>\n\n[Our site](https://example.org/cp) and"
          + " [a trap](javascript:alert(1)).";

  @Inject MockMailbox mailbox;
  @Inject MailDispatcher dispatcher;
  @Inject TokenService tokens;
  @Inject EntityManager em;

  @BeforeEach
  void clearMail() {
    mailbox.clear();
  }

  static Map<String, String> details(String title) {
    Map<String, String> form = new HashMap<>();
    form.put("title", title);
    form.put("organisation", "University of Example");
    form.put("contactName", "Dana Contact");
    form.put("contactEmail", "team@cp.example");
    form.put("contactPhone", "+44 (0)114 222 0000");
    form.put("senderName", "Connecting People study team");
    form.put("informationSheet", SHEET);
    form.put("dataProtection", "We keep your answers for **five years**.");
    form.put("timeZone", "Europe/London");
    return form;
  }

  /** A study with its details filled in (or not), a closing time, round 1 open. */
  private TestStudies.Ids study(String title, boolean withDetails, int panelists, int... sections) {
    TestStudies.Ids ids =
        TestStudies.study(title).sections(sections).panelists(panelists).draftRound();
    if (withDetails) {
      ConsoleSession.coordinator()
          .post("/console/studies/" + ids.study() + "/details", details(title))
          .then()
          .statusCode(303);
    }
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("closesAt", "2027-03-12T17:00:00Z"))
        .patch("/api/rounds/" + ids.round())
        .then()
        .statusCode(200);
    TestStudies.open(ids.round());
    dispatcher.dispatchDue();
    return ids;
  }

  private String token(long study, int panelist) {
    return Links.tokenIn(
        mailbox.getMailsSentTo("p" + panelist + "-" + study + "@example.org").get(0));
  }

  private static RequestSpecification browser() {
    return RestAssured.given().redirects().follow(false);
  }

  private static String page(String path) {
    return browser().get(path).then().extract().asString();
  }

  private static void submitAll(String token, int value) {
    List<Long> items =
        RestAssured.given()
            .get("/p/" + token + "/api/round")
            .jsonPath()
            .getList("sections.items.flatten().itemId", Long.class);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("consent", true);
    body.put("ratings", items.stream().map(i -> Map.of("itemId", i, "value", value)).toList());
    RestAssured.given()
        .contentType(ContentType.JSON)
        .body(body)
        .put("/p/" + token + "/api/response")
        .then()
        .statusCode(200);
    RestAssured.given().post("/p/" + token + "/api/response/submit").then().statusCode(200);
  }

  private static void withdraw(String token) {
    String html = page("/p/" + token + "/withdraw");
    Matcher m = FORM_TOKEN.matcher(html);
    assertThat(m.find(), equalTo(true));
    browser()
        .contentType("application/x-www-form-urlencoded; charset=UTF-8")
        .formParam("_form", m.group(1))
        .post("/p/" + token + "/withdraw")
        .then()
        .statusCode(200)
        .body(containsString("You have left the study"))
        .body(containsString("mailto:team@cp.example"));
  }

  @Test
  void everyPageNamesTheStudyInTheTabAndHeaderAndTheFooterSaysWhoRunsItAndWhomToAsk() {
    TestStudies.Ids ids = study("Trusted study", true, 1, 2);
    String token = token(ids.study(), 1);
    for (String path : List.of("", "/sections/1", "/review", "/withdraw", "/information")) {
      String html = page("/p/" + token + path);
      assertThat(path, html, containsString(" – Trusted study</title>"));
      assertThat(path, html, not(containsString("Concord consultation")));
      assertThat(
          path, html, containsString("<p class=\"site-name\"><span>Trusted study</span></p>"));
      assertThat(path, html, containsString("University of Example runs this study."));
      assertThat(path, html, containsString("<li>Dana Contact</li>"));
      assertThat(
          path, html, containsString("<a href=\"mailto:team@cp.example\">team@cp.example</a>"));
      assertThat(
          path, html, containsString("<a href=\"tel:+441142220000\">+44 (0)114 222 0000</a>"));
      assertThat(path, html, containsString("href=\"/p/" + token + "/information\""));
      assertThat(
          path, html, containsString("href=\"/p/" + token + "/information#data-protection\""));
    }
    String welcome = page("/p/" + token);
    assertThat(welcome, containsString("<title>Welcome to round 1 – Trusted study</title>"));
    assertThat(welcome, containsString("Who is asking"));
    assertThat(welcome, containsString("in the results they carry a code number"));
    // the consent box links to the information sheet, on the words "information sheet"
    assertThat(
        welcome,
        containsString(
            "I have read the <a href=\"/p/"
                + token
                + "/information\">information sheet</a> and I agree to take part."));
    // the closing time in the study's zone, named
    assertThat(welcome, containsString("This round closes on Friday 12 March 2027, 17:00 GMT."));
  }

  @Test
  void aStudyWithoutDetailsLeavesThemOutAndAnUnknownPageKeepsANeutralName() {
    TestStudies.Ids ids = study("Plain study", false, 1, 1);
    String token = token(ids.study(), 1);
    String welcome = page("/p/" + token);
    assertThat(welcome, containsString("<title>Welcome to round 1 – Plain study</title>"));
    assertThat(welcome, not(containsString("runs this study")));
    assertThat(welcome, not(containsString("mailto:")));
    assertThat(welcome, not(containsString("tel:")));
    assertThat(welcome, not(containsString("contact-list")));
    // a UTC study names its zone
    assertThat(welcome, containsString("Friday 12 March 2027, 17:00 UTC"));
    assertThat(
        page("/p/" + "x".repeat(43)),
        containsString("<title>This link is not active – Concord consultation</title>"));
  }

  @Test
  void theInformationPageRendersTheSheetSafelyAndWorksAfterTheRoundClosed() {
    TestStudies.Ids ids = study("Informed study", true, 1, 1);
    String token = token(ids.study(), 1);
    asCoordinator().post("/api/rounds/" + ids.round() + "/close").then().statusCode(200);
    String html =
        browser().get("/p/" + token + "/information").then().statusCode(200).extract().asString();
    assertThat(html, containsString("<h1>Information about the study</h1>"));
    assertThat(html, containsString("<h2>What the study is</h2>"));
    assertThat(html, containsString("We <strong>ask</strong> people about <em>support</em>."));
    assertThat(html, containsString("<ul>\n<li>one</li>\n<li>two</li>\n</ul>"));
    assertThat(html, containsString("&lt;script&gt;alert(&#39;sheet&#39;)&lt;/script&gt;"));
    assertThat(html, not(containsString("<script>alert")));
    assertThat(html, containsString("<a href=\"https://example.org/cp\">Our site</a>"));
    assertThat(html, not(containsString("href=\"javascript")));
    assertThat(html, containsString("<h2 id=\"data-protection\">"));
    assertThat(html, containsString("We keep your answers for <strong>five years</strong>."));
    assertThat(html, containsString("mailto:team@cp.example"));
    // in Welsh too
    assertThat(
        page("/p/" + token + "/information?lang=cy"),
        containsString("<h1>Gwybodaeth am yr astudiaeth</h1>"));
  }

  @Test
  void theWithdrawPageNamesTheStudySaysWhatHappensToTheAnswersAndGivesTheContact() {
    TestStudies.Ids ids = study("Leaving study", true, 1, 1);
    String token = token(ids.study(), 1);
    String html = page("/p/" + token + "/withdraw");
    assertThat(html, containsString("<title>Leave the study – Leaving study</title>"));
    assertThat(html, containsString("we will not email you again"));
    assertThat(html, containsString("The answers you have already sent stay in the study"));
    assertThat(html, containsString("count in its results"));
    assertThat(html, containsString("Answers you saved but did not send are not counted."));
    assertThat(html, containsString("mailto:team@cp.example"));
  }

  @Test
  void theInactivePageIsTheSameForUnknownRevokedAndWithdrawnLinksAndSaysHowToGetHelp() {
    TestStudies.Ids ids = study("Inactive study", true, 2, 1);
    String revoked = token(ids.study(), 1);
    String withdrawn = token(ids.study(), 2);
    long first =
        asCoordinator()
            .get("/api/studies/" + ids.study() + "/panelists?size=500")
            .jsonPath()
            .getLong("items.find { it.email == 'p1-" + ids.study() + "@example.org' }.id");
    asCoordinator().post("/api/panelists/" + first + "/link").then().statusCode(200);
    withdraw(withdrawn);
    String unknown = "A".repeat(43);
    for (String path : List.of("", "/withdraw", "/information")) {
      String a = page("/p/" + unknown + path);
      assertThat(a, containsString("reply to the email that brought you the link"));
      assertThat(a, not(containsString("Inactive study")));
      assertThat(a, not(containsString("mailto:")));
      assertThat(page("/p/" + revoked + path).replace(revoked, unknown), equalTo(a));
      assertThat(page("/p/" + withdrawn + path).replace(withdrawn, unknown), equalTo(a));
    }
  }

  @Test
  void theClosedPageThanksOnlyThoseWhoSentAndOffersNoWayBackToItself() {
    TestStudies.Ids ids = study("Closed study", true, 2, 1);
    String sent = token(ids.study(), 1);
    String unsent = token(ids.study(), 2);
    submitAll(sent, 8);
    asCoordinator().post("/api/rounds/" + ids.round() + "/close").then().statusCode(200);
    String thanked = page("/p/" + sent);
    assertThat(thanked, containsString("Round 1 closed on"));
    assertThat(thanked, containsString("Thank you: your answers to this round were sent"));
    String notSent = page("/p/" + unsent);
    assertThat(notSent, not(containsString("Thank you")));
    assertThat(notSent, containsString("Answers can no longer be sent or changed for this round."));
    for (String html : List.of(thanked, notSent)) {
      assertThat(html, not(containsString("/review\"")));
      assertThat(html, not(containsString("/withdraw\"")));
      assertThat(html, not(containsString(">Check and send<")));
      assertThat(html, containsString("mailto:team@cp.example"));
      assertThat(html, containsString("/information\""));
    }
  }

  @Test
  void someoneNotInvitedToTheRunningRoundIsToldItRunsAndWhomToAsk() {
    TestStudies.Ids ids = study("Later study", true, 3, 2);
    String first = token(ids.study(), 1);
    String second = token(ids.study(), 2);
    String missed = token(ids.study(), 3);
    submitAll(first, 5);
    submitAll(second, 6);
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
    dispatcher.dispatchDue();

    String html = page("/p/" + missed);
    assertThat(html, containsString("Round 1 closed on"));
    assertThat(
        html,
        containsString(
            "Round 2 is running now, for the panelists who sent their answers to the round before"
                + " it."));
    assertThat(html, not(containsString("Thank you")));
    assertThat(html, containsString("mailto:team@cp.example"));

    // round 2's welcome says what is different about it, and costs more time per statement
    String welcome = page("/p/" + first);
    assertThat(welcome, containsString("Welcome to round 2"));
    assertThat(
        welcome,
        containsString("These are the statements the panel did not yet agree on in round 1."));
    assertThat(welcome, containsString("You may keep your rating or change it"));
    // 2 statements with feedback: 2 × (20 + 30) s = 100 s, rounded up to 2 minutes
    assertThat(welcome, containsString("It takes about 2 minutes."));
  }

  @Test
  void theTimeZoneIsEditedOnTheDetailsPageAndAnUnknownZoneIsRefusedBesideTheField() {
    TestStudies.Ids ids = TestStudies.study("Zoned study").panelists(1).draftRound();
    Map<String, String> form = details("Zoned study");
    form.put("timeZone", "Mars/Olympus_Mons");
    ConsoleSession.coordinator()
        .post("/console/studies/" + ids.study() + "/details", form)
        .then()
        .statusCode(400)
        .body(containsString("id=\"timeZone-error\""))
        .body(containsString("&quot;Mars/Olympus_Mons&quot; is not one"));
    form.put("timeZone", "Europe/Paris");
    ConsoleSession.coordinator()
        .post("/console/studies/" + ids.study() + "/details", form)
        .then()
        .statusCode(303);
    ConsoleSession.coordinator()
        .get("/console/studies/" + ids.study() + "/details")
        .then()
        .statusCode(200)
        .body(containsString("value=\"Europe/Paris\""));
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("closesAt", "2027-07-12T16:00:00Z"))
        .patch("/api/rounds/" + ids.round())
        .then()
        .statusCode(200);
    TestStudies.open(ids.round());
    dispatcher.dispatchDue();
    String token = token(ids.study(), 1);
    assertThat(page("/p/" + token), containsString("Monday 12 July 2027, 18:00 CEST"));
    assertThat(
        page("/p/" + token + "?lang=cy"),
        containsString("Dydd Llun 12 Gorffennaf 2027, 18:00 CEST"));
  }

  @Test
  void beforeAnyRoundTheLinkNamesTheStudyAndItsContactAndShowsTheInformationSheet() {
    TestStudies.Ids ids = TestStudies.study("Early study").panelists(1).draftRound();
    ConsoleSession.coordinator()
        .post("/console/studies/" + ids.study() + "/details", details("Early study"))
        .then()
        .statusCode(303);
    long panelist =
        asCoordinator()
            .get("/api/studies/" + ids.study() + "/panelists")
            .jsonPath()
            .getLong("items[0].id");
    String token =
        QuarkusTransaction.requiringNew()
            .call(() -> tokens.tokenFor(em.find(Panelist.class, panelist)));
    String html = page("/p/" + token);
    assertThat(html, containsString("<title>No round at the moment – Early study</title>"));
    assertThat(html, containsString("mailto:team@cp.example"));
    assertThat(html, not(containsString("/review\"")));
    browser()
        .get("/p/" + token + "/information")
        .then()
        .statusCode(200)
        .body(containsString("<h2>What the study is</h2>"));
  }
}
