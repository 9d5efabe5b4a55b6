package org.concord.response.pages;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Saving, errors and "Check your answers" on the panelist pages, without JavaScript: line breaks
 * count as one character, messages sit at their box, forms post to their own page, the footer of a
 * section saves before it leaves, and counts are worded with real plural forms.
 */
@QuarkusTest
class PanelistFormsTest {

  private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_form\" value=\"([^\"]+)\"");

  @Inject MockMailbox mailbox;
  @Inject MailDispatcher dispatcher;

  @BeforeEach
  void clearMail() {
    mailbox.clear();
  }

  /** A study with round 1 open and one panelist; returns the panelist's token. */
  private String openStudy(String title, int... sectionSizes) {
    TestStudies.Ids ids =
        TestStudies.study(title)
            .sections(sectionSizes)
            .statementsNamed("Statement ")
            .panelists(1)
            .openRound();
    dispatcher.dispatchDue();
    return Links.tokenIn(mailbox.getMailsSentTo("p1-" + ids.study() + "@example.org").get(0));
  }

  private static RequestSpecification browser() {
    return RestAssured.given().redirects().follow(false);
  }

  private static String formToken(String token) {
    Matcher m = FORM_TOKEN.matcher(browser().get("/p/" + token).asString());
    assertThat("a form token on the page", m.find(), equalTo(true));
    return m.group(1);
  }

  /** A form post as a browser sends it: line breaks in a text box go as CRLF. */
  private static ValidatableResponse post(String token, String path, Map<String, ?> fields) {
    RequestSpecification request =
        browser()
            .contentType("application/x-www-form-urlencoded; charset=UTF-8")
            .formParam("_form", formToken(token));
    fields.forEach(request::formParam);
    return request.post("/p/" + token + path).then();
  }

  private static JsonPath api(String token) {
    return RestAssured.given().get("/p/" + token + "/api/round").then().extract().jsonPath();
  }

  private static List<Long> items(String token) {
    return api(token).getList("sections.items.flatten().itemId", Long.class);
  }

  private static void consent(String token) {
    RestAssured.given()
        .contentType(ContentType.JSON)
        .body(Map.of("consent", true))
        .put("/p/" + token + "/api/response")
        .then()
        .statusCode(200);
  }

  /**
   * A text of {@code length} characters as a text box counts them (a line break is one), written
   * with CRLF line breaks as a form post sends it: a line break at the fifth character of every
   * ten, none at the ends.
   */
  private static String crlfText(int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= length; i++) {
      text.append(i % 10 == 5 ? "\n" : "a");
    }
    return text.toString().replace("\n", "\r\n");
  }

  @Test
  void aLineBreakCountsAsOneCharacterAndATooLongTextIsRefusedAtItsBox() {
    String token = openStudy("Line breaks", 2);
    List<Long> items = items(token);
    long first = items.get(0);
    long second = items.get(1);
    String exactly = crlfText(2000);
    assertThat(exactly.length() > 2000, equalTo(true));

    post(
            token,
            "/sections/1",
            Map.of(
                "rating-" + first,
                "7",
                "comment-" + first,
                exactly,
                "rating-" + second,
                "3",
                "reason-" + second,
                exactly,
                "section-comment",
                exactly,
                "action",
                "continue"))
        .statusCode(303)
        .header("Location", endsWith("/review?saved=true"));
    JsonPath saved = api(token);
    String comment = saved.getString("response.comments.find { it.itemId == " + first + " }.text");
    assertThat(comment.length(), equalTo(2000));
    assertThat(comment, not(containsString("\r")));
    assertThat(comment, containsString("\n"));
    assertThat(
        saved
            .getString("response.ratings.find { it.itemId == " + second + " }.reasonForChange")
            .length(),
        equalTo(2000));
    assertThat(
        saved.getString("response.comments.find { it.sectionId != null }.text").length(),
        equalTo(2000));

    String tooLong = crlfText(2001);
    String html =
        post(
                token,
                "/sections/1",
                Map.of("rating-" + first, "7", "comment-" + first, tooLong, "action", "continue"))
            .statusCode(400)
            .body(containsString("<title>Error: Section 1"))
            .body(containsString("<a href=\"#comment-" + first + "\">This text is too long"))
            .body(
                containsString(
                    "<p class=\"field-error\" id=\"comment-"
                        + first
                        + "-error\">This text is too long: at most 2000 characters.</p>"))
            .body(
                containsString(
                    "<textarea id=\"comment-"
                        + first
                        + "\" name=\"comment-"
                        + first
                        + "\" rows=\"3\" maxlength=\"2000\" aria-invalid=\"true\""
                        + " aria-describedby=\"comment-"
                        + first
                        + "-error\">"))
            .body(not(containsString("id=\"statement-" + first + "-error\"")))
            .extract()
            .asString();
    // The message is at the comment box, below the scale, not above it.
    assertThat(
        html.indexOf("id=\"comment-" + first + "-error\"")
            > html.indexOf("id=\"rating-" + first + "-9\""),
        equalTo(true));

    post(
            token,
            "/sections/1",
            Map.of("rating-" + second, "3", "reason-" + second, tooLong, "action", "continue"))
        .statusCode(400)
        .body(containsString("<a href=\"#reason-" + second + "\">This text is too long"))
        .body(containsString("aria-describedby=\"reason-" + second + "-error\""));
    assertThat(
        api(token)
            .getString("response.ratings.find { it.itemId == " + second + " }.reasonForChange")
            .length(),
        equalTo(2000));

    // The JSON API counts the same way.
    save(token, Map.of("comments", List.of(Map.of("itemId", second, "text", exactly))))
        .statusCode(200);
    save(token, Map.of("comments", List.of(Map.of("itemId", second, "text", tooLong))))
        .statusCode(400);
    assertThat(
        api(token)
            .getString("response.comments.find { it.itemId == " + second + " }.text")
            .length(),
        equalTo(2000));
  }

  private static ValidatableResponse save(String token, Map<String, ?> body) {
    return RestAssured.given()
        .contentType(ContentType.JSON)
        .body(body)
        .put("/p/" + token + "/api/response")
        .then();
  }

  @Test
  void formsPostToTheirOwnPageAndComeBackThereWithTheFocusOnTheMessages() {
    String token = openStudy("Own page", 1, 1);
    String welcome = browser().get("/p/" + token).asString();
    assertThat(welcome, containsString("action=\"/p/" + token + "\" class=\"start-form\""));
    assertThat(welcome, not(containsString("autofocus")));

    post(token, "", Map.of())
        .statusCode(400)
        .body(containsString("<title>Error: Welcome to round 1"))
        .body(
            containsString(
                "<div class=\"error-summary\" id=\"error-summary\" role=\"alert\" tabindex=\"-1\""
                    + " autofocus"))
        .body(containsString("Please tick the box"));
    post(token, "?lang=cy", Map.of())
        .statusCode(400)
        .body(containsString("<title>Gwall: Croeso i rownd 1"));
    post(token, "", Map.of("consent", "yes"))
        .statusCode(303)
        .header("Location", endsWith("/p/" + token + "/sections/1"));

    String review = browser().get("/p/" + token + "/review").asString();
    assertThat(review, containsString("action=\"/p/" + token + "/review\" class=\"submit-form\""));
    post(token, "/review", Map.of())
        .statusCode(400)
        .body(containsString("<title>Error: Check your answers"))
        .body(containsString("<a href=\"#unanswered\">2 statements have no answer yet."))
        .body(containsString("autofocus"));
    post(token, "/review?lang=cy", Map.of())
        .statusCode(400)
        .body(containsString("<title>Gwall: Gwirio eich atebion"))
        .body(containsString("Nid oes ateb i 2 ddatganiad eto."));
    post(token, "/sections/1", Map.of("rating-" + items(token).get(0), "10"))
        .statusCode(400)
        .body(containsString("<title>Error: Section 1"));

    // The addresses of older pages still work, for pages open in panelists' browsers.
    List<Long> items = items(token);
    post(token, "/sections/1", Map.of("rating-" + items.get(0), "5")).statusCode(303);
    post(token, "/sections/2", Map.of("rating-" + items.get(1), "6")).statusCode(303);
    post(token, "/start", Map.of()).statusCode(303).header("Location", endsWith("/sections/1"));
    post(token, "/submit", Map.of()).statusCode(303).header("Location", endsWith("/thanks"));
    assertThat(api(token).getString("response.state"), equalTo("SUBMITTED"));
  }

  @Test
  void checkYourAnswersShowsEveryStatementWithItsAnswerAndALinkToIt() {
    String token = openStudy("Every answer", 2, 1);
    consent(token);
    List<Long> items = items(token);
    post(
            token,
            "/sections/1",
            Map.of(
                "rating-" + items.get(0),
                "8",
                "comment-" + items.get(0),
                "Clear <enough>",
                "rating-" + items.get(1),
                "unable",
                "section-comment",
                "A good start"))
        .statusCode(303);

    String review =
        browser()
            .get("/p/" + token + "/review")
            .then()
            .statusCode(200)
            .body(containsString("1 statement has no answer yet."))
            .body(containsString("Section 1: Section 1"))
            .body(containsString("Section 2: Section 2"))
            .body(containsString("Statement 1"))
            .body(containsString("8 (Agree)"))
            .body(containsString("I cannot rate this"))
            .body(containsString("Not answered yet"))
            .body(containsString("Clear &lt;enough&gt;"))
            .body(containsString("A good start"))
            .body(
                containsString(
                    "<a href=\"/p/"
                        + token
                        + "/sections/1#statement-"
                        + items.get(0)
                        + "\" aria-label=\"Change your answer to statement 1\">Change</a>"))
            .body(
                containsString(
                    "<a href=\"/p/"
                        + token
                        + "/sections/2#statement-"
                        + items.get(2)
                        + "\" aria-label=\"Change your answer to statement 3\">Change</a>"))
            .body(
                containsString(
                    "href=\"/p/"
                        + token
                        + "/sections/1#section-comment\""
                        + " aria-label=\"Change your comment on section 1\""))
            .extract()
            .asString();
    assertThat(
        review.indexOf("Statement 1") < review.indexOf("Statement 2")
            && review.indexOf("Statement 2") < review.indexOf("Statement 3"),
        equalTo(true));
    // Each link lands on the statement's fieldset, which carries that id.
    browser()
        .get("/p/" + token + "/sections/2")
        .then()
        .body(
            containsString("<fieldset class=\"statement\" id=\"statement-" + items.get(2) + "\""));
    browser()
        .get("/p/" + token + "/review?lang=cy")
        .then()
        .body(containsString("Nid oes ateb i 1 datganiad eto."))
        .body(containsString("aria-label=\"Newid eich ateb i ddatganiad 3\">Newid</a>"))
        .body(containsString("Dim ateb eto"));
  }

  @Test
  void countsAreWordedWithTheirPluralFormsInEnglishAndWelsh() {
    String one = openStudy("One statement", 1);
    browser()
        .get("/p/" + one)
        .then()
        .body(
            containsString(
                "Please read 1 statement in 1 section and say how far you agree with it."))
        .body(containsString("0 of 1 statement answered"));
    browser()
        .get("/p/" + one + "?lang=cy")
        .then()
        .body(containsString("Darllenwch 1 datganiad mewn 1 adran"))
        .body(containsString("0 o 1 datganiad wedi&#39;i ateb"));
    browser()
        .get("/p/" + one + "/sections/1")
        .then()
        .body(containsString("Section 1 of 1 · 0 of 1 statement answered"));
    browser()
        .get("/p/" + one + "/review")
        .then()
        .body(containsString("1 statement has no answer yet."))
        .body(not(containsString("statements have")));

    String three = openStudy("Three statements", 2, 1);
    browser()
        .get("/p/" + three)
        .then()
        .body(containsString("Please read 3 statements in 2 sections"))
        .body(containsString("0 of 3 statements answered"));
    browser()
        .get("/p/" + three + "?lang=cy")
        .then()
        .body(containsString("Darllenwch 3 o ddatganiadau mewn 2 adran"));
    browser()
        .get("/p/" + three + "/review")
        .then()
        .body(containsString("3 statements have no answer yet."));
    browser()
        .get("/p/" + three + "/review?lang=cy")
        .then()
        .body(containsString("Nid oes ateb i 3 datganiad eto."));
  }

  @Test
  void theFooterOfASectionPageSavesWhatWasTypedBeforeItLeaves() {
    String token = openStudy("Footer", 2, 1);
    consent(token);
    List<Long> items = items(token);
    String section = browser().get("/p/" + token + "/sections/1").asString();
    for (String target : List.of("start", "review", "withdraw")) {
      assertThat(
          section,
          containsString(
              "<button type=\"submit\" form=\"section-form\" name=\"goto\" value=\""
                  + target
                  + "\""));
    }
    assertThat(section, containsString("id=\"section-form\""));
    // The other pages keep plain links.
    assertThat(
        browser().get("/p/" + token + "/review").asString(), not(containsString("name=\"goto\"")));

    post(token, "/sections/1", Map.of("rating-" + items.get(0), "4", "goto", "review"))
        .statusCode(303)
        .header("Location", endsWith("/p/" + token + "/review?saved=true"));
    post(token, "/sections/1", Map.of("rating-" + items.get(1), "6", "goto", "start"))
        .statusCode(303)
        .header("Location", endsWith("/p/" + token + "?saved=true"));
    post(token, "/sections/2?lang=cy", Map.of("rating-" + items.get(2), "2", "goto", "withdraw"))
        .statusCode(303)
        .header("Location", endsWith("/p/" + token + "/withdraw?lang=cy"));
    JsonPath saved = api(token);
    assertThat(saved.getInt("response.answered"), equalTo(3));
    assertThat(
        saved.getInt("response.ratings.find { it.itemId == " + items.get(2) + " }.value"),
        equalTo(2));

    // A refused answer is not lost either: the page comes back with it and its message.
    post(token, "/sections/1", Map.of("rating-" + items.get(0), "10", "goto", "review"))
        .statusCode(400)
        .body(containsString("Please choose a number from 1 to 9."));
    assertThat(
        api(token).getInt("response.ratings.find { it.itemId == " + items.get(0) + " }.value"),
        equalTo(4));
    // An unknown goto is an ordinary save and continue.
    post(token, "/sections/1", Map.of("rating-" + items.get(0), "5", "goto", "elsewhere"))
        .statusCode(303)
        .header("Location", endsWith("/p/" + token + "/sections/2?saved=true"));
  }
}
