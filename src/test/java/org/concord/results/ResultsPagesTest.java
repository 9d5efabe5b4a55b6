package org.concord.results;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.concord.Api;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.concord.web.ConsoleSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A round run through the JSON API and closed; the console's results page shows what the API
 * stored: outcomes, a drawn distribution with its words, the comments without who wrote them.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsPagesTest {

  static final String[] NAMES = {
    "Alice Example", "Bob Example", "Cara Example", "Dan Example", "Eve Example", "Fay Example"
  };

  static final String FIRST = "Support starts with what matters to the person";
  static final String SECOND = "Staff decide alone what support a person gets";
  static final String THIRD = "Families are asked before plans change";

  /** Ratings per statement and panelist in round 1; panelists 1–3 are Practitioners. */
  static final Map<String, int[]> ROUND_1 =
      Map.of(
          FIRST, new int[] {9, 8, 9, 8, 7, 9},
          SECOND, new int[] {1, 2, 1, 2, 1, 3},
          THIRD, new int[] {2, 5, 8, 5, 9, 1});

  /** Round 2 carries the third statement, which the panel now mostly agrees with. */
  static final Map<String, int[]> ROUND_2 = Map.of(THIRD, new int[] {7, 8, 8, 7, 9, 5});

  static final String PRACTITIONER_COMMENT = "Works well in rural teams & <small> services";
  static final String CARER_COMMENT = "Carers need respite before anything else";

  @Inject MockMailbox mailbox;
  @Inject MailDispatcher dispatcher;

  long study;
  long round;
  long secondSection;
  long carers;

  @BeforeEach
  void closeOneRound() {
    if (study != 0) {
      return;
    }
    study =
        asCoordinator()
            .contentType(ContentType.JSON)
            .body(Map.of("title", "Results page study", "protocol", TestStudies.SMALL_PANEL))
            .post("/api/studies")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    asCoordinator()
        .contentType("text/markdown")
        .body(
            "## Everyday support\n- "
                + FIRST
                + "\n- "
                + SECOND
                + "\n"
                + "## Working with families\n- "
                + THIRD
                + "\n")
        .post("/api/studies/" + study + "/guidance")
        .then()
        .statusCode(200);
    StringBuilder panel = new StringBuilder("name,email,group\n");
    for (int p = 1; p <= NAMES.length; p++) {
      panel
          .append(NAMES[p - 1])
          .append(',')
          .append(email(p))
          .append(',')
          .append(p <= 3 ? "Practitioners" : "Carers")
          .append('\n');
    }
    asCoordinator()
        .contentType("text/csv")
        .body(panel.toString())
        .post("/api/studies/" + study + "/panel")
        .then()
        .statusCode(200);
    round =
        asCoordinator()
            .contentType(ContentType.JSON)
            .body("{}")
            .post("/api/studies/" + study + "/rounds")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    runRound(round, ROUND_1);
    JsonPath results = asCoordinator().get("/api/rounds/" + round + "/results").jsonPath();
    carers = results.getLong("items[0].groups.find { it.group == 'Carers' }.groupId");
    secondSection =
        asCoordinator()
            .get("/api/rounds/" + round)
            .jsonPath()
            .getLong("items.find { it.section == 'Working with families' }.sectionId");
    long second =
        asCoordinator()
            .post("/api/rounds/" + round + "/next")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    runRound(second, ROUND_2);
  }

  private void runRound(long id, Map<String, int[]> ratings) {
    mailbox.clear();
    TestStudies.open(id);
    dispatcher.dispatchDue();
    for (int p = 1; p <= NAMES.length; p++) {
      String token = Links.tokenIn(mailbox.getMailsSentTo(email(p)).get(0));
      submit(token, p, ratings);
    }
    asCoordinator().post("/api/rounds/" + id + "/close").then().statusCode(200);
  }

  @Test
  void thePageShowsEachStatementsOutcomeFiguresAndTheStoppingVerdict() {
    ConsoleSession.analyst()
        .get("/console/studies/" + study + "/results?round=1")
        .then()
        .statusCode(200)
        .body(containsString("Results of round 1"))
        .body(containsString("Support starts with what matters to the person"))
        .body(containsString("Consensus in"))
        .body(containsString("Consensus out"))
        .body(containsString("No consensus"))
        // statement 1: 6 of 6 in 7–9; statement 3: 2 of 6 is 33.3%, median (5 + 5) / 2
        .body(containsString("100.0%"))
        .body(containsString("33.3%"))
        .body(containsString("5.00"))
        .body(containsString("Continue: another round may follow."))
        .body(containsString("6 of 6 invited panelists submitted"))
        .body(containsString("<h2 id=\"section-"))
        .body(not(containsString(" style=")));
  }

  @Test
  void theLatestClosedRoundIsShownFirstWithStabilityAgainstTheRoundBefore() {
    ConsoleSession.coordinator()
        .get("/console/studies/" + study + "/results")
        .then()
        .statusCode(200)
        .body(containsString("Results of round 2"))
        .body(containsString("<option value=\"2\" selected>Round 2</option>"))
        .body(containsString("<option value=\"1\">Round 1</option>"))
        .body(containsString(THIRD))
        .body(not(containsString(FIRST)))
        // 5 of 6 in 7–9 (83.3%), 1 in 1–3: consensus in; and the distribution moved
        .body(containsString("83.3%"))
        .body(containsString("Consensus in"))
        .body(containsString("Not stable: the distribution moved"))
        .body(containsString("Stop: every statement reached consensus in or out."));
  }

  @Test
  void eachStatementHasADrawnDistributionWithAWrittenAlternative() {
    String page =
        ConsoleSession.coordinator()
            .get("/console/studies/" + study + "/results?round=1")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(page, containsString("<svg"));
    assertThat(page, containsString("role=\"img\""));
    assertThat(page, containsString("<title id=\"chart-"));
    // statement 3 was rated 2, 5, 8, 5, 9, 1
    assertThat(
        page,
        containsString(
            "Ratings from 1 to 9 by 6 people: 1: 1, 2: 1, 3: 0, 4: 0, 5: 2, 6: 0, 7: 0, 8: 1, 9: 1."
                + " Agree band 7–9: 2; disagree band 1–3: 2."));
    assertThat(page, containsString(">Agree</text>"));
    assertThat(page, containsString(">Disagree</text>"));
    assertThat(page, containsString("<th scope=\"row\">9 Strongly agree</th>"));
    // as many charts as statements
    assertThat(page.split("<svg", -1).length - 1, equalTo(3));
  }

  @Test
  void commentsAreShownWithTheirGroupButNeverWhoWroteThem() {
    String page =
        ConsoleSession.coordinator()
            .get("/console/studies/" + study + "/results?round=1")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(page, containsString("Works well in rural teams &amp; &lt;small&gt; services"));
    assertThat(page, containsString(CARER_COMMENT));
    for (String name : NAMES) {
      assertThat(page, not(containsString(name)));
    }
    assertThat(page, not(containsString("@example.org")));
  }

  @Test
  void filtersNarrowTheStatementsByOutcomeSectionGroupAndDivergence() {
    ConsoleSession browser = ConsoleSession.coordinator();
    String base = "/console/studies/" + study + "/results?round=1&";
    browser
        .get(base + "outcome=in")
        .then()
        .statusCode(200)
        .body(containsString("Showing 1 of 3 statements"))
        .body(containsString("Support starts with what matters to the person"))
        .body(not(containsString("Staff decide alone")))
        .body(containsString("<option value=\"in\" selected>"));
    browser
        .get(base + "section=" + secondSection)
        .then()
        .statusCode(200)
        .body(containsString("Families are asked before plans change"))
        .body(not(containsString("Support starts with what matters")));
    browser
        .get(base + "group=" + carers)
        .then()
        .statusCode(200)
        .body(containsString("with the figures and comments of Carers"))
        .body(containsString(CARER_COMMENT))
        .body(not(containsString("Works well in rural teams")))
        // statement 3 among the carers: 5, 9, 1
        .body(containsString("Ratings from 1 to 9 by 3 people"));
    // no stakeholder group came to another outcome than the others in round 1
    browser
        .get(base + "divergent=true")
        .then()
        .statusCode(200)
        .body(containsString("Showing 0 of 3 statements"))
        .body(containsString("No statement matches these choices."))
        .body(containsString("name=\"divergent\" value=\"true\" checked"));
    browser.get("/console/studies/" + study + "/results?round=7").then().statusCode(404);
  }

  @Test
  void aStudyWithoutAClosedRoundSaysSo() {
    long fresh = Api.createStudy("No results yet study");
    ConsoleSession.coordinator()
        .get("/console/studies/" + fresh + "/results")
        .then()
        .statusCode(200)
        .body(containsString("No round has closed yet"));
    ConsoleSession.anonymous()
        .get("/console/studies/" + fresh + "/results")
        .then()
        .statusCode(303)
        .header("Location", containsString("/console/login"));
  }

  private String email(int panelist) {
    return "results-p" + panelist + "-" + study + "@example.org";
  }

  @SuppressWarnings("unchecked")
  private void submit(String token, int panelist, Map<String, int[]> byText) {
    List<Map<String, Object>> ratings = new ArrayList<>();
    List<Map<String, Object>> comments = new ArrayList<>();
    List<Map<String, Object>> sections =
        RestAssured.given()
            .basePath("/p/" + token + "/api")
            .get("/round")
            .jsonPath()
            .getList("sections");
    boolean firstRound = byText == ROUND_1;
    for (Map<String, Object> section : sections) {
      for (Map<String, Object> item : (List<Map<String, Object>>) section.get("items")) {
        String text = (String) item.get("text");
        ratings.add(Map.of("itemId", item.get("itemId"), "value", byText.get(text)[panelist - 1]));
        if (firstRound && text.equals(FIRST) && panelist == 1) {
          comments.add(Map.of("itemId", item.get("itemId"), "text", PRACTITIONER_COMMENT));
        }
        if (firstRound && text.equals(THIRD) && panelist == 4) {
          comments.add(Map.of("itemId", item.get("itemId"), "text", CARER_COMMENT));
        }
      }
    }
    Map<String, Object> body = new HashMap<>();
    body.put("consent", true);
    body.put("ratings", ratings);
    body.put("comments", comments);
    RestAssured.given()
        .basePath("/p/" + token + "/api")
        .contentType(ContentType.JSON)
        .body(body)
        .put("/response")
        .then()
        .statusCode(200);
    RestAssured.given()
        .basePath("/p/" + token + "/api")
        .post("/response/submit")
        .then()
        .statusCode(200);
  }
}
