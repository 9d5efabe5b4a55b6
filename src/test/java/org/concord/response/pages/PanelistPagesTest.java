package org.concord.response.pages;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
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
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PanelistPagesTest {

  private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_form\" value=\"([^\"]+)\"");

  @Inject MockMailbox mailbox;
  @Inject MailDispatcher dispatcher;
  @Inject EntityManagerFactory emf;
  @Inject EntityManager em;
  @Inject TokenService tokens;

  @BeforeEach
  void clearMail() {
    mailbox.clear();
  }

  /** A study with sections of the given sizes, its round 1 open; returns {study, round}. */
  private long[] openStudy(String title, int panelists, int... sectionSizes) {
    return openStudy(title, Map.of(), panelists, sectionSizes);
  }

  private long[] openStudy(
      String title, Map<String, Object> protocol, int panelists, int... sectionSizes) {
    TestStudies.Ids ids =
        TestStudies.study(title)
            .description("We want to agree good practice for <community> support.")
            .protocol(protocol)
            .sections(sectionSizes)
            .statementsNamed("Statement ")
            .panelists(panelists)
            .draftRound();
    open(ids.round());
    return new long[] {ids.study(), ids.round()};
  }

  private void open(long round) {
    asCoordinator()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/rounds/" + round + "/open")
        .then()
        .statusCode(200);
    dispatcher.dispatchDue();
  }

  private String token(long study, int panelist, int round) {
    return Links.tokenIn(
        mailbox.getMailsSentTo("p" + panelist + "-" + study + "@example.org").stream()
            .filter(m -> m.getSubject().startsWith("Round " + round))
            .findFirst()
            .orElseThrow());
  }

  private static RequestSpecification browser() {
    return RestAssured.given().redirects().follow(false);
  }

  private static String formToken(String html) {
    Matcher m = FORM_TOKEN.matcher(html);
    assertThat("a form token on the page", m.find(), equalTo(true));
    return m.group(1);
  }

  private static ValidatableResponse post(String token, String path, Map<String, ?> fields) {
    String html = browser().get("/p/" + token).asString();
    return postWith(token, path, fields, formToken(html));
  }

  private static ValidatableResponse postWith(
      String token, String path, Map<String, ?> fields, String formToken) {
    RequestSpecification request =
        browser().contentType("application/x-www-form-urlencoded; charset=UTF-8");
    if (formToken != null) {
      request.formParam("_form", formToken);
    }
    fields.forEach(request::formParam);
    return request.post("/p/" + token + path).then();
  }

  private static io.restassured.path.json.JsonPath api(String token) {
    return RestAssured.given().get("/p/" + token + "/api/round").then().extract().jsonPath();
  }

  private static List<Long> items(String token) {
    return api(token).getList("sections.items.flatten().itemId", Long.class);
  }

  @Test
  void theWelcomePageSaysWhatIsAskedHowLongUntilWhenAndAsksForConsent() {
    long[] ids = openStudy("Welcome study", 1, 3, 3);
    String token = token(ids[0], 1, 1);
    browser()
        .get("/p/" + token)
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .header("Referrer-Policy", "no-referrer")
        .header("Cache-Control", "no-store")
        .body(containsString("<html lang=\"en\">"))
        .body(containsString("Welcome to round 1"))
        .body(containsString("Welcome study"))
        .body(containsString("We want to agree good practice for &lt;community&gt; support."))
        .body(containsString("Please read 6 statements in 2 sections"))
        .body(containsString("It takes about 2 minutes."))
        .body(containsString("This round has no closing date yet."))
        .body(containsString("type=\"checkbox\" id=\"consent\" name=\"consent\""))
        .body(containsString("0 of 6 statements answered"))
        .body(containsString("href=\"#main\""))
        .body(containsString("/css/panelist.css"));
  }

  @Test
  void aWholeRoundThroughFormPosts() {
    long[] ids = openStudy("Form round", 1, 2, 1);
    String token = token(ids[0], 1, 1);
    List<Long> items = items(token);

    post(token, "/start", Map.of())
        .statusCode(400)
        .body(containsString("role=\"alert\""))
        .body(containsString("aria-describedby=\"consent-error\""))
        .body(containsString("Please tick the box"));
    assertThat(api(token).getBoolean("consentRequired"), equalTo(true));
    post(token, "/start", Map.of("consent", "yes"))
        .statusCode(303)
        .header("Location", endsWith("/p/" + token + "/sections/1"));
    assertThat(api(token).getBoolean("consentRequired"), equalTo(false));

    String section1 =
        browser()
            .get("/p/" + token + "/sections/1")
            .then()
            .statusCode(200)
            .body(containsString("Section 1 of 2 · 0 of 3 statements answered"))
            .body(containsString("<legend class=\"statement-legend\">"))
            .body(containsString("Statement 1"))
            .body(containsString("About section 1"))
            .body(containsString("for=\"rating-" + items.get(0) + "-9\""))
            .body(containsString("Strongly agree"))
            .body(containsString("I cannot rate this"))
            .body(containsString("<label for=\"comment-" + items.get(0) + "\">"))
            .body(not(containsString("class=\"saved\"")))
            .body(containsString("data-api=\"/p/" + token + "/api/response\""))
            .extract()
            .asString();
    postWith(
            token,
            "/sections/1",
            Map.of(
                "rating-" + items.get(0),
                "8",
                "rating-" + items.get(1),
                "unable",
                "comment-" + items.get(0),
                "Clear enough",
                "section-comment",
                "A good start",
                "action",
                "continue"),
            formToken(section1))
        .statusCode(303)
        .header("Location", endsWith("/sections/2?saved=true"));
    browser()
        .get("/p/" + token + "/sections/2?saved=true")
        .then()
        .body(containsString("<p class=\"saved\" role=\"status\">Your answers were saved.</p>"))
        .body(containsString("Section 2 of 2 · 2 of 3 statements answered"));
    browser()
        .get("/p/" + token + "/sections/1")
        .then()
        .body(containsString("value=\"8\" checked"))
        .body(containsString("value=\"unable\" checked"))
        .body(containsString(">Clear enough</textarea>"))
        .body(containsString(">A good start</textarea>"));

    browser()
        .get("/p/" + token + "/sections/3")
        .then()
        .statusCode(404)
        .body(containsString("This page does not exist"));
    browser()
        .get("/p/" + token + "/review")
        .then()
        .statusCode(200)
        .body(containsString("1 statement has no answer yet."))
        .body(containsString("Statement 3"))
        .body(
            containsString("href=\"/p/" + token + "/sections/2#statement-" + items.get(2) + "\""));
    post(token, "/submit", Map.of())
        .statusCode(400)
        .body(containsString("1 statement has no answer yet. Please answer every statement"));
    post(token, "/sections/2", Map.of("rating-" + items.get(2), "3", "action", "continue"))
        .statusCode(303)
        .header("Location", endsWith("/review?saved=true"));
    browser()
        .get("/p/" + token + "/review")
        .then()
        .body(containsString("You have answered every statement."));
    post(token, "/submit", Map.of()).statusCode(303).header("Location", endsWith("/thanks"));
    browser()
        .get("/p/" + token + "/thanks")
        .then()
        .statusCode(200)
        .body(containsString("We have your answers to round 1"))
        .body(containsString("Change my answers"));
    var after = api(token);
    assertThat(after.getString("response.state"), equalTo("SUBMITTED"));
    assertThat(after.getInt("response.answered"), equalTo(3));

    // still open: answers can change, and the welcome page says they were sent
    post(token, "/sections/1", Map.of("rating-" + items.get(0), "2", "action", "back"))
        .statusCode(303)
        .header("Location", endsWith("/p/" + token + "?saved=true"));
    browser()
        .get("/p/" + token + "?saved=true")
        .then()
        .body(containsString("<p class=\"saved\" role=\"status\">Your answers were saved.</p>"))
        .body(containsString("You sent your answers on"));
    assertThat(api(token).getInt("response.ratings[0].value"), equalTo(2));
  }

  @Test
  void badPostsComeBackWithTheMessageAtTheFieldAndStoreNothing() {
    long[] ids = openStudy("Bad posts", 1, 3);
    String token = token(ids[0], 1, 1);
    List<Long> items = items(token);

    post(
            token,
            "/sections/1",
            Map.of(
                "rating-" + items.get(0),
                "5",
                "rating-" + items.get(1),
                "10",
                "comment-" + items.get(2),
                "Kept on the form",
                "action",
                "continue"))
        .statusCode(400)
        .body(containsString("role=\"alert\""))
        .body(
            containsString(
                "<a href=\"#statement-"
                    + items.get(1)
                    + "\">Please choose a number from 1 to 9.</a>"))
        .body(containsString("aria-describedby=\"statement-" + items.get(1) + "-error\""))
        .body(containsString("id=\"statement-" + items.get(1) + "-error\">Please choose a number"))
        .body(containsString(">Kept on the form</textarea>"));
    assertThat(api(token).getInt("response.answered"), equalTo(0));
    assertThat(api(token).getList("response.comments"), hasSize(0));

    post(token, "/sections/1", Map.of("rating-999999", "5", "action", "continue"))
        .statusCode(400)
        .body(containsString("This statement is not part of the round. Nothing was saved."));
    post(token, "/sections/1", Map.of("rating-" + items.get(0), "lots", "action", "continue"))
        .statusCode(400)
        .body(containsString("Please choose one of the points on the scale."));
    assertThat(api(token).getInt("response.answered"), equalTo(0));

    String unknown = "A".repeat(43);
    browser()
        .contentType("application/x-www-form-urlencoded")
        .formParam("_form", "x")
        .formParam("rating-" + items.get(0), "5")
        .post("/p/" + unknown + "/sections/1")
        .then()
        .statusCode(404)
        .body(containsString("This link is not active"));

    post(token, "/sections/1", Map.of("rating-" + items.get(0), "6", "action", "continue"))
        .statusCode(303);
    String form = browser().get("/p/" + token + "/sections/1").asString();
    asCoordinator().post("/api/rounds/" + ids[1] + "/close").then().statusCode(200);
    postWith(
            token,
            "/sections/1",
            Map.of("rating-" + items.get(1), "7", "action", "continue"),
            formToken(form))
        .statusCode(409)
        .body(containsString("This round has closed"))
        .body(containsString("Round 1 closed on"));
    assertThat(api(token).getInt("response.answered"), equalTo(1));
    asCoordinator().get("/api/rounds/" + ids[1] + "/late-saves").then().body("", hasSize(1));
    browser()
        .get("/p/" + token + "/sections/1")
        .then()
        .statusCode(200)
        .body(containsString("Round 1 closed on"));
  }

  @Test
  void aCrossSitePostIsRefusedAndAFormWithoutItsTokenToo() {
    long[] ids = openStudy("Cross site", 1, 2);
    String token = token(ids[0], 1, 1);
    List<Long> items = items(token);
    String html = browser().get("/p/" + token).asString();

    browser()
        .header("Origin", "https://evil.example")
        .contentType("application/x-www-form-urlencoded")
        .formParam("_form", formToken(html))
        .formParam("rating-" + items.get(0), "5")
        .post("/p/" + token + "/sections/1")
        .then()
        .statusCode(403)
        .header("Referrer-Policy", "no-referrer")
        .body(containsString("This form could not be sent"));
    postWith(token, "/sections/1", Map.of("rating-" + items.get(0), "5"), null).statusCode(403);
    postWith(token, "/sections/1", Map.of("rating-" + items.get(0), "5"), "forged").statusCode(403);
    assertThat(api(token).getInt("response.answered"), equalTo(0));

    browser()
        .header("Origin", RestAssured.baseURI + ":" + RestAssured.port)
        .contentType("application/x-www-form-urlencoded")
        .formParam("_form", formToken(html))
        .formParam("rating-" + items.get(0), "5")
        .post("/p/" + token + "/sections/1")
        .then()
        .statusCode(303);
    assertThat(api(token).getInt("response.answered"), equalTo(1));

    RestAssured.given()
        .header("Origin", "https://evil.example")
        .contentType(ContentType.JSON)
        .body(Map.of("ratings", List.of(Map.of("itemId", items.get(1), "value", 5))))
        .put("/p/" + token + "/api/response")
        .then()
        .statusCode(403)
        .contentType(containsString("application/problem+json"));
    assertThat(api(token).getInt("response.answered"), equalTo(1));
  }

  @Test
  void roundTwoShowsTheChartTheCountsAndMyEarlierRatingWithCommentsEscaped() {
    long[] ids = openStudy("Two rounds", Map.of("feedback", Map.of("groupBreakdown", true)), 2, 2);
    String first = token(ids[0], 1, 1);
    String second = token(ids[0], 2, 1);
    List<Long> items = items(first);
    answerAndSubmit(first, items, 5, "<script>alert('x')</script> & \"more\"");
    answerAndSubmit(second, items, 6, null);
    asCoordinator().post("/api/rounds/" + ids[1] + "/close").then().statusCode(200);
    long comment =
        asCoordinator()
            .get("/api/rounds/" + ids[1] + "/comments")
            .jsonPath()
            .getLong("items[0].id");
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("released", true))
        .patch("/api/comments/" + comment)
        .then()
        .statusCode(204);
    long next =
        asCoordinator()
            .post("/api/rounds/" + ids[1] + "/next")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    open(next);
    String token = token(ids[0], 1, 2);
    assertThat(token, equalTo(first));
    long item = items(token).get(0);

    String html =
        browser()
            .get("/p/" + token + "/sections/1")
            .then()
            .statusCode(200)
            .body(containsString("How the panel rated statement 1 in round 1"))
            .body(
                containsString(
                    "<div class=\"chart-plot\" role=\"img\" aria-labelledby=\"chart-title-"
                        + item
                        + " chart-desc-"
                        + item
                        + "\""))
            .body(containsString("id=\"chart-desc-" + item + "\""))
            .body(containsString("Ratings in round 1 (2 people rated this statement)"))
            .body(containsString("<table class=\"counts\">"))
            .body(containsString("class=\"bar-col mine\""))
            .body(containsString("In round 1 you rated this 5 (Neither agree nor disagree)"))
            .body(containsString("2 (100%) neither agreed nor disagreed (rated 4 to 6)"))
            .body(not(containsString("Half the panel")))
            .body(not(containsString("Why did you change your rating")))
            .body(containsString("Ratings in round 1 by stakeholder group"))
            .body(
                containsString(
                    "<th scope=\"row\">Practitioners</th><td>2</td><td>0 (0%)</td>"
                        + "<td>2 (100%)</td><td>0 (0%)</td>"))
            .body(
                containsString(
                    "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;"))
            .body(not(containsString("<script>alert")))
            .extract()
            .asString();
    assertThat(
        html, containsString("<tr class=\"mine\"><th scope=\"row\">5 Neither agree nor disagree"));
    assertThat(
        Pattern.compile("<tr class=\"mine\">.*?<td>1</td>", Pattern.DOTALL).matcher(html).find(),
        equalTo(true));

    long other = items(token).get(1);
    postWith(
            token,
            "/sections/1",
            Map.of("rating-" + item, "8", "rating-" + other, "6"),
            formToken(html))
        .statusCode(303)
        .header("Location", endsWith("/sections/1?saved=true&reasons=true#reason-" + item));
    browser()
        .get("/p/" + token + "/sections/1?saved=true&reasons=true")
        .then()
        .body(containsString("Some of your ratings are now in a different part of the scale"))
        .body(
            containsString(
                "<label for=\"reason-"
                    + item
                    + "\">Why did you change your rating of statement 1? (optional)"))
        .body(not(containsString("for=\"reason-" + other + "\"")));
    postWith(
            token,
            "/sections/1",
            Map.of(
                "rating-" + item, "8",
                "reason-" + item, "The comments convinced me",
                "rating-" + other, "6"),
            formToken(html))
        .statusCode(303)
        .header("Location", endsWith("/review?saved=true"));
    assertThat(
        api(token).getString("response.ratings.find { it.itemId == " + item + " }.reasonForChange"),
        equalTo("The comments convinced me"));
  }

  /**
   * Section pages share the rendering of the previous round's feedback (FeedbackFragments): each
   * panelist still sees their own earlier rating marked, and a comment withheld while the round
   * runs is gone from the next page shown.
   */
  @Test
  void sharedFeedbackMarksEachPanelistsOwnRatingAndAWithheldCommentGoesAtOnce() {
    long[] ids = openStudy("Shared feedback", 2, 1);
    String first = token(ids[0], 1, 1);
    String second = token(ids[0], 2, 1);
    List<Long> items = items(first);
    answerAndSubmit(first, items, 5, "Keep the weekly call");
    answerAndSubmit(second, items, 6, null);
    asCoordinator().post("/api/rounds/" + ids[1] + "/close").then().statusCode(200);
    long comment =
        asCoordinator()
            .get("/api/rounds/" + ids[1] + "/comments")
            .jsonPath()
            .getLong("items[0].id");
    release(comment, true);
    long next =
        asCoordinator()
            .post("/api/rounds/" + ids[1] + "/next")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    open(next);

    String firstPage = browser().get("/p/" + first + "/sections/1").asString();
    String secondPage = browser().get("/p/" + second + "/sections/1").asString();
    assertThat(
        firstPage, containsString("In round 1 you rated this 5 (Neither agree nor disagree)"));
    assertThat(secondPage, containsString("In round 1 you rated this 6"));
    assertThat(secondPage, not(containsString("you rated this 5")));
    assertThat(secondPage, containsString("<tr class=\"mine\"><th scope=\"row\">6 "));
    assertThat(firstPage, containsString("Keep the weekly call"));
    assertThat(secondPage, containsString("Keep the weekly call"));

    release(comment, false);
    assertThat(
        browser().get("/p/" + first + "/sections/1").asString(),
        not(containsString("Keep the weekly call")));
    release(comment, true);
    assertThat(
        browser().get("/p/" + first + "/sections/1").asString(),
        containsString("Keep the weekly call"));
  }

  private static void release(long comment, boolean released) {
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("released", released))
        .patch("/api/comments/" + comment)
        .then()
        .statusCode(204);
  }

  private static void answerAndSubmit(String token, List<Long> items, int value, String comment) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("consent", true);
    body.put("ratings", items.stream().map(i -> Map.of("itemId", i, "value", value)).toList());
    if (comment != null) {
      body.put("comments", List.of(Map.of("itemId", items.get(0), "text", comment)));
    }
    RestAssured.given()
        .contentType(ContentType.JSON)
        .body(body)
        .put("/p/" + token + "/api/response")
        .then()
        .statusCode(200);
    RestAssured.given().post("/p/" + token + "/api/response/submit").then().statusCode(200);
  }

  @Test
  void unknownRevokedAndWithdrawnLinksShowTheSamePlainPage() {
    long[] ids = openStudy("Inactive", 1, 1);
    String token = token(ids[0], 1, 1);
    String unknown =
        browser()
            .get("/p/" + "B".repeat(43))
            .then()
            .statusCode(404)
            .header("Referrer-Policy", "no-referrer")
            .body(containsString("This link is not active"))
            .extract()
            .asString();

    String confirm =
        browser()
            .get("/p/" + token + "/withdraw")
            .then()
            .statusCode(200)
            .body(containsString("Yes, I want to leave the study"))
            .extract()
            .asString();
    assertThat(api(token).getString("state"), equalTo("OPEN"));
    postWith(token, "/withdraw", Map.of(), formToken(confirm))
        .statusCode(200)
        .body(containsString("You have left the study"));
    String withdrawn = browser().get("/p/" + token).then().statusCode(404).extract().asString();
    assertThat(withdrawn, equalTo(unknown));
    browser().get("/p/" + token + "/sections/1").then().statusCode(404);
  }

  @Test
  void aLinkBeforeAnyRoundOpensSaysThereIsNoRoundYet() {
    long study = TestStudies.withDraftRound("No round yet", 1, 1, Map.of())[0];
    long panelist =
        asCoordinator()
            .get("/api/studies/" + study + "/panelists")
            .then()
            .extract()
            .jsonPath()
            .getLong("items[0].id");
    String token =
        QuarkusTransaction.requiringNew()
            .call(() -> tokens.tokenFor(em.find(Panelist.class, panelist)));

    browser()
        .get("/p/" + token)
        .then()
        .statusCode(404)
        .body(containsString("No round at the moment"))
        .body(containsString("We will email you when there is."));
    RestAssured.given()
        .get("/p/" + token + "/api/round")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", endsWith("/no-round"))
        .body("title", equalTo("No round"));
  }

  @Test
  void pagesSpeakWelshWhenAskedInTheAddressOrByTheBrowser() {
    long[] ids = openStudy("Cymraeg", 1, 2);
    String token = token(ids[0], 1, 1);
    browser()
        .get("/p/" + token + "?lang=cy")
        .then()
        .statusCode(200)
        .body(containsString("<html lang=\"cy\">"))
        .body(containsString("Croeso i rownd 1"))
        .body(containsString("action=\"/p/" + token + "?lang=cy\""));
    browser()
        .header("Accept-Language", "cy-GB, en;q=0.5")
        .get("/p/" + token + "/sections/1")
        .then()
        .body(containsString("<html lang=\"cy\">"))
        .body(containsString("Cadw a pharhau"))
        .body(containsString(">Yn ôl</button>"));
    browser()
        .header("Accept-Language", "fr, en;q=0.5")
        .get("/p/" + token)
        .then()
        .body(containsString("<html lang=\"en\">"));
  }

  @Test
  void aSectionPageCostsTheSameStatementsWhateverItsSize() {
    long small = sectionCost(5);
    long large = sectionCost(50);
    assertThat(large, equalTo(small));
    assertThat(large, lessThanOrEqualTo(10L));
  }

  /** SQL statements prepared for one section page of round 2, with feedback on every item. */
  private long sectionCost(int statements) {
    long[] ids = openStudy("Cost " + statements, 2, statements);
    String first = token(ids[0], 1, 1);
    List<Long> items = items(first);
    answerAndSubmit(first, items, 5, "A comment");
    answerAndSubmit(token(ids[0], 2, 1), items, 6, "Another");
    asCoordinator().post("/api/rounds/" + ids[1] + "/close").then().statusCode(200);
    List<Long> comments =
        asCoordinator()
            .get("/api/rounds/" + ids[1] + "/comments")
            .jsonPath()
            .getList("items.id", Long.class);
    for (long comment : comments) {
      asCoordinator()
          .contentType(ContentType.JSON)
          .body(Map.of("released", true))
          .patch("/api/comments/" + comment)
          .then()
          .statusCode(204);
    }
    long next =
        asCoordinator()
            .post("/api/rounds/" + ids[1] + "/next")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    open(next);
    browser().get("/p/" + first + "/sections/1").then().statusCode(200);
    var statistics = emf.unwrap(SessionFactory.class).getStatistics();
    long before = statistics.getPrepareStatementCount();
    String html =
        browser().get("/p/" + first + "/sections/1").then().statusCode(200).extract().asString();
    long cost = statistics.getPrepareStatementCount() - before;
    assertThat(countOf(html, "<fieldset"), equalTo(statements));
    assertThat(countOf(html, "<table class=\"counts\">"), equalTo(statements));
    return cost;
  }

  private static int countOf(String text, String part) {
    List<Integer> at = new ArrayList<>();
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      at.add(i);
    }
    return at.size();
  }
}
