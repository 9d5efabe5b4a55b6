package org.concord.results;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.junit.jupiter.api.Test;

/**
 * The close counts each submitted rating once, in its panelist's group as it is at the close,
 * through the copies a rating keeps of its round, its response's state and its panelist's group.
 */
@QuarkusTest
class ResultsRepositoryTest {

  @Inject MockMailbox mailbox;
  @Inject MailDispatcher dispatcher;

  @Test
  void theCloseCountsSubmittedRatingsInTheGroupThePanelistIsInWhenItCloses() {
    // panelists 1 and 2 are Practitioners, 3 and 4 Carers
    long[] ids =
        TestStudies.withDraftRound(
            "Counted ratings",
            2,
            4,
            Map.of("minimumN", 1, "minimumResponsePercent", 50, "partialSubmissionAllowed", true));
    mailbox.clear();
    TestStudies.open(ids[1]);
    dispatcher.dispatchDue();
    List<String> tokens = new ArrayList<>();
    for (int p = 1; p <= 4; p++) {
      tokens.add(
          Links.tokenIn(mailbox.getMailsSentTo("p" + p + "-" + ids[0] + "@example.org").get(0)));
    }
    JsonPath round = panelist(tokens.get(0)).get("/round").jsonPath();
    long first = round.getLong("sections[0].items[0].itemId");
    long second = round.getLong("sections[0].items[1].itemId");

    save(tokens.get(0), Map.of("itemId", first, "value", 9));
    panelist(tokens.get(0)).post("/response/submit").then().statusCode(200);
    // a draft is not counted
    save(tokens.get(1), Map.of("itemId", first, "value", 1));
    // changes saved after the submit count: an answer changed and one added
    save(tokens.get(2), Map.of("itemId", first, "value", 2));
    panelist(tokens.get(2)).post("/response/submit").then().statusCode(200);
    save(tokens.get(2), Map.of("itemId", first, "value", 3));
    save(tokens.get(2), Map.of("itemId", second, "value", 4));
    // a carer who submitted, then moved to the practitioners
    save(tokens.get(3), Map.of("itemId", first, "value", 8));
    panelist(tokens.get(3)).post("/response/submit").then().statusCode(200);
    JsonPath panel =
        asCoordinator().get("/api/studies/" + ids[0] + "/panelists?size=100").jsonPath();
    long fourth = panel.getLong("items.find { it.email == 'p4-" + ids[0] + "@example.org' }.id");
    long practitioners = panel.getLong("items.find { it.group == 'Practitioners' }.groupId");
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("groupId", practitioners))
        .patch("/api/panelists/" + fourth)
        .then()
        .statusCode(200);

    asCoordinator().post("/api/rounds/" + ids[1] + "/close").then().statusCode(200);
    asCoordinator()
        .get("/api/rounds/" + ids[1] + "/results")
        .then()
        .statusCode(200)
        .body("submitted", equalTo(3))
        .body("items[0].statistics.rated", equalTo(3))
        .body("items[0].groups.find { it.group == 'Practitioners' }.statistics.rated", equalTo(2))
        .body(
            "items[0].groups.find { it.group == 'Practitioners' }.statistics.median", equalTo(8.5f))
        .body("items[0].groups.find { it.group == 'Carers' }.statistics.rated", equalTo(1))
        .body("items[0].groups.find { it.group == 'Carers' }.statistics.median", equalTo(3.0f))
        .body("items[1].statistics.rated", equalTo(1))
        .body("items[1].groups.find { it.group == 'Carers' }.statistics.median", equalTo(4.0f));
  }

  private static io.restassured.specification.RequestSpecification panelist(String token) {
    return RestAssured.given().basePath("/p/" + token + "/api");
  }

  private static void save(String token, Map<String, Object> rating) {
    panelist(token)
        .contentType(ContentType.JSON)
        .body(Map.of("consent", true, "ratings", List.of(rating)))
        .put("/response")
        .then()
        .statusCode(200);
  }
}
