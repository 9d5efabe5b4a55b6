package org.concord.round;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.concord.Api;
import org.concord.Links;
import org.concord.SmtpProfile;
import org.concord.mail.OutboxDrain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A whole study through the API, with real email: set-up, round 1, results computed by hand, round
 * 2 with feedback, stability.
 */
@QuarkusTest
@TestProfile(SmtpProfile.class)
class DelphiStudyWalkthroughTest {

  /** Decimals as doubles: rest-assured reads them as floats unless told. */
  static final JsonPathConfig FULL_PRECISION =
      JsonPathConfig.jsonPathConfig().numberReturnType(NumberReturnType.DOUBLE);

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(new ServerSetup(SmtpProfile.PORT, "127.0.0.1", "smtp"));

  @Inject OutboxDrain outbox;

  // Round 1 ratings of panelists 1..10 for statements A, B, C (panelist 11 never submits).
  static final int[] A = {9, 9, 8, 8, 8, 7, 7, 7, 5, 2};
  static final int[] B = {1, 1, 2, 2, 3, 3, 3, 1, 2, 9};
  static final int[] C1 = {1, 2, 3, 4, 5, 6, 7, 8, 9, 9};
  // Round 2 ratings of C by the same panelists.
  static final int[] C2 = {7, 7, 7, 8, 5, 6, 9, 9, 9, 8};

  @Test
  void aStudyRunsTwoRoundsFromInvitationToStability() throws Exception {
    outbox.drain(); // earlier tests' emails, so the counts below are this study's
    smtp.purgeEmailFromAllMailboxes();
    long study = Api.createStudy("Walkthrough");
    asCoordinator()
        .contentType("text/markdown")
        .body("## Practice\n- Statement A\n- Statement B\n- Statement C\n")
        .post("/api/studies/" + study + "/guidance")
        .then()
        .statusCode(200);
    StringBuilder panel = new StringBuilder("name,email,group\n");
    for (int i = 1; i <= 11; i++) {
      panel
          .append("Person ")
          .append(i)
          .append(",person")
          .append(i)
          .append("@example.org,")
          .append(i <= 5 ? "Practitioners" : "Carers")
          .append('\n');
    }
    asCoordinator()
        .contentType("text/csv")
        .body(panel.toString())
        .post("/api/studies/" + study + "/panel")
        .then()
        .statusCode(200);

    // Round 1: opened, invitations delivered by SMTP, links followed.
    long round1 =
        asCoordinator()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "closesAt",
                    Instant.now().plus(14, ChronoUnit.DAYS).toString(),
                    "personalMessage",
                    "Thank you for helping."))
            .post("/api/studies/" + study + "/rounds")
            .then()
            .statusCode(201)
            .body("items", hasSize(3))
            .extract()
            .jsonPath()
            .getLong("id");
    asCoordinator()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/rounds/" + round1 + "/open")
        .then()
        .statusCode(200)
        .body("state", equalTo("OPEN"));
    asCoordinator()
        .get("/api/studies/" + study)
        .then()
        .body("state", equalTo("RUNNING"))
        .body("protocolLockedAt", org.hamcrest.Matchers.notNullValue());
    assertThat(outbox.drain(), equalTo(11));
    Map<String, String> tokens = tokensByRecipient();
    assertThat(tokens.size(), equalTo(11));
    MimeMessage invitation = smtp.getReceivedMessages()[0];
    assertThat(invitation.getSubject(), equalTo("Round 1 of Walkthrough"));
    assertThat(GreenMailUtil.getBody(invitation), containsString("Thank you for helping."));

    JsonPath page = panelist(tokens.get("person1@example.org")).get("/round").jsonPath();
    assertThat(page.getInt("round"), equalTo(1));
    assertThat(page.getBoolean("consentRequired"), equalTo(true));
    List<Long> items = page.getList("sections[0].items.itemId", Long.class);
    assertThat(items, hasSize(3));

    // Panelists save a draft first, then complete and submit.
    for (int p = 1; p <= 10; p++) {
      String token = tokens.get("person" + p + "@example.org");
      save(token, Map.of("consent", true, "ratings", List.of(rating(items.get(0), A[p - 1]))))
          .then()
          .statusCode(200)
          .body("state", equalTo("DRAFT"))
          .body("answered", equalTo(1));
      save(
              token,
              Map.of(
                  "ratings",
                  List.of(rating(items.get(1), B[p - 1]), rating(items.get(2), C1[p - 1]))))
          .then()
          .statusCode(200)
          .body("answered", equalTo(3));
      panelist(token)
          .post("/response/submit")
          .then()
          .statusCode(200)
          .body("state", equalTo("SUBMITTED"));
    }
    save(
            tokens.get("person11@example.org"),
            Map.of("consent", true, "ratings", List.of(rating(items.get(0), 9))))
        .then()
        .statusCode(200);
    asCoordinator()
        .get("/api/rounds/" + round1 + "/progress")
        .then()
        .body("overall.invited", equalTo(11))
        .body("overall.opened", equalTo(1))
        .body("overall.inProgress", equalTo(1))
        .body("overall.submitted", equalTo(10))
        .body("groups.group", equalTo(List.of("Practitioners", "Carers")))
        .body("groups[1].counts.invited", equalTo(6));

    // Round 1 closes; results as computed by hand.
    asCoordinator()
        .post("/api/rounds/" + round1 + "/close")
        .then()
        .statusCode(200)
        .body("state", equalTo("CLOSED"));
    JsonPath results =
        asCoordinator()
            .get("/api/rounds/" + round1 + "/results")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .using(FULL_PRECISION);
    // A: 2,5,7,7,7,8,8,8,9,9 — 80% in 7–9, 10% in 1–3; type 7 median 7.5, Q1 7, Q3 8.
    assertThat(results.getString("items[0].outcome"), equalTo("CONSENSUS_IN"));
    assertThat(
        results.getString("items[0].reason"),
        equalTo("80% rated 7–9 and 10% rated 1–3: consensus in"));
    assertThat(results.getDouble("items[0].statistics.median"), equalTo(7.5));
    assertThat(results.getDouble("items[0].statistics.q1"), equalTo(7.0));
    assertThat(results.getDouble("items[0].statistics.q3"), equalTo(8.0));
    assertThat(results.getLong("items[0].statistics.n"), equalTo(10L));
    assertThat(results.getBoolean("items[0].divergent"), equalTo(true));
    assertThat(results.getString("items[0].groups[0].outcome"), equalTo("CONSENSUS_IN"));
    assertThat(results.getString("items[0].groups[1].outcome"), equalTo("NO_CONSENSUS"));
    // B: 90% in 1–3 and 10% in 7–9.
    assertThat(results.getString("items[1].outcome"), equalTo("CONSENSUS_OUT"));
    // C: 1..9,9 — 40% agree: no consensus, median 5.5.
    assertThat(results.getString("items[2].outcome"), equalTo("NO_CONSENSUS"));
    assertThat(results.getDouble("items[2].statistics.median"), equalTo(5.5));
    assertThat(
        results.getList("items[2].statistics.counts", Integer.class),
        equalTo(List.of(1, 1, 1, 1, 1, 1, 1, 1, 2)));

    // Round 2 holds exactly C and invites exactly the ten who submitted round 1.
    long round2 =
        asCoordinator()
            .post("/api/rounds/" + round1 + "/next")
            .then()
            .statusCode(201)
            .body("number", equalTo(2))
            .body("items.text", equalTo(List.of("Statement C")))
            .body("stoppingRuleBeforeOpening.stop", equalTo(false))
            .extract()
            .jsonPath()
            .getLong("id");
    asCoordinator()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/rounds/" + round2 + "/open")
        .then()
        .statusCode(200);
    asCoordinator()
        .get("/api/rounds/" + round2 + "/progress")
        .then()
        .body("overall.invited", equalTo(10));
    smtp.purgeEmailFromAllMailboxes();
    outbox.drain();
    List<String> invited = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (m.getSubject().startsWith("Round 2")) {
        invited.add(m.getAllRecipients()[0].toString());
      }
    }
    assertThat(invited, hasSize(10));
    assertThat(invited.contains("person11@example.org"), equalTo(false));

    // Feedback: the panelist's own round-1 rating and the round-1 distribution.
    JsonPath second = panelist(tokens.get("person1@example.org")).get("/round").jsonPath();
    assertThat(second.getInt("round"), equalTo(2));
    assertThat(second.getInt("sections[0].items[0].feedback.ownRating"), equalTo(1));
    assertThat(
        second.getList("sections[0].items[0].feedback.counts", Integer.class),
        equalTo(List.of(1, 1, 1, 1, 1, 1, 1, 1, 2)));
    assertThat(second.getDouble("sections[0].items[0].feedback.median"), equalTo(5.5));
    long item2 = second.getLong("sections[0].items[0].itemId");
    panelist(tokens.get("person11@example.org"))
        .get("/round")
        .then()
        .body("round", equalTo(1))
        .body("state", equalTo("CLOSED"));

    for (int p = 1; p <= 10; p++) {
      String token = tokens.get("person" + p + "@example.org");
      save(
              token,
              Map.of(
                  "ratings",
                  List.of(
                      Map.of(
                          "itemId",
                          item2,
                          "value",
                          C2[p - 1],
                          "reasonForChange",
                          "Thought again"))))
          .then()
          .statusCode(200);
      panelist(token).post("/response/submit").then().statusCode(200);
    }
    asCoordinator()
        .post("/api/rounds/" + round2 + "/close")
        .then()
        .statusCode(200)
        .body("stopReason", containsString("Every statement reached consensus"));

    // Stability of C: Δ = 40 points; 3 of 10 unchanged; Wilcoxon V = 26.5, normal approximation:
    // R's wilcox.test(C2, C1, paired = TRUE) gives p = 0.041785168403922129.
    JsonPath stability =
        asCoordinator()
            .get("/api/rounds/" + round2 + "/results")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .using(FULL_PRECISION);
    assertThat(stability.getString("items[0].outcome"), equalTo("CONSENSUS_IN"));
    assertThat(stability.getDouble("items[0].stability.delta"), closeTo(40.0, 1e-9));
    assertThat(stability.getBoolean("items[0].stability.stable"), equalTo(false));
    assertThat(stability.getLong("items[0].stability.pairs"), equalTo(10L));
    assertThat(stability.getDouble("items[0].stability.percentUnchanged"), closeTo(30.0, 1e-9));
    assertThat(stability.getDouble("items[0].stability.wilcoxonV"), closeTo(26.5, 1e-9));
    assertThat(
        stability.getDouble("items[0].stability.wilcoxonP"), closeTo(0.041785168403922129, 1e-12));
    assertThat(
        stability.getString("items[0].stability.wilcoxonMethod"), equalTo("NORMAL_APPROXIMATION"));

    // A save after closing is refused and kept for the team.
    save(tokens.get("person3@example.org"), Map.of("ratings", List.of(rating(item2, 1))))
        .then()
        .statusCode(409)
        .body("detail", containsString("too late"));
    asCoordinator()
        .get("/api/rounds/" + round2 + "/late-saves")
        .then()
        .body("", hasSize(1))
        .body("[0].payload", containsString("\"value\":1"));
  }

  private static Map<String, Object> rating(long itemId, int value) {
    return Map.of("itemId", itemId, "value", value);
  }

  private static io.restassured.response.Response save(String token, Map<String, Object> body) {
    return panelist(token).contentType(ContentType.JSON).body(body).put("/response");
  }

  private static io.restassured.specification.RequestSpecification panelist(String token) {
    return RestAssured.given().basePath("/p/" + token + "/api");
  }

  private static Map<String, String> tokensByRecipient() throws Exception {
    Map<String, String> tokens = new HashMap<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      Matcher link = Links.LINK.matcher(GreenMailUtil.getBody(message));
      if (link.find()) {
        tokens.put(message.getAllRecipients()[0].toString(), link.group(1));
      }
    }
    return tokens;
  }
}
