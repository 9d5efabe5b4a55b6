package org.concord.operations;

import static io.restassured.RestAssured.given;
import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.concord.security.ProductionLikeProfile;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/metrics} as Prometheus reads it. On the production-like profile, whose low failure
 * threshold lets a test be throttled: a throttled request is answered before any resource matches,
 * the case in which a raw path could become a label.
 */
@QuarkusTest
@TestProfile(ProductionLikeProfile.class)
class MetricsTest {

  @Inject MailDispatcher dispatcher;
  @Inject MockMailbox mailbox;
  @Inject OperationsMetrics metrics;

  @Test
  void personalLinksNeverBecomeLabelValues() {
    TestStudies.Ids ids = TestStudies.study("Metrics and links").panelists(2).openRound();
    dispatcher.dispatchDue();
    String token = tokenOf(1, ids.study());
    String wrong = "Wr0ngL1nk" + "q".repeat(34);

    given().get("/p/" + token).then().statusCode(200);
    given().get("/p/" + token + "/api/round").then().statusCode(200);
    given().get("/p/" + token + "/sections/1").then().statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .body("{not json")
        .put("/p/" + token + "/api/response")
        .then()
        .statusCode(400);
    given()
        .contentType(ContentType.JSON)
        .body("x".repeat(5_300_000))
        .put("/p/" + token + "/api/response")
        .then()
        .statusCode(413);
    given().get("/p/" + token + "/no/such/page").then().statusCode(404);
    given().get("/p/" + wrong + "/api/round").then().statusCode(404);
    // Throttled: the answer comes from a route filter, before any resource matches the path.
    String address = "198.51.100.61";
    for (int i = 0; i < ProductionLikeProfile.MAX_FAILURES; i++) {
      from(address).get("/p/" + wrong + "/api/round");
    }
    from(address).get("/p/" + wrong).then().statusCode(429);
    from(address).get("/p/" + token + "/api/round").then().statusCode(429);

    String scrape = scrape();
    assertThat(scrape, not(containsString(token)));
    assertThat(scrape, not(containsString(wrong)));
    assertThat(scrape, not(containsString("Wr0ngL1nk")));
    assertThat(scrape, containsString("uri=\"/p/{token}/api/round\""));
    assertThat(scrape, containsString("uri=\"/p/{token}/sections/{n}\""));
    for (String uri : labelValues(scrape, "uri")) {
      assertThat(uri, not(containsString(token.substring(0, 10))));
    }
  }

  @Test
  void theOutboxAndEachOpenRoundAreGauges() {
    dispatcher.dispatchDue();
    double sentBefore = value(scrape(), "concord_outbox_sent_total");
    TestStudies.Ids ids = TestStudies.study("Metrics and progress").panelists(3).openRound();
    String round = "{round=\"" + ids.round() + "\"}";

    metrics.refresh();
    String open = scrape();
    assertThat(value(open, "concord_outbox_emails{status=\"pending\"}"), equalTo(3.0));
    assertThat(value(open, "concord_outbox_oldest_pending_seconds"), greaterThanOrEqualTo(0.0));
    assertThat(value(open, "concord_round_invited" + round), equalTo(3.0));
    assertThat(value(open, "concord_round_submitted" + round), equalTo(0.0));

    dispatcher.dispatchDue();
    submit(tokenOf(2, ids.study()));
    metrics.refresh();
    String answered = scrape();
    // the thank-you for the submission
    assertThat(value(answered, "concord_outbox_emails{status=\"pending\"}"), equalTo(1.0));
    assertThat(value(answered, "concord_outbox_sent_total") - sentBefore, equalTo(3.0));
    assertThat(value(answered, "concord_round_submitted" + round), equalTo(1.0));
    assertThat(value(answered, "concord_rounds_open"), greaterThanOrEqualTo(1.0));

    asCoordinator().post("/api/rounds/" + ids.round() + "/close").then().statusCode(200);
    metrics.refresh();
    assertThat(scrape(), not(containsString(round)));
  }

  private String tokenOf(int panelist, long study) {
    return Links.tokenIn(
        mailbox.getMailsSentTo("p" + panelist + "-" + study + "@example.org").get(0));
  }

  private static void submit(String token) {
    RequestSpecification panelist = given().basePath("/p/" + token + "/api");
    List<Long> items =
        panelist.get("/round").jsonPath().getList("sections[0].items.itemId", Long.class);
    given()
        .basePath("/p/" + token + "/api")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "consent",
                true,
                "ratings",
                items.stream().map(item -> Map.of("itemId", item, "value", 7)).toList()))
        .put("/response")
        .then()
        .statusCode(200);
    given().basePath("/p/" + token + "/api").post("/response/submit").then().statusCode(200);
  }

  private static RequestSpecification from(String address) {
    return given().header("X-Forwarded-For", address);
  }

  static String scrape() {
    return given().get("/q/metrics").then().statusCode(200).extract().asString();
  }

  /** The value of one series, given as it is printed: name and labels. */
  static double value(String scrape, String series) {
    for (String line : scrape.split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim());
      }
    }
    throw new AssertionError("No series " + series + " in /q/metrics");
  }

  private static List<String> labelValues(String scrape, String label) {
    Matcher matcher = Pattern.compile(label + "=\"([^\"]*)\"").matcher(scrape);
    List<String> values = new java.util.ArrayList<>();
    while (matcher.find()) {
      values.add(matcher.group(1));
    }
    return values;
  }
}
