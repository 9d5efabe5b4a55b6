package org.concord.response;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PanelistApiTest {

  @Inject MockMailbox mailbox;
  @Inject MailDispatcher dispatcher;

  long study;
  long round;
  String token;
  List<Long> items;

  @BeforeEach
  void openARound() {
    mailbox.clear();
    long[] ids =
        TestStudies.withDraftRound(
            "Panelist API", 3, 2, Map.of("scale", Map.of("unableToRateAllowed", false)));
    study = ids[0];
    round = ids[1];
    TestStudies.open(round);
    dispatcher.dispatchDue();
    token = Links.tokenIn(mailbox.getMailsSentTo("p1-" + study + "@example.org").get(0));
    items =
        panelist(token).get("/round").jsonPath().getList("sections[0].items.itemId", Long.class);
  }

  static RequestSpecification panelist(String token) {
    return RestAssured.given().basePath("/p/" + token + "/api");
  }

  private io.restassured.response.ValidatableResponse save(Object body) {
    return panelist(token).contentType(ContentType.JSON).body(body).put("/response").then();
  }

  private void assertNothingSaved() {
    panelist(token)
        .get("/round")
        .then()
        .body("response.answered", equalTo(0))
        .body("response.comments", hasSize(0));
  }

  @Test
  void theInvitationCarriesAPersonalLinkInBothBodies() {
    Mail mail = mailbox.getMailsSentTo("p2-" + study + "@example.org").get(0);
    assertThat(mail.getSubject(), equalTo("Round 1 of Panelist API"));
    assertThat(mail.getHtml(), containsString("Open my questions"));
    assertThat(Links.tokenIn(mail).equals(token), equalTo(false));
  }

  @Test
  void aRatingOutsideTheScaleIsRefusedAndNothingIsSaved() {
    save(Map.of(
            "ratings",
            List.of(
                Map.of("itemId", items.get(0), "value", 5),
                Map.of("itemId", items.get(1), "value", 10))))
        .statusCode(400)
        .body("errors[0].field", equalTo("ratings[1].value"))
        .body("detail", containsString("from 1 to 9"))
        .body("detail", containsString("Nothing was saved"));
    assertNothingSaved();
  }

  @Test
  void unableToRateIsRefusedWhereTheProtocolForbidsIt() {
    save(Map.of("ratings", List.of(Map.of("itemId", items.get(0), "unableToRate", true))))
        .statusCode(400)
        .body("errors[0].field", equalTo("ratings[0].unableToRate"));
    assertNothingSaved();
  }

  @Test
  void anUnknownStatementIsRefused() {
    save(Map.of("ratings", List.of(Map.of("itemId", 999_999, "value", 5))))
        .statusCode(400)
        .body("detail", containsString("not part of the round"));
    assertNothingSaved();
  }

  @Test
  void aCommentOverTheLimitIsRefused() {
    save(Map.of("comments", List.of(Map.of("itemId", items.get(0), "text", "x".repeat(2001)))))
        .statusCode(400)
        .body("errors[0].field", equalTo("comments[0].text"));
    assertNothingSaved();
  }

  @Test
  void savesAreIdempotentAndCommentsLandOnStatementsAndSections() {
    long section = panelist(token).get("/round").jsonPath().getLong("sections[0].id");
    Map<String, Object> body =
        Map.of(
            "consent", true,
            "ratings", List.of(Map.of("itemId", items.get(0), "value", 8)),
            "comments",
                List.of(
                    Map.of("itemId", items.get(0), "text", "<b>Clear</b> wording"),
                    Map.of("sectionId", section, "text", "A good section")));
    save(body).statusCode(200).body("answered", equalTo(1)).body("comments", hasSize(2));
    save(body).statusCode(200).body("answered", equalTo(1)).body("comments", hasSize(2));
    save(Map.of("ratings", List.of(Map.of("itemId", items.get(0)))))
        .statusCode(200)
        .body("answered", equalTo(0));
    asCoordinator()
        .get("/api/rounds/" + round + "/comments")
        .then()
        .body("total", equalTo(2))
        .body("items[0].text", equalTo("<b>Clear</b> wording"))
        .body("items[0].group", equalTo("Practitioners"));
  }

  @Test
  void submittingNeedsConsentEveryAnswerAndHappensOnce() {
    List<Map<String, Object>> all =
        items.stream().map(i -> Map.<String, Object>of("itemId", i, "value", 7)).toList();
    save(Map.of("ratings", all)).statusCode(200);
    panelist(token)
        .post("/response/submit")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("consent"));
    save(Map.of("consent", true, "ratings", List.of(Map.of("itemId", items.get(2)))))
        .statusCode(200);
    panelist(token)
        .post("/response/submit")
        .then()
        .statusCode(400)
        .body("detail", containsString("1 statement is not answered"));
    save(Map.of("ratings", all)).statusCode(200);
    panelist(token)
        .post("/response/submit")
        .then()
        .statusCode(200)
        .body("state", equalTo("SUBMITTED"));
    panelist(token)
        .post("/response/submit")
        .then()
        .statusCode(409)
        .body("detail", containsString("already"));
    save(Map.of("ratings", List.of(Map.of("itemId", items.get(0), "value", 3))))
        .statusCode(200)
        .body("state", equalTo("SUBMITTED"));
    dispatcher.dispatchDue();
    assertThat(
        mailbox.getMailsSentTo("p1-" + study + "@example.org").stream()
            .filter(m -> m.getSubject().startsWith("Thank you"))
            .count(),
        equalTo(1L));
  }

  @Test
  void unknownRevokedAndWithdrawnLinksGetTheSameAnswer() {
    String unknown =
        panelist("A".repeat(43)).get("/round").then().statusCode(404).extract().asString();
    long panelistId =
        asCoordinator()
            .queryParam("size", 10)
            .get("/api/studies/" + study + "/panelists")
            .jsonPath()
            .getLong("items[0].id");
    asCoordinator().post("/api/panelists/" + panelistId + "/link").then().statusCode(200);
    String revoked = panelist(token).get("/round").then().statusCode(404).extract().asString();
    assertThat(revoked, equalTo(unknown));
    dispatcher.dispatchDue();
    Mail reissued =
        mailbox.getMailsSentTo("p1-" + study + "@example.org").stream()
            .filter(m -> m.getSubject().startsWith("Your new link"))
            .findFirst()
            .orElseThrow();
    String fresh = Links.tokenIn(reissued);
    panelist(fresh).get("/round").then().statusCode(200);
    panelist(fresh).post("/withdraw").then().statusCode(204);
    String withdrawn =
        panelist(fresh)
            .get("/round")
            .then()
            .statusCode(404)
            .body("type", endsWith("/inactive-link"))
            .extract()
            .asString();
    assertThat(withdrawn, equalTo(unknown));
    asCoordinator().get("/api/panelists/" + panelistId).then().body("status", equalTo("WITHDRAWN"));
  }

  @Test
  void aClosedRoundRefusesSavesAndSubmissions() {
    save(Map.of("consent", true, "ratings", List.of(Map.of("itemId", items.get(0), "value", 8))))
        .statusCode(200);
    asCoordinator().post("/api/rounds/" + round + "/close").then().statusCode(200);
    save(Map.of("ratings", List.of(Map.of("itemId", items.get(1), "value", 8)))).statusCode(409);
    panelist(token).post("/response/submit").then().statusCode(409);
    panelist(token)
        .get("/round")
        .then()
        .body("state", equalTo("CLOSED"))
        .body("response.answered", equalTo(1));
    // both kept for the team: the late save and the late submission
    asCoordinator()
        .get("/api/rounds/" + round + "/late-saves")
        .then()
        .body("", hasSize(2))
        .body("[1].payload", equalTo("{\"submit\":true}"));
  }
}
