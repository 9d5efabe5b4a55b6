package org.concord.results.betweenrounds;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
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
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.concord.web.ConsoleSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Between rounds 1 and 2 of one study, in the order a team works: the proposal after round 1
 * closes, building the draft, rewording and adding statements with the comments beside them,
 * releasing comments, and the preview of what panelists will see.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BetweenRoundsPagesTest {

  static final String FIRST = "Support starts with what matters to the person";
  static final String SECOND = "Staff decide alone what support a person gets";
  static final String THIRD = "Families are asked before plans change";
  static final String FOURTH = "Plans are reviewed only once a year";

  /** Round 1 ratings of panelists 1–4: in, none, none, out. */
  static final Map<String, int[]> RATINGS =
      Map.of(
          FIRST, new int[] {9, 8, 9, 8},
          SECOND, new int[] {2, 5, 8, 5},
          THIRD, new int[] {1, 9, 5, 7},
          FOURTH, new int[] {1, 2, 1, 2});

  static final String ON_SECOND = "Too vague about who decides";
  static final String ON_THIRD = "Families differ & <so> do plans";
  static final String ON_FIRST = "Obvious already";
  static final String ON_SECTION = "Nothing here about respite for carers";

  static final String REWORDED = "Staff and the person decide together what support they get";
  static final String ADDED = "Carers are offered respite before plans change";

  @Inject MockMailbox mailbox;
  @Inject MailDispatcher dispatcher;

  long study;
  long first;
  long second;
  long familiesSection;

  @BeforeEach
  void closeRoundOne() {
    if (study != 0) {
      return;
    }
    study =
        asCoordinator()
            .contentType(ContentType.JSON)
            .body(Map.of("title", "Between rounds study", "protocol", TestStudies.SMALL_PANEL))
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
                + "\n\n## Working with families\n- "
                + THIRD
                + "\n- "
                + FOURTH
                + "\n")
        .post("/api/studies/" + study + "/guidance")
        .then()
        .statusCode(200);
    StringBuilder panel = new StringBuilder("name,email,group\n");
    for (int p = 1; p <= 4; p++) {
      panel
          .append("Person ")
          .append(p)
          .append(',')
          .append(email(p))
          .append(',')
          .append(p <= 2 ? "Practitioners" : "Carers")
          .append('\n');
    }
    asCoordinator()
        .contentType("text/csv")
        .body(panel.toString())
        .post("/api/studies/" + study + "/panel")
        .then()
        .statusCode(200);
    first =
        asCoordinator()
            .contentType(ContentType.JSON)
            .body("{}")
            .post("/api/studies/" + study + "/rounds")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    mailbox.clear();
    TestStudies.open(first);
    dispatcher.dispatchDue();
    for (int p = 1; p <= 4; p++) {
      submit(Links.tokenIn(mailbox.getMailsSentTo(email(p)).get(0)), p);
    }
    asCoordinator().post("/api/rounds/" + first + "/close").then().statusCode(200);
    familiesSection =
        asCoordinator()
            .get("/api/rounds/" + first)
            .jsonPath()
            .getLong("items.find { it.section == 'Working with families' }.sectionId");
  }

  @Test
  @Order(1)
  void theProposalListsCarriedAndRetiredStatementsInGuidanceOrderWithWhoIsInvited() {
    String page =
        ConsoleSession.analyst()
            .get("/console/rounds/" + first + "/next")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(page, containsString("<h1>Proposal for round 2</h1>"));
    assertThat(
        page,
        containsString(
            "<th scope=\"row\">"
                + FIRST
                + "</th><td><span class=\"badge in\">Retires: consensus in"));
    assertThat(
        page,
        containsString(
            "<th scope=\"row\">" + SECOND + "</th><td><span class=\"badge none\">Rated again"));
    assertThat(
        page,
        containsString(
            "<th scope=\"row\">" + THIRD + "</th><td><span class=\"badge none\">Rated again"));
    assertThat(
        page,
        containsString(
            "<th scope=\"row\">"
                + FOURTH
                + "</th><td><span class=\"badge out\">Retires: consensus out"));
    assertThat(page.indexOf(FIRST), lessThan(page.indexOf(SECOND)));
    assertThat(page.indexOf(SECOND), lessThan(page.indexOf(THIRD)));
    assertThat(page.indexOf(THIRD), lessThan(page.indexOf(FOURTH)));
    assertThat(page, containsString("2 statements to rate in round 2: 2 rated again, 0 added."));
    assertThat(
        page,
        containsString(
            "The protocol invites the panelists who submitted round 1 and have not withdrawn"
                + " since: 4 panelists."));
    assertThat(page, containsString("round 2 may follow"));
    assertThat(page, not(containsString("The stopping rule says stop")));
    // the analyst reads it; building is the coordinator's
    assertThat(page, not(containsString("Build round 2 as a draft")));
    assertThat(page, containsString("A coordinator builds round 2"));
    assertThat(roundCount(), equalTo(1));
    // the results of round 1 lead here
    ConsoleSession.analyst()
        .get("/console/studies/" + study + "/results?round=1")
        .then()
        .statusCode(200)
        .body(containsString("href=\"/console/rounds/" + first + "/next\""));
  }

  @Test
  @Order(2)
  void buildingTheDraftLeadsToThePreparePageWithTheLastRoundBesideEachStatement() {
    ConsoleSession coordinator = ConsoleSession.coordinator();
    coordinator
        .get("/console/rounds/" + first + "/next")
        .then()
        .statusCode(200)
        .body(containsString("Build round 2 as a draft"));
    var built = coordinator.post("/console/rounds/" + first + "/next", Map.of());
    assertThat(built.statusCode(), equalTo(303));
    second =
        asCoordinator()
            .get("/api/studies/" + study + "/rounds")
            .jsonPath()
            .getLong("find { it.number == 2 }.id");
    assertThat(
        built.header("Location"), endsWith("/console/rounds/" + second + "/prepare?done=built"));
    String page =
        coordinator
            .get("/console/rounds/" + second + "/prepare?done=built")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(page, containsString("The draft is built from the proposal."));
    assertThat(page, containsString("Statement 1: " + SECOND + "</h3>"));
    assertThat(page, containsString("Statement 2: " + THIRD + "</h3>"));
    assertThat(page, not(containsString(": " + FOURTH + "</h3>")));
    // second: 2, 5, 8, 5 (1 of 4 agree, median 5); third: 1, 9, 5, 7 (2 of 4, median 6)
    assertThat(page, containsString("<dd>25.0%</dd>"));
    assertThat(page, containsString("<dd>5.00</dd>"));
    assertThat(page, containsString("<dd>50.0%</dd>"));
    assertThat(page, containsString("<dd>6.00</dd>"));
    // the comments beside their statement; a retired statement's and the section's further down
    assertThat(page.indexOf(ON_SECOND), lessThan(page.indexOf("Statement 2: " + THIRD)));
    assertThat(page, containsString("Families differ &amp; &lt;so&gt; do plans"));
    assertThat(page, containsString("Comments on statements that retire"));
    assertThat(page, containsString(ON_FIRST));
    assertThat(page, containsString("Comments on the section as a whole"));
    assertThat(page, containsString(ON_SECTION));
    assertThat(page, containsString("Release to panelists"));
    assertThat(page, containsString(">Review and open round 2</a>"));
    for (int p = 1; p <= 4; p++) {
      assertThat(page, not(containsString("Person " + p + "<")));
      assertThat(page, not(containsString(email(p))));
    }
    // the proposal now leads to the draft, and a second build is refused
    coordinator
        .get("/console/rounds/" + first + "/next")
        .then()
        .statusCode(200)
        .body(containsString("Round 2 is built already."))
        .body(containsString("/console/rounds/" + second + "/prepare"))
        .body(not(containsString("Build round 2 as a draft")));
    coordinator.post("/console/rounds/" + first + "/next", Map.of()).then().statusCode(409);
    assertThat(roundCount(), equalTo(2));
  }

  @Test
  @Order(3)
  void anEmptyOrUnchangedWordingIsRefusedBesideItsFieldAndChangesNothing() {
    long item = itemId(SECOND);
    ConsoleSession coordinator = ConsoleSession.coordinator();
    String page =
        coordinator
            .post(
                "/console/rounds/" + second + "/prepare/items/" + item,
                Map.of("text-" + item, "  ", "reason-" + item, "Clearer"))
            .then()
            .statusCode(400)
            .extract()
            .asString();
    assertThat(page, containsString("<a href=\"#text-" + item + "\">Write the new wording"));
    assertThat(
        page,
        containsString(
            "<p class=\"field-error\" id=\"text-" + item + "-error\">Write the new wording"));
    assertThat(page, containsString("aria-invalid=\"true\""));
    assertThat(page, containsString("value=\"Clearer\""));
    coordinator
        .post(
            "/console/rounds/" + second + "/prepare/items/" + item,
            Map.of("text-" + item, SECOND, "reason-" + item, ""))
        .then()
        .statusCode(400)
        .body(containsString("The new wording is the same as the current one."));
    assertThat(roundTexts(), hasItem(SECOND));
    assertThat(roundTexts(), not(hasItem(REWORDED)));
  }

  @Test
  @Order(4)
  void aNewWordingIsWhatTheRoundWillAsk() {
    long item = itemId(SECOND);
    var response =
        ConsoleSession.coordinator()
            .post(
                "/console/rounds/" + second + "/prepare/items/" + item,
                Map.of("text-" + item, REWORDED, "reason-" + item, "Comments found it too vague"));
    assertThat(response.statusCode(), equalTo(303));
    assertThat(response.header("Location"), endsWith("?done=reworded#statement-" + item));
    JsonPath round = asCoordinator().get("/api/rounds/" + second).jsonPath();
    assertThat(round.getString("items.find { it.id == " + item + " }.text"), equalTo(REWORDED));
    assertThat(round.getInt("items.find { it.id == " + item + " }.version"), equalTo(2));
    ConsoleSession.coordinator()
        .get("/console/rounds/" + second + "/prepare?done=reworded")
        .then()
        .statusCode(200)
        .body(containsString("The new wording is saved"))
        .body(containsString("Statement 1: " + REWORDED))
        .body(containsString("Wording version 2"));
  }

  @Test
  @Order(5)
  void aReleasedCommentAppearsInThePreviewAndAWithheldOneDoesNot() {
    long comment = commentId(ON_THIRD);
    ConsoleSession coordinator = ConsoleSession.coordinator();
    String escaped = "Families differ &amp; &lt;so&gt; do plans";
    coordinator
        .get("/console/rounds/" + second + "/preview/sections/2")
        .then()
        .statusCode(200)
        .body(not(containsString(escaped)));
    var released =
        coordinator.post(
            "/console/rounds/" + second + "/prepare/comments/" + comment,
            Map.of("released", "true"));
    assertThat(released.statusCode(), equalTo(303));
    assertThat(released.header("Location"), endsWith("?done=released#comment-" + comment));
    coordinator
        .get("/console/rounds/" + second + "/preview/sections/2")
        .then()
        .statusCode(200)
        .body(containsString("<li>" + escaped + "</li>"));
    coordinator
        .get("/console/rounds/" + second + "/prepare")
        .then()
        .body(containsString("1 comment is released"))
        .body(containsString(">Withhold</button>"));
    coordinator
        .post(
            "/console/rounds/" + second + "/prepare/comments/" + comment,
            Map.of("released", "false"))
        .then()
        .statusCode(303);
    coordinator
        .get("/console/rounds/" + second + "/preview/sections/2")
        .then()
        .body(not(containsString(escaped)));
    coordinator
        .post(
            "/console/rounds/" + second + "/prepare/comments/" + comment,
            Map.of("released", "maybe"))
        .then()
        .statusCode(400);
    // released for the rest of the study's round 2
    coordinator.post(
        "/console/rounds/" + second + "/prepare/comments/" + comment, Map.of("released", "true"));
  }

  @Test
  @Order(6)
  void aStatementIsAddedFromTheCommentsItCameFrom() {
    ConsoleSession coordinator = ConsoleSession.coordinator();
    int before = roundTexts().size();
    String refused =
        coordinator
            .post(
                "/console/rounds/" + second + "/prepare/statements",
                Map.of("new-section", "", "new-text", ""))
            .then()
            .statusCode(400)
            .extract()
            .asString();
    assertThat(
        refused,
        containsString(
            "<p class=\"field-error\" id=\"new-section-error\">Choose the section the statement"
                + " belongs to.</p>"));
    assertThat(
        refused,
        containsString("<p class=\"field-error\" id=\"new-text-error\">Write the statement.</p>"));
    coordinator
        .post(
            "/console/rounds/" + second + "/prepare/statements",
            Map.of(
                "new-section",
                String.valueOf(familiesSection),
                "new-text",
                ADDED,
                "new-comments",
                "999999999"))
        .then()
        .statusCode(400)
        .body(containsString("id=\"new-comments-error\">Comment 999999999 is not a comment"))
        // what was typed is kept
        .body(containsString(ADDED + "</textarea>"))
        .body(containsString("<option value=\"" + familiesSection + "\" selected>"));
    assertThat(roundTexts().size(), equalTo(before));

    long comment = commentId(ON_SECTION);
    var added =
        coordinator.post(
            "/console/rounds/" + second + "/prepare/statements",
            Map.of(
                "new-section",
                String.valueOf(familiesSection),
                "new-text",
                ADDED,
                "new-comments",
                String.valueOf(comment)));
    assertThat(added.statusCode(), equalTo(303));
    assertThat(added.header("Location"), endsWith("?done=added"));
    assertThat(roundTexts(), hasItem(ADDED));
    assertThat(roundTexts().size(), equalTo(before + 1));
    coordinator
        .get("/console/rounds/" + second + "/prepare")
        .then()
        .statusCode(200)
        .body(containsString("Statement 3: " + ADDED))
        .body(containsString("New in round 2: not rated before."));
  }

  @Test
  @Order(7)
  void thePreviewShowsThePanelistsSectionWithTheChartAndNoFormThatSaves() {
    String page =
        ConsoleSession.coordinator()
            .get("/console/rounds/" + second + "/preview")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(page, containsString("Preview of round 2: this is what a panelist will see."));
    assertThat(page, containsString("<h1>Everyday support</h1>"));
    assertThat(page, containsString(REWORDED));
    assertThat(page, containsString("<div class=\"chart-plot\" role=\"img\""));
    // the group's answer of round 1 to the second statement: 2, 5, 8, 5
    assertThat(page, containsString("<th scope=\"row\">5 "));
    assertThat(page, containsString("type=\"radio\""));
    assertThat(page, containsString("a preview has no panelist, so it shows none"));
    assertThat(page, not(containsString("<form")));
    assertThat(page, not(containsString("/p/")));
    assertThat(page, not(containsString("panelist.js")));
    assertThat(page, containsString("href=\"/console/rounds/" + second + "/prepare\""));
    String families =
        ConsoleSession.analyst()
            .get("/console/rounds/" + second + "/preview/sections/2")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(families, containsString(THIRD));
    assertThat(families, containsString(ADDED));
    assertThat(families, containsString("Families differ &amp; &lt;so&gt; do plans"));
    ConsoleSession.coordinator()
        .get("/console/rounds/" + second + "/preview/sections/3")
        .then()
        .statusCode(404);
    // previewing started nobody's response and opened nothing
    JsonPath round = asCoordinator().get("/api/rounds/" + second).jsonPath();
    assertThat(round.getString("state"), equalTo("DRAFT"));
    assertThat(
        asCoordinator()
            .get("/api/rounds/" + second + "/progress")
            .jsonPath()
            .getInt("overall.invited"),
        equalTo(0));
  }

  @Test
  @Order(8)
  void anAnalystReadsTheProposalAndPreviewButNotThePreparePageAndChangesNothing() {
    ConsoleSession analyst = ConsoleSession.analyst();
    long item = itemId(THIRD);
    long comment = commentId(ON_SECOND);
    analyst.get("/console/rounds/" + first + "/next").then().statusCode(200);
    analyst.get("/console/rounds/" + second + "/preview").then().statusCode(200);
    analyst.get("/console/rounds/" + second + "/prepare").then().statusCode(403);
    analyst.post("/console/rounds/" + first + "/next", Map.of()).then().statusCode(403);
    analyst
        .post(
            "/console/rounds/" + second + "/prepare/items/" + item,
            Map.of("text-" + item, "An analyst's wording"))
        .then()
        .statusCode(403);
    analyst
        .post(
            "/console/rounds/" + second + "/prepare/statements",
            Map.of("new-section", String.valueOf(familiesSection), "new-text", "By an analyst"))
        .then()
        .statusCode(403);
    analyst
        .post(
            "/console/rounds/" + second + "/prepare/comments/" + comment,
            Map.of("released", "true"))
        .then()
        .statusCode(403);
    assertThat(roundTexts(), hasItem(THIRD));
    assertThat(roundTexts(), not(hasItem("By an analyst")));
    assertThat(
        asCoordinator()
            .get("/api/rounds/" + first + "/comments?size=50")
            .jsonPath()
            .getBoolean("items.find { it.id == " + comment + " }.released"),
        equalTo(false));
  }

  @Test
  @Order(9)
  void onlyADraftAfterRoundOneIsPrepared() {
    ConsoleSession coordinator = ConsoleSession.coordinator();
    coordinator.get("/console/rounds/" + first + "/prepare").then().statusCode(409);
    coordinator
        .post("/console/rounds/" + first + "/prepare/statements", Map.of("new-text", "x"))
        .then()
        .statusCode(409);
    coordinator.get("/console/rounds/" + second + "/next").then().statusCode(409);
  }

  @Test
  void whenTheStoppingRuleSaysStopTheProposalSaysOpeningNeedsAReason() {
    TestStudies.Ids ids =
        TestStudies.study("Decided at once study").sections(1).panelists(2).openRound();
    dispatcher.dispatchDue();
    for (int p = 1; p <= 2; p++) {
      String token =
          Links.tokenIn(
              mailbox.getMailsSentTo("p" + p + "-" + ids.study() + "@example.org").get(0));
      JsonPath round =
          RestAssured.given().basePath("/p/" + token + "/api").get("/round").jsonPath();
      long item = round.getLong("sections[0].items[0].itemId");
      RestAssured.given()
          .basePath("/p/" + token + "/api")
          .contentType(ContentType.JSON)
          .body(Map.of("consent", true, "ratings", List.of(Map.of("itemId", item, "value", 9))))
          .put("/response")
          .then()
          .statusCode(200);
      RestAssured.given()
          .basePath("/p/" + token + "/api")
          .post("/response/submit")
          .then()
          .statusCode(200);
    }
    asCoordinator().post("/api/rounds/" + ids.round() + "/close").then().statusCode(200);
    ConsoleSession.coordinator()
        .get("/console/rounds/" + ids.round() + "/next")
        .then()
        .statusCode(200)
        .body(containsString("The stopping rule says stop."))
        .body(containsString("Every statement reached consensus in or out."))
        .body(containsString("opening it needs an override reason"))
        .body(containsString("No statement is left to rate"));
    ConsoleSession coordinator = ConsoleSession.coordinator();
    String prepare =
        coordinator.post("/console/rounds/" + ids.round() + "/next", Map.of()).header("Location");
    coordinator
        .get(prepare)
        .then()
        .statusCode(200)
        .body(containsString("The stopping rule said stop after round 1."))
        .body(containsString("Opening round 2 needs an override reason"))
        .body(containsString("0 statements to rate in round 2."));
    // a comment of another study's round is not this draft's to release
    String draft = prepare.substring(0, prepare.indexOf("/prepare"));
    coordinator
        .post(draft + "/prepare/comments/" + commentId(ON_SECOND), Map.of("released", "true"))
        .then()
        .statusCode(404);
  }

  private int roundCount() {
    return asCoordinator().get("/api/studies/" + study + "/rounds").jsonPath().getList("$").size();
  }

  private List<String> roundTexts() {
    return asCoordinator().get("/api/rounds/" + second).jsonPath().getList("items.text");
  }

  private long itemId(String text) {
    return asCoordinator()
        .get("/api/rounds/" + second)
        .jsonPath()
        .getLong("items.find { it.text == '" + text + "' }.id");
  }

  private long commentId(String text) {
    return asCoordinator()
        .get("/api/rounds/" + first + "/comments?size=50")
        .jsonPath()
        .getLong("items.find { it.text == '" + text + "' }.id");
  }

  private String email(int panelist) {
    return "between-p" + panelist + "-" + study + "@example.org";
  }

  @SuppressWarnings("unchecked")
  private void submit(String token, int panelist) {
    List<Map<String, Object>> ratings = new ArrayList<>();
    List<Map<String, Object>> comments = new ArrayList<>();
    List<Map<String, Object>> sections =
        RestAssured.given()
            .basePath("/p/" + token + "/api")
            .get("/round")
            .jsonPath()
            .getList("sections");
    for (Map<String, Object> section : sections) {
      for (Map<String, Object> item : (List<Map<String, Object>>) section.get("items")) {
        String text = (String) item.get("text");
        ratings.add(Map.of("itemId", item.get("itemId"), "value", RATINGS.get(text)[panelist - 1]));
        String comment =
            switch (panelist) {
              case 1 -> text.equals(SECOND) ? ON_SECOND : null;
              case 2 -> text.equals(THIRD) ? ON_THIRD : null;
              case 3 -> text.equals(FIRST) ? ON_FIRST : null;
              default -> null;
            };
        if (comment != null) {
          comments.add(Map.of("itemId", item.get("itemId"), "text", comment));
        }
      }
      if (panelist == 4 && "Working with families".equals(section.get("title"))) {
        comments.add(Map.of("sectionId", section.get("id"), "text", ON_SECTION));
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
