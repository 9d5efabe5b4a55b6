package org.concord.round;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.junit.jupiter.api.Test;

/** Reminders and scheduled work: one round's trouble stays with that round. */
@QuarkusTest
class ScheduledWorkTest {

  @Inject RoundMonitor monitor;
  @Inject MailDispatcher dispatcher;
  @Inject MockMailbox mailbox;
  @Inject EntityManager em;

  private static List<Map<String, Object>> outbox(long study, String kind) {
    return asCoordinator()
        .queryParam("size", 500)
        .get("/api/studies/" + study + "/outbox")
        .jsonPath()
        .<Map<String, Object>>getList("items")
        .stream()
        .filter(e -> kind.equals(e.get("kind")))
        .toList();
  }

  private static long[] openRoundClosingIn(String title, int days) {
    long[] ids = TestStudies.withDraftRound(title, 1, 3, null);
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("closesAt", Instant.now().plus(days, ChronoUnit.DAYS).toString()))
        .patch("/api/rounds/" + ids[1])
        .then()
        .statusCode(200);
    TestStudies.open(ids[1]);
    return ids;
  }

  @Test
  void aStudyTitleAsLongAsAllowedStillGetsItsRemindersAndNewLinks() {
    String title = "T".repeat(300);
    long[] ids = TestStudies.withDraftRound(title, 1, 2, null);
    TestStudies.open(ids[1]);
    asCoordinator()
        .post("/api/rounds/" + ids[1] + "/remind")
        .then()
        .statusCode(200)
        .body("queued", equalTo(2));
    long panelist =
        asCoordinator()
            .get("/api/studies/" + ids[0] + "/panelists")
            .jsonPath()
            .getLong("items[0].id");
    asCoordinator().post("/api/panelists/" + panelist + "/link").then().statusCode(200);

    List<String> subjects =
        outbox(ids[0], "REMINDER").stream().map(e -> (String) e.get("subject")).toList();
    assertThat(subjects, hasSize(2));
    assertThat(subjects, everyItem(org.hamcrest.Matchers.startsWith("Reminder: Round 1 of TTT")));
    assertThat(subjects, everyItem(endsWith("…")));
    assertThat(subjects.stream().map(String::length).toList(), everyItem(lessThanOrEqualTo(300)));
    String reissue = (String) outbox(ids[0], "LINK_REISSUE").get(0).get("subject");
    assertThat(reissue.length(), lessThanOrEqualTo(300));
  }

  @Test
  void aRoundWhoseRemindersFailDoesNotStopTheOthersAndTheFailureIsAudited() {
    long[] broken = openRoundClosingIn("Broken schedule", 2);
    long[] healthy = openRoundClosingIn("Healthy schedule", 2);
    // A schedule the application would never write: the scheduled run must survive it.
    setReminderDays(broken[1], "7,x");
    try {
      monitor.sendDueReminders(Instant.now());
    } finally {
      setReminderDays(broken[1], "7,3");
    }
    assertThat(outbox(healthy[0], "REMINDER"), hasSize(3));
    assertThat(outbox(broken[0], "REMINDER"), hasSize(0));
    asCoordinator()
        .get("/api/studies/" + broken[0] + "/audit")
        .then()
        .statusCode(200)
        .body("action", hasItem("scheduled-reminders-failed"))
        .body(
            "find { it.action == 'scheduled-reminders-failed' }.detail", containsString("Round 1"));
  }

  @Test
  void aReminderWrittenBeforeThePanelistSubmittedIsCancelledNotSent() {
    mailbox.clear();
    long[] ids = TestStudies.withDraftRound("Reminder overtaken", 1, 2, null);
    TestStudies.open(ids[1]);
    dispatcher.dispatchDue();
    String first = "p1-" + ids[0] + "@example.org";
    String second = "p2-" + ids[0] + "@example.org";
    String token = Links.tokenIn(mailbox.getMailsSentTo(first).get(0));
    long item =
        RestAssured.get("/p/" + token + "/api/round")
            .jsonPath()
            .getLong("sections[0].items[0].itemId");
    RestAssured.given()
        .contentType(ContentType.JSON)
        .body(Map.of("consent", true, "ratings", List.of(Map.of("itemId", item, "value", 8))))
        .put("/p/" + token + "/api/response")
        .then()
        .statusCode(200);
    asCoordinator().post("/api/rounds/" + ids[1] + "/remind").then().body("queued", equalTo(2));
    RestAssured.post("/p/" + token + "/api/response/submit").then().statusCode(200);
    mailbox.clear();
    dispatcher.dispatchDue();

    assertThat(
        mailbox.getMailsSentTo(first).stream().map(m -> m.getSubject()).toList(),
        everyItem(org.hamcrest.Matchers.startsWith("Thank you")));
    assertThat(mailbox.getMailsSentTo(second), hasSize(1));
    Map<String, Object> cancelled =
        outbox(ids[0], "REMINDER").stream()
            .filter(e -> first.equals(e.get("recipient")))
            .findFirst()
            .orElseThrow();
    assertThat(cancelled.get("status"), equalTo("CANCELLED"));
    assertThat((String) cancelled.get("lastError"), containsString("submitted"));
    asCoordinator()
        .get("/api/studies/" + ids[0] + "/outbox/summary")
        .then()
        .body("cancelled", equalTo(1))
        .body("pending", equalTo(0));
  }

  private void setReminderDays(long round, String days) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery("update round set reminder_days = ?1 where id = ?2")
                    .setParameter(1, days)
                    .setParameter(2, round)
                    .executeUpdate());
  }
}
