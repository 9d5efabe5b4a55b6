package org.concord.round;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.concord.Api;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RoundLifecycleTest {

  @Inject MockMailbox mailbox;
  @Inject MailDispatcher dispatcher;
  @Inject RoundMonitor monitor;

  @Test
  void aRoundWithoutPanelistsDoesNotOpen() {
    long[] ids = TestStudies.withDraftRound("No panel", 2, 0, null);
    asCoordinator()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/rounds/" + ids[1] + "/open")
        .then()
        .statusCode(409)
        .body("detail", containsString("panel is empty"));
    asCoordinator()
        .get("/api/studies/" + ids[0])
        .then()
        .body("state", equalTo("DRAFT"))
        .body("protocolLockedAt", org.hamcrest.Matchers.nullValue());
  }

  @Test
  void roundOneRatesTheGuidanceAsItStandsWhenItOpens() {
    long[] ids = TestStudies.withDraftRound("Guidance edited after the draft", 2, 2, null);
    List<Integer> statements =
        asCoordinator()
            .get("/api/studies/" + ids[0] + "/statements")
            .jsonPath()
            .getList("items.id", Integer.class);
    long section =
        asCoordinator()
            .get("/api/studies/" + ids[0] + "/statements")
            .jsonPath()
            .getLong("items[0].sectionId");
    asCoordinator().delete("/api/statements/" + statements.get(0)).then().statusCode(204);
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("text", "Added while round 1 was a draft"))
        .post("/api/sections/" + section + "/statements")
        .then()
        .statusCode(201);
    TestStudies.open(ids[1]);
    List<String> rated =
        asCoordinator().get("/api/rounds/" + ids[1]).jsonPath().getList("items.text");
    assertThat(rated, equalTo(List.of("Statement number 2", "Added while round 1 was a draft")));
  }

  @Test
  void openingLocksTheProtocolAndLaterChangesNeedAReasonThatIsAudited() {
    long[] ids = TestStudies.withDraftRound("Locked", 2, 2, null);
    TestStudies.open(ids[1]);
    asCoordinator()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/rounds/" + ids[1] + "/open")
        .then()
        .statusCode(409);
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("minimumN", 5))
        .patch("/api/studies/" + ids[0] + "/protocol")
        .then()
        .statusCode(409)
        .body("detail", containsString("needs a reason"));
    asCoordinator().get("/api/studies/" + ids[0] + "/protocol").then().body("minimumN", equalTo(0));
    asCoordinator()
        .contentType(ContentType.JSON)
        .queryParam("reason", "Funder asked for a minimum n")
        .body(Map.of("minimumN", 5))
        .patch("/api/studies/" + ids[0] + "/protocol")
        .then()
        .statusCode(200)
        .body("minimumN", equalTo(5));
    asCoordinator()
        .get("/api/studies/" + ids[0] + "/audit")
        .then()
        .body(
            "findAll { it.action.startsWith('protocol') }.action",
            equalTo(List.of("protocol-locked", "protocol-changed")))
        .body(
            "find { it.action == 'protocol-changed' }.detail",
            containsString("Funder asked for a minimum n"))
        .body(
            "find { it.action == 'protocol-changed' }.actor", equalTo("coordinator@test.example"));
    asCoordinator()
        .contentType("text/markdown")
        .body("## More\n- Another\n")
        .post("/api/studies/" + ids[0] + "/guidance")
        .then()
        .statusCode(409);
  }

  @Test
  void theStoppingRuleIsShownAndOpeningPastItNeedsAnOverride() {
    long[] ids = TestStudies.withDraftRound("Stopping", 2, 2, Map.of("maximumRounds", 1));
    TestStudies.open(ids[1]);
    dispatcher.dispatchDue();
    String token = linkOfFirstPanelist(ids[0]);
    List<Long> items =
        RestAssured.given()
            .get("/p/" + token + "/api/round")
            .jsonPath()
            .getList("sections[0].items.itemId", Long.class);
    RestAssured.given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "consent",
                true,
                "ratings",
                List.of(
                    Map.of("itemId", items.get(0), "value", 5),
                    Map.of("itemId", items.get(1), "value", 5))))
        .put("/p/" + token + "/api/response")
        .then()
        .statusCode(200);
    RestAssured.given().post("/p/" + token + "/api/response/submit").then().statusCode(200);
    asCoordinator()
        .post("/api/rounds/" + ids[1] + "/close")
        .then()
        .statusCode(200)
        .body("stopReason", containsString("maximum number of rounds"));
    long next =
        asCoordinator()
            .post("/api/rounds/" + ids[1] + "/next")
            .then()
            .statusCode(201)
            .body("stoppingRuleBeforeOpening.stop", equalTo(true))
            .body("stoppingRuleBeforeOpening.reason", equalTo("MAXIMUM_ROUNDS"))
            .body("items", hasSize(2))
            .extract()
            .jsonPath()
            .getLong("id");
    asCoordinator().post("/api/rounds/" + ids[1] + "/next").then().statusCode(409);
    asCoordinator()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/rounds/" + next + "/open")
        .then()
        .statusCode(409)
        .body("detail", containsString("override reason"));
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("overrideReason", "Two statements still split the panel"))
        .post("/api/rounds/" + next + "/open")
        .then()
        .statusCode(200)
        .body("overrideReason", equalTo("Two statements still split the panel"));
    asCoordinator()
        .get("/api/rounds/" + next + "/progress")
        .then()
        .body("overall.invited", equalTo(1));
    asCoordinator()
        .get("/api/studies/" + ids[0] + "/audit")
        .then()
        .body("action", hasItem("stopping-rule-overridden"));
    asCoordinator()
        .get("/api/studies/" + ids[0] + "/rounds")
        .then()
        .statusCode(200)
        .body("number", equalTo(List.of(1, 2)))
        .body("state", equalTo(List.of("CLOSED", "OPEN")));
    Api.asAnalyst().get("/api/rounds/" + ids[1] + "/results").then().statusCode(200);
    Api.asAnalyst().get("/api/rounds/" + ids[1] + "/comments").then().statusCode(403);
  }

  @Test
  void theNextDraftCanRewordAddFromCommentsAndReleaseCommentsAsFeedback() {
    long[] ids = TestStudies.withDraftRound("Rewording", 2, 2, null);
    TestStudies.open(ids[1]);
    dispatcher.dispatchDue();
    String token = linkOfFirstPanelist(ids[0]);
    List<Long> items =
        RestAssured.given()
            .get("/p/" + token + "/api/round")
            .jsonPath()
            .getList("sections[0].items.itemId", Long.class);
    RestAssured.given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "consent",
                true,
                "ratings",
                List.of(
                    Map.of("itemId", items.get(0), "value", 5),
                    Map.of("itemId", items.get(1), "value", 9)),
                "comments",
                List.of(Map.of("itemId", items.get(0), "text", "Say who does this"))))
        .put("/p/" + token + "/api/response")
        .then()
        .statusCode(200);
    RestAssured.given().post("/p/" + token + "/api/response/submit").then().statusCode(200);
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("text", "Too early"))
        .patch("/api/rounds/" + ids[1] + "/items/" + items.get(0))
        .then()
        .statusCode(409)
        .body("detail", containsString("between rounds"));
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

    var next =
        asCoordinator()
            .post("/api/rounds/" + ids[1] + "/next")
            .then()
            .statusCode(201)
            .body("items.text", equalTo(List.of("Statement number 1")))
            .extract()
            .jsonPath();
    long nextRound = next.getLong("id");
    long carried = next.getLong("items[0].id");
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("text", "The worker does this", "reason", "A panelist asked who"))
        .patch("/api/rounds/" + nextRound + "/items/" + carried)
        .then()
        .statusCode(200)
        .body("version", equalTo(2))
        .body("text", equalTo("The worker does this"));
    long section = next.getLong("items[0].sectionId");
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "sectionId",
                section,
                "text",
                "A new statement from comments",
                "commentIds",
                List.of(comment)))
        .post("/api/rounds/" + nextRound + "/statements")
        .then()
        .statusCode(201);
    asCoordinator()
        .get("/api/rounds/" + nextRound)
        .then()
        .body(
            "items.text",
            equalTo(List.of("The worker does this", "A new statement from comments")));
    long statement =
        asCoordinator().get("/api/rounds/" + nextRound).jsonPath().getLong("items[1].statementId");
    asCoordinator()
        .get("/api/statements/" + statement)
        .then()
        .body("versions[0].origin", equalTo("ADDED_FROM_COMMENT"))
        .body("versions[0].sourceVersionIds", hasSize(1));

    TestStudies.open(nextRound);
    var page =
        RestAssured.given()
            .get("/p/" + token + "/api/round")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(page.getString("sections[0].items[0].text"), equalTo("The worker does this"));
    assertThat(
        page.getList("sections[0].items[0].feedback.comments", String.class),
        equalTo(List.of("Say who does this")));
    assertThat(page.getInt("sections[0].items[0].feedback.ownRating"), equalTo(5));
    assertThat(page.get("sections[0].items[1].feedback"), equalTo(null));
  }

  @Test
  void roundsCloseOnTimeAndRemindOnlyThoseWhoHaveNotSubmitted() {
    long[] ids = TestStudies.withDraftRound("Reminders", 1, 3, null);
    Instant closes = Instant.now().plus(5, ChronoUnit.DAYS);
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("closesAt", closes.toString(), "reminderDays", "7, 3"))
        .patch("/api/rounds/" + ids[1])
        .then()
        .statusCode(200)
        .body("reminderDays", equalTo("7,3"));
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("reminderDays", "soon"))
        .patch("/api/rounds/" + ids[1])
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("reminderDays"));
    TestStudies.open(ids[1]);
    dispatcher.dispatchDue();
    String token = linkOfFirstPanelist(ids[0]);
    long item =
        RestAssured.given()
            .get("/p/" + token + "/api/round")
            .jsonPath()
            .getLong("sections[0].items[0].itemId");
    RestAssured.given()
        .contentType(ContentType.JSON)
        .body(Map.of("consent", true, "ratings", List.of(Map.of("itemId", item, "value", 8))))
        .put("/p/" + token + "/api/response")
        .then()
        .statusCode(200);
    RestAssured.given().post("/p/" + token + "/api/response/submit").then().statusCode(200);

    monitor.sendDueReminders(Instant.now()); // 7 days before: already due
    monitor.sendDueReminders(Instant.now()); // not twice
    monitor.sendDueReminders(closes.minus(2, ChronoUnit.DAYS)); // 3 days before: due
    asCoordinator()
        .queryParam("size", 100)
        .get("/api/studies/" + ids[0] + "/outbox")
        .then()
        .body("items.findAll { it.kind == 'REMINDER' }.size()", equalTo(4))
        .body(
            "items.findAll { it.kind == 'REMINDER' }.recipient",
            org.hamcrest.Matchers.not(hasItem("p1-" + ids[0] + "@example.org")));

    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("closesAt", Instant.now().plusMillis(300).toString()))
        .patch("/api/rounds/" + ids[1])
        .then()
        .statusCode(200);
    try {
      Thread.sleep(400);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    monitor.scheduled();
    asCoordinator().get("/api/rounds/" + ids[1]).then().body("state", equalTo("CLOSED"));
    asCoordinator()
        .get("/api/rounds/" + ids[1] + "/results")
        .then()
        .body("items[0].statistics.n", equalTo(1));
  }

  /** Panelist 1's personal link, from the invitation the mock mailbox caught. */
  private String linkOfFirstPanelist(long study) {
    return Links.tokenIn(
        mailbox.getMailsSentTo("p1-" + study + "@example.org").stream()
            .filter(m -> m.getSubject().startsWith("Round 1"))
            .findFirst()
            .orElseThrow());
  }
}
