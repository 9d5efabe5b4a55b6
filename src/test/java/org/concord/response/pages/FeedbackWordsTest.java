package org.concord.response.pages;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The words of round 2's feedback: counts and whole percentages per part of the scale, never a
 * median; plural forms in English and Welsh; every statement a heading, every feedback heading and
 * comment box named for its statement.
 */
@QuarkusTest
class FeedbackWordsTest {

  private static final String UNABLE = "I cannot rate this";

  @Inject MockMailbox mailbox;
  @Inject MailDispatcher dispatcher;

  @BeforeEach
  void clearMail() {
    mailbox.clear();
  }

  @Test
  void aSplitPanelReadsAsCountsPerPartOfTheScaleNeverAsAMiddle() {
    // Statement 1: 7 people at 3, 10 at 8, 2 unable to rate. Statement 2: 18 at 5, 1 unable.
    Round2 r =
        roundTwo(
            "Split panel",
            Map.of(),
            19,
            2,
            (panelist, statement) -> {
              if (statement == 0) {
                return panelist <= 7 ? "3" : panelist <= 17 ? "8" : null;
              }
              return panelist <= 18 ? "5" : null;
            });
    String html = section(r.token, "");

    assertThat(html, containsString("In round 1, 17 people rated this statement:"));
    assertThat(html, containsString("10 (59%) agreed (rated 7 to 9)"));
    assertThat(html, containsString("0 (0%) neither agreed nor disagreed (rated 4 to 6)"));
    assertThat(html, containsString("7 (41%) disagreed (rated 1 to 3)"));
    assertThat(
        html,
        containsString("2 people chose “" + UNABLE + "”. The percentages above leave them out."));
    assertThat(html, containsString("In round 1, 18 people rated this statement:"));
    assertThat(html, containsString("18 (100%) neither agreed nor disagreed (rated 4 to 6)"));
    assertThat(html, containsString("1 person chose “" + UNABLE + "”."));
    assertThat(html, containsString("Ratings in round 1 (17 people rated this statement)"));
    assertThat(html.toLowerCase(), not(containsString("median")));
    assertThat(html.toLowerCase(), not(containsString("half the panel")));
    assertThat(html.toLowerCase(), not(containsString("middle half")));
    assertThat(html, containsString("<div class=\"axis-title y-title\">Number of people</div>"));
    assertThat(html, containsString("<div class=\"axis-title x-title\">Rating</div>"));

    String cy = section(r.token, "?lang=cy");
    assertThat(cy, containsString("Yn rownd 1, rhoddodd 17 o bobl sgôr i&#39;r datganiad hwn:"));
    assertThat(cy, containsString("Cytunodd 10 (59%) (sgôr 7 i 9)"));
    assertThat(cy, containsString("Anghytunodd 7 (41%) (sgôr 1 i 3)"));
    assertThat(cy, containsString("Dewisodd 2 berson “"));
    assertThat(cy, containsString("Dewisodd 1 person “"));
    assertThat(cy, containsString("<div class=\"axis-title y-title\">Nifer y bobl</div>"));
    assertThat(cy, containsString("Sut y sgoriodd y panel ddatganiad 2 yn rownd 1"));
  }

  @Test
  void everyStatementIsAHeadingWithItsOwnFeedbackHeadingAndCommentBoxName() {
    Round2 r = roundTwo("Headings", Map.of(), 2, 3, (panelist, statement) -> "5");
    String html = section(r.token, "");
    assertThat(r.items.size(), equalTo(3));
    for (int i = 0; i < r.items.size(); i++) {
      long item = r.items.get(i);
      int number = i + 1;
      assertThat(html, containsString("id=\"statement-" + item + "\""));
      assertThat(
          html,
          containsString(
              "<legend class=\"statement-legend\"><h2 class=\"statement-heading\" id=\"statement-"
                  + item
                  + "-heading\"><span class=\"statement-number\">Statement "
                  + number
                  + "</span> <span class=\"statement-text\">Statement "
                  + number
                  + "</span></h2></legend>"));
      assertThat(
          html,
          containsString(
              "<h3 class=\"feedback-heading\" id=\"feedback-"
                  + item
                  + "-heading\">How the panel rated statement "
                  + number
                  + " in round 1</h3>"));
      assertThat(
          html,
          containsString(
              "<label for=\"comment-"
                  + item
                  + "\">Your comment on statement "
                  + number
                  + " (optional)</label>"));
    }
    assertThat(unique(html, "<h3 class=\"feedback-heading\"[^>]*>([^<]+)</h3>"), equalTo(3));
    assertThat(unique(html, "<label for=\"comment-[^\"]+\">([^<]+)</label>"), equalTo(3));
    assertThat(count(html, "<h2 class=\"statement-heading\""), equalTo(3));

    String cy = section(r.token, "?lang=cy");
    assertThat(cy, containsString("Eich sylw ar ddatganiad 3 (dewisol)"));
    assertThat(cy, containsString("Yn rownd 1, rhoddodd 2 berson sgôr i&#39;r datganiad hwn:"));
    assertThat(cy, containsString("(2 berson wedi sgorio&#39;r datganiad hwn)"));
  }

  @Test
  void onePersonIsOnePersonAndAProtocolThatCountsUnableToRateSaysSo() {
    // Panelist 1 rates 4, panelist 2 cannot rate; "unable" counts in the percentages.
    Round2 r =
        roundTwo(
            "One person",
            Map.of("denominatorPolicy", "INCLUDE_AS_NEUTRAL"),
            2,
            1,
            (panelist, statement) -> panelist == 1 ? "4" : null);
    String html = section(r.token, "");
    assertThat(html, containsString("Ratings in round 1 (1 person rated this statement)"));
    assertThat(html, not(containsString("1 people")));
    assertThat(html, containsString("In round 1, 2 people answered about this statement:"));
    assertThat(html, containsString("1 (50%) neither agreed nor disagreed (rated 4 to 6)"));
    assertThat(html, containsString("1 (50%) chose “" + UNABLE + "”"));
    assertThat(html, not(containsString("leave them out")));
    assertThat(html, containsString("In round 1 you rated this 4 (Slightly disagree)."));

    String cy = section(r.token, "?lang=cy");
    assertThat(cy, containsString("(1 person wedi sgorio&#39;r datganiad hwn)"));
    assertThat(cy, containsString("Yn rownd 1, atebodd 2 berson am y datganiad hwn:"));
  }

  @Test
  void groupsAreShownInCountsPerPartOfTheScale() {
    Round2 r =
        roundTwo(
            "Groups",
            Map.of("feedback", Map.of("groupBreakdown", true)),
            4,
            1,
            (panelist, statement) -> panelist <= 2 ? "8" : "2");
    String html = section(r.token, "");
    assertThat(html, containsString("<th scope=\"col\">Agreed (rated 7 to 9)</th>"));
    assertThat(
        html,
        containsString(
            "<th scope=\"row\">Practitioners</th><td>2</td><td>2 (100%)</td><td>0 (0%)</td>"
                + "<td>0 (0%)</td>"));
    assertThat(
        html,
        containsString(
            "<th scope=\"row\">Carers</th><td>2</td><td>0 (0%)</td><td>0 (0%)</td>"
                + "<td>2 (100%)</td>"));
  }

  // ---- fixture ----

  interface Answers {
    /** The rating of panelist (from 1) for statement (from 0); null for "unable to rate". */
    String rating(int panelist, int statement);
  }

  record Round2(String token, List<Long> items) {}

  /**
   * Round 1 answered and submitted by every panelist as {@code answers} says, closed, and round 2
   * opened; the first panelist's token and the statements of round 2.
   */
  private Round2 roundTwo(
      String title, Map<String, Object> protocol, int panelists, int statements, Answers answers) {
    TestStudies.Ids ids =
        TestStudies.study(title)
            .protocol(protocol)
            .sections(statements)
            .statementsNamed("Statement ")
            .panelists(panelists)
            .groups(i -> i <= panelists / 2 ? "Practitioners" : "Carers")
            .draftRound();
    TestStudies.open(ids.round());
    dispatcher.dispatchDue();
    List<String> tokens = new ArrayList<>();
    for (int p = 1; p <= panelists; p++) {
      tokens.add(token(ids.study(), p));
    }
    List<Long> items =
        RestAssured.given()
            .get("/p/" + tokens.get(0) + "/api/round")
            .jsonPath()
            .getList("sections.items.flatten().itemId", Long.class);
    for (int p = 1; p <= panelists; p++) {
      List<Map<String, Object>> ratings = new ArrayList<>();
      for (int s = 0; s < items.size(); s++) {
        String value = answers.rating(p, s);
        ratings.add(
            value == null
                ? Map.of("itemId", items.get(s), "unableToRate", true)
                : Map.of("itemId", items.get(s), "value", Integer.parseInt(value)));
      }
      RestAssured.given()
          .contentType(ContentType.JSON)
          .body(Map.of("consent", true, "ratings", ratings))
          .put("/p/" + tokens.get(p - 1) + "/api/response")
          .then()
          .statusCode(200);
      RestAssured.given()
          .post("/p/" + tokens.get(p - 1) + "/api/response/submit")
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
    List<Long> carried =
        RestAssured.given()
            .get("/p/" + tokens.get(0) + "/api/round")
            .jsonPath()
            .getList("sections.items.flatten().itemId", Long.class);
    assertThat("every statement carried to round 2", carried.size(), equalTo(statements));
    return new Round2(tokens.get(0), carried);
  }

  private String token(long study, int panelist) {
    return Links.tokenIn(
        mailbox.getMailsSentTo("p" + panelist + "-" + study + "@example.org").stream()
            .filter(m -> m.getSubject().startsWith("Round 1"))
            .findFirst()
            .orElseThrow());
  }

  private static String section(String token, String query) {
    return RestAssured.given()
        .get("/p/" + token + "/sections/1" + query)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  private static int unique(String html, String regex) {
    Set<String> found = new HashSet<>();
    int all = 0;
    Matcher m = Pattern.compile(regex).matcher(html);
    while (m.find()) {
      found.add(m.group(1));
      all++;
    }
    assertThat("every match is different: " + found, found.size(), equalTo(all));
    return all;
  }

  private static int count(String html, String text) {
    return html.split(Pattern.quote(text), -1).length - 1;
  }
}
