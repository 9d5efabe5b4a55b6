package org.concord.results;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.concord.Api;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.junit.jupiter.api.Test;

/** A round's results never claim consensus on a handful of answers. */
@QuarkusTest
class ResultsGuardsTest {

  /** The guards as a new study gets them. */
  static final Map<String, Object> DEFAULT_GUARDS =
      Map.of("minimumN", 5, "minimumResponsePercent", 50);

  @Inject MockMailbox mailbox;
  @Inject MailDispatcher dispatcher;

  @Test
  void aNewStudyGuardsItsResultsByDefault() {
    long study = Api.createStudy("Defaults");
    asCoordinator()
        .get("/api/studies/" + study + "/protocol")
        .then()
        .body("minimumN", equalTo(5))
        .body("minimumResponsePercent", equalTo(50));
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("minimumResponsePercent", 101))
        .patch("/api/studies/" + study + "/protocol")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("protocol.minimumResponsePercent"));
    // A study that has not run a round yet still has a report, in every format.
    asCoordinator()
        .accept(ContentType.JSON)
        .get("/api/studies/" + study + "/report")
        .then()
        .statusCode(200)
        .body("results", equalTo(List.of()))
        .body("method.paragraphs[5]", containsString("No round has closed yet."));
    asCoordinator().get("/api/studies/" + study + "/report").then().statusCode(200);
    asCoordinator()
        .get("/api/studies/" + study + "/report?format=pdf")
        .then()
        .statusCode(200)
        .contentType("application/pdf");
    asCoordinator()
        .get("/api/studies/" + study + "/report?format=xml")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("format"));
  }

  @Test
  void aRoundBelowTheMinimumResponseClosesOnlyWithAReasonThatIsAuditedAndReported() {
    long[] ids = TestStudies.withDraftRound("Few answers", 1, 4, DEFAULT_GUARDS);
    List<String> tokens = open(ids, 4);
    submitAll(tokens.subList(0, 1), 9);

    asCoordinator()
        .post("/api/rounds/" + ids[1] + "/close")
        .then()
        .statusCode(409)
        .body("detail", containsString("1 submitted of 4 invited"))
        .body("detail", containsString("minimum response of 50%"));
    asCoordinator().get("/api/rounds/" + ids[1]).then().body("state", equalTo("OPEN"));

    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "The funder's deadline; the others were reminded twice."))
        .post("/api/rounds/" + ids[1] + "/close")
        .then()
        .statusCode(200);
    asCoordinator()
        .get("/api/studies/" + ids[0] + "/audit")
        .then()
        .body("action", hasItem("closed-below-minimum-response"));
    asCoordinator()
        .get("/api/rounds/" + ids[1] + "/results")
        .then()
        .body("invited", equalTo(4))
        .body("submitted", equalTo(1))
        .body("belowMinimumReason", startsWith("The funder's deadline"));
    asCoordinator()
        .accept(ContentType.JSON)
        .get("/api/studies/" + ids[0] + "/report")
        .then()
        .body("rounds[0].belowMinimumReason", startsWith("The funder's deadline"));
  }

  @Test
  void aStatementBelowTheMinimumNHasNoConsensusForTooFewRatings() {
    long[] ids = TestStudies.withDraftRound("Small panel", 1, 4, DEFAULT_GUARDS);
    List<String> tokens = open(ids, 4);
    submitAll(tokens, 9);
    asCoordinator().post("/api/rounds/" + ids[1] + "/close").then().statusCode(200);
    asCoordinator()
        .get("/api/rounds/" + ids[1] + "/results")
        .then()
        .body("items[0].statistics.percentAgree", equalTo(100.0f))
        .body("items[0].ruleOutcome", equalTo("NO_CONSENSUS"))
        .body("items[0].outcome", equalTo("NO_CONSENSUS"))
        .body("items[0].basis", equalTo("TOO_FEW_RATINGS"))
        .body("items[0].reason", startsWith("too few ratings (4, the protocol needs 5)"));
  }

  @Test
  void aClosingReasonIsTextGivenOnce() {
    long[] ids = TestStudies.withDraftRound("Reason checks", 1, 2, DEFAULT_GUARDS);
    open(ids, 2);
    asCoordinator()
        .contentType(ContentType.JSON)
        .queryParam("reason", "one")
        .body(Map.of("reason", "two"))
        .post("/api/rounds/" + ids[1] + "/close")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("reason"));
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("reason", 5))
        .post("/api/rounds/" + ids[1] + "/close")
        .then()
        .statusCode(400);
    asCoordinator()
        .contentType(ContentType.JSON)
        .body("{\"reason\": \"x\", \"force\": true}")
        .post("/api/rounds/" + ids[1] + "/close")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("force"));
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "x".repeat(2001)))
        .post("/api/rounds/" + ids[1] + "/close")
        .then()
        .statusCode(400);
    asCoordinator().get("/api/rounds/" + ids[1]).then().body("state", equalTo("OPEN"));
  }

  private List<String> open(long[] ids, int panelists) {
    mailbox.clear();
    TestStudies.open(ids[1]);
    dispatcher.dispatchDue();
    List<String> tokens = new ArrayList<>();
    for (int p = 1; p <= panelists; p++) {
      tokens.add(
          Links.tokenIn(mailbox.getMailsSentTo("p" + p + "-" + ids[0] + "@example.org").get(0)));
    }
    return tokens;
  }

  private static void submitAll(List<String> tokens, int rating) {
    for (String token : tokens) {
      var panelist = RestAssured.given().basePath("/p/" + token + "/api");
      long item = panelist.get("/round").jsonPath().getLong("sections[0].items[0].itemId");
      RestAssured.given()
          .basePath("/p/" + token + "/api")
          .contentType(ContentType.JSON)
          .body(
              Map.of("consent", true, "ratings", List.of(Map.of("itemId", item, "value", rating))))
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
}
