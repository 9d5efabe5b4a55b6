package org.concord.response;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.concord.web.ConsoleSession;
import org.junit.jupiter.api.Test;

/**
 * A save that reaches a closed round is refused and kept; the round's dashboard links its count to
 * a coordinator's page that says who sent it, when, and what it said in words.
 */
@QuarkusTest
class LateSavePagesTest {

  @Inject MockMailbox mailbox;
  @Inject MailDispatcher dispatcher;

  @Test
  void aSaveAfterTheRoundClosedIsListedInWordsForTheCoordinator() {
    mailbox.clear();
    long[] ids = TestStudies.withDraftRound("Late saves", 2, 2, Map.of());
    long study = ids[0];
    long round = ids[1];
    TestStudies.open(round);
    dispatcher.dispatchDue();
    String token = Links.tokenIn(mailbox.getMailsSentTo("p2-" + study + "@example.org").get(0));
    JsonPath questions =
        RestAssured.given().basePath("/p/" + token + "/api").get("/round").jsonPath();
    long item = questions.getLong("sections[0].items[0].itemId");
    String wording = questions.getString("sections[0].items[0].text");

    ConsoleSession coordinator = ConsoleSession.coordinator();
    coordinator
        .get("/console/rounds/" + round + "/late-saves")
        .then()
        .statusCode(200)
        .body(containsString("No save arrived after round 1 closed."));

    asCoordinator().post("/api/rounds/" + round + "/close").then().statusCode(200);
    RestAssured.given()
        .basePath("/p/" + token + "/api")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "ratings",
                List.of(Map.of("itemId", item, "value", 6)),
                "comments",
                List.of(Map.of("itemId", item, "text", "Sent from a page left open"))))
        .put("/response")
        .then()
        .statusCode(409);

    String dashboard = coordinator.get("/console/rounds/" + round).asString();
    assertThat(
        dashboard,
        containsString("<a href=\"/console/rounds/" + round + "/late-saves\">1 save</a>"));

    String page =
        coordinator
            .get("/console/rounds/" + round + "/late-saves")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(page, containsString("1 save that arrived after round 1 closed"));
    assertThat(page, containsString(">P2</a>"));
    assertThat(page, containsString("The statement “" + wording + "”: rated 6."));
    assertThat(
        page,
        containsString("Comment on the statement “" + wording + "”: Sent from a page left open"));
    assertThat(page, not(containsString("\"ratings\"")));

    ConsoleSession analyst = ConsoleSession.analyst();
    analyst.get("/console/rounds/" + round + "/late-saves").then().statusCode(403);
    assertThat(
        analyst.get("/console/rounds/" + round).asString(), not(containsString("/late-saves")));
  }
}
