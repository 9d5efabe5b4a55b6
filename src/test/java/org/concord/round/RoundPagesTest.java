package org.concord.round;

import static org.concord.Api.asAnalyst;
import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.concord.mail.OutboxFaults;
import org.concord.web.ConsoleSession;
import org.junit.jupiter.api.Test;

/**
 * The console's rounds: round 1 created and scheduled, opened, watched, reminded and closed from
 * the dashboard, its progress read by the page's script, and the outbox with a retry for an email
 * the mail server refused.
 */
@QuarkusTest
class RoundPagesTest {

  @Inject MockMailbox mailbox;
  @Inject MailDispatcher dispatcher;
  @Inject OutboxFaults faults;

  /** Panelists 1 and 2 are Practitioners, 3 and 4 Carers. */
  private static TestStudies.Builder fourPanelists(String title, Map<String, Object> protocol) {
    return TestStudies.study(title)
        .protocol(protocol)
        .sections(2)
        .panelists(4)
        .groups(i -> i <= 2 ? "Practitioners" : "Carers");
  }

  private static String address(long study, int panelist) {
    return "p" + panelist + "-" + study + "@example.org";
  }

  private String token(long study, int panelist) {
    dispatcher.dispatchDue();
    return Links.tokenIn(mailbox.getMailsSentTo(address(study, panelist)).get(0));
  }

  private static List<Long> items(String token) {
    return RestAssured.given()
        .basePath("/p/" + token + "/api")
        .get("/round")
        .jsonPath()
        .getList("sections.items.flatten().itemId", Long.class);
  }

  /** Saves one rating: the panelist has opened the round and is in progress. */
  private static void start(String token) {
    RestAssured.given()
        .basePath("/p/" + token + "/api")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "consent",
                true,
                "ratings",
                List.of(Map.of("itemId", items(token).get(0), "value", 7))))
        .put("/response")
        .then()
        .statusCode(200);
  }

  private static void submit(String token) {
    submit(token, 8);
  }

  private static void submit(String token, int rating) {
    List<Map<String, Object>> ratings =
        items(token).stream()
            .map(i -> Map.<String, Object>of("itemId", i, "value", rating))
            .toList();
    RestAssured.given()
        .basePath("/p/" + token + "/api")
        .contentType(ContentType.JSON)
        .body(Map.of("consent", true, "ratings", ratings))
        .put("/response")
        .then()
        .statusCode(200);
    RestAssured.given()
        .basePath("/p/" + token + "/api")
        .post("/response/submit")
        .then()
        .statusCode(200);
  }

  private static JsonPath round(long round) {
    return asCoordinator().get("/api/rounds/" + round).jsonPath();
  }

  private static List<Map<String, Object>> outbox(long study) {
    return asCoordinator()
        .get("/api/studies/" + study + "/outbox?size=500")
        .jsonPath()
        .getList("items");
  }

  private static String local(Instant instant) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(instant.atZone(ZoneOffset.UTC));
  }

  @Test
  void roundOneIsCreatedFromTheConsoleAndABadDateIsRefusedBesideTheField() {
    long study = fourPanelists("Rounds page study", null).create().study();
    ConsoleSession coordinator = ConsoleSession.coordinator();
    coordinator
        .get("/console/studies/" + study)
        .then()
        .body(containsString("Schedule round 1 and open it when the rest is ready."));
    String base = "/console/studies/" + study + "/rounds";
    coordinator
        .get(base)
        .then()
        .statusCode(200)
        .body(containsString("This study has no round yet"))
        .body(containsString("Create round 1"))
        .body(containsString("type=\"datetime-local\""))
        .body(containsString("Closing date and time (UTC)"));

    coordinator
        .post(base, Map.of("closesAt", "next Tuesday", "reminderDays", "7,3"))
        .then()
        .statusCode(400)
        .body(containsString("href=\"#closesAt\""))
        .body(containsString("id=\"closesAt-error\""))
        .body(containsString("aria-invalid=\"true\""))
        .body(containsString("such as 2026-12-20 17:00 (UTC)"))
        .body(containsString("value=\"next Tuesday\""));
    coordinator
        .post(base, Map.of("closesAt", "2020-01-06T12:00", "reminderDays", "7,3"))
        .then()
        .statusCode(400)
        .body(containsString("The closing time is in the past"));
    coordinator
        .post(base, Map.of("closesAt", "", "reminderDays", "7,x"))
        .then()
        .statusCode(400)
        .body(containsString("id=\"reminderDays-error\""));
    asCoordinator().get("/api/studies/" + study + "/rounds").then().body("$", hasSize(0));
    ConsoleSession.analyst().post(base, Map.of("closesAt", "")).then().statusCode(403);
    asCoordinator().get("/api/studies/" + study + "/rounds").then().body("$", hasSize(0));

    Instant closes = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    String location =
        coordinator
            .post(
                base,
                Map.of(
                    "closesAt",
                    local(closes),
                    "reminderDays",
                    "3, 7",
                    "personalMessage",
                    "Thank you for taking part."))
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    assertThat(location, containsString("?done=created"));
    JsonPath rounds = asCoordinator().get("/api/studies/" + study + "/rounds").jsonPath();
    assertThat(rounds.getList("$"), hasSize(1));
    assertThat(rounds.getString("[0].state"), equalTo("DRAFT"));
    assertThat(Instant.parse(rounds.getString("[0].closesAt")), equalTo(closes));
    assertThat(rounds.getString("[0].reminderDays"), equalTo("7,3"));
    assertThat(rounds.getString("[0].personalMessage"), equalTo("Thank you for taking part."));
    long round = rounds.getLong("[0].id");

    coordinator
        .get(location)
        .then()
        .statusCode(200)
        .body(containsString("Round 1 is created as a draft"))
        .body(containsString("value=\"" + local(closes) + "\""));
    coordinator
        .get(base)
        .then()
        .statusCode(200)
        .body(containsString("href=\"/console/rounds/" + round + "\">Round 1</a>"))
        .body(containsString("Draft"))
        .body(not(containsString("Create round 1 as a draft")));
    coordinator
        .get("/console/studies/" + study)
        .then()
        .body(containsString("href=\"/console/studies/" + study + "/rounds\">Round 1</a>"))
        .body(containsString("Round 1 is a draft, to close on"));
  }

  @Test
  void theScheduleIsChangedFromTheDashboardAndABadOneChangesNothing() {
    TestStudies.Ids ids = fourPanelists("Schedule study", null).draftRound();
    ConsoleSession coordinator = ConsoleSession.coordinator();
    String schedule = "/console/rounds/" + ids.round() + "/schedule";
    coordinator
        .post(schedule, Map.of("closesAt", "2026-13-45T99:00", "reminderDays", "2"))
        .then()
        .statusCode(400)
        .body(containsString("id=\"closesAt-error\""));
    assertThat(round(ids.round()).getString("reminderDays"), equalTo("7,3"));
    ConsoleSession.analyst().post(schedule, Map.of("reminderDays", "2")).then().statusCode(403);

    Instant closes = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    coordinator
        .post(schedule, Map.of("closesAt", local(closes), "reminderDays", "2"))
        .then()
        .statusCode(303);
    JsonPath round = round(ids.round());
    assertThat(Instant.parse(round.getString("closesAt")), equalTo(closes));
    assertThat(round.getString("reminderDays"), equalTo("2"));
    coordinator.post(schedule, Map.of("closesAt", "", "reminderDays", "")).then().statusCode(303);
    assertThat(round(ids.round()).getString("closesAt"), nullValue());
  }

  @Test
  void openingFromTheDashboardSaysWhatHappensAndInvitesThePanel() {
    TestStudies.Ids ids = fourPanelists("Opening study", null).draftRound();
    ConsoleSession coordinator = ConsoleSession.coordinator();
    String dashboard = "/console/rounds/" + ids.round();
    coordinator
        .get(dashboard)
        .then()
        .statusCode(200)
        .body(containsString("<h1>Round 1 <span class=\"muted\">(Draft)</span></h1>"))
        .body(containsString("locks the protocol"))
        .body(containsString("invites 4 panelists"))
        .body(containsString("sends 4 emails"))
        .body(containsString("Yes, open round 1 and email 4 panelists"))
        .body(not(containsString("Prepare this round")));
    ConsoleSession.analyst()
        .get(dashboard)
        .then()
        .statusCode(200)
        .body(not(containsString("Yes, open round 1")));
    ConsoleSession.analyst().post(dashboard + "/open", Map.of()).then().statusCode(403);
    assertThat(round(ids.round()).getString("state"), equalTo("DRAFT"));

    coordinator.post(dashboard + "/open", Map.of()).then().statusCode(303);
    assertThat(round(ids.round()).getString("state"), equalTo("OPEN"));
    List<Map<String, Object>> emails = outbox(ids.study());
    assertThat(emails, hasSize(4));
    assertThat(
        emails.stream().map(e -> e.get("kind")).distinct().toList(),
        equalTo(List.of("INVITATION")));
    coordinator
        .get(dashboard + "?done=opened")
        .then()
        .body(containsString("Round 1 is open. Invitations to 4 panelists are queued"))
        .body(containsString("0 of 4 invited panelists have submitted (0.0%)"));
    coordinator
        .get("/console/studies/" + ids.study())
        .then()
        .body(containsString("Round 1 is open, with no closing time"));
  }

  @Test
  void openingAgainstTheProtocolsMaximumNeedsAReason() {
    TestStudies.Ids ids = fourPanelists("Maximum study", Map.of("maximumRounds", 1)).openRound();
    // a neutral rating: no consensus, so round 2 carries the statements
    submit(token(ids.study(), 1), 5);
    asCoordinator().post("/api/rounds/" + ids.round() + "/close").then().statusCode(200);
    long second =
        asCoordinator()
            .post("/api/rounds/" + ids.round() + "/next")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    ConsoleSession coordinator = ConsoleSession.coordinator();
    coordinator
        .get("/console/rounds/" + ids.round())
        .then()
        .body(containsString("href=\"/console/rounds/" + second + "\">Round 2</a>"))
        .body(not(containsString("Prepare the next round")));
    coordinator
        .get("/console/rounds/" + second)
        .then()
        .statusCode(200)
        .body(containsString("The protocol allows at most 1 rounds."))
        .body(
            containsString(
                "href=\"/console/rounds/" + second + "/prepare\">Prepare this round</a>"))
        .body(containsString("Reason for opening against the protocol"));
    coordinator
        .post("/console/rounds/" + second + "/open", Map.of("overrideReason", " "))
        .then()
        .statusCode(400)
        .body(containsString("id=\"overrideReason-error\""))
        .body(containsString("<details class=\"confirm\" open>"));
    assertThat(round(second).getString("state"), equalTo("DRAFT"));
    coordinator
        .post(
            "/console/rounds/" + second + "/open",
            Map.of("overrideReason", "The steering group asked for one more round."))
        .then()
        .statusCode(303);
    assertThat(round(second).getString("state"), equalTo("OPEN"));
    assertThat(
        round(second).getString("overrideReason"),
        equalTo("The steering group asked for one more round."));
  }

  @Test
  void theDashboardShowsProgressOverallAndPerGroupAndTheProgressRouteAnswersTheFigures() {
    TestStudies.Ids ids = fourPanelists("Progress study", null).openRound();
    submit(token(ids.study(), 1));
    start(token(ids.study(), 3));
    items(token(ids.study(), 4)); // opens the link, answers nothing

    String page =
        ConsoleSession.analyst()
            .get("/console/rounds/" + ids.round())
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(
        page,
        containsString(
            "1 of 4 invited panelists have submitted (25.0%); 1 in progress, 3 opened their"
                + " link."));
    assertThat(page, containsString("aria-live=\"polite\""));
    assertThat(page, containsString("<script src=\"/js/round-progress.js\" defer></script>"));
    assertThat(
        page,
        containsString("data-progress=\"/console/rounds/" + ids.round() + "/progress.json\""));
    // the whole panel: 3 of 4 opened, 1 in progress, 1 submitted
    assertThat(
        page,
        containsString(
            "<progress max=\"4\" value=\"3\" data-bar=\"opened\" aria-hidden=\"true\">3</progress>"));
    assertThat(page, containsString("<th scope=\"row\">Practitioners</th>"));
    assertThat(page, containsString("<th scope=\"row\">Carers</th>"));
    // each group: 2 invited; Practitioners 1 submitted (50.0%), Carers 1 in progress
    assertThat(
        page,
        containsString(
            "<progress max=\"2\" value=\"1\" data-bar=\"submitted\" aria-hidden=\"true\">1</progress>"));
    assertThat(page, containsString("50.0%"));
    assertThat(page, not(containsString(" style=")));
    assertThat(page, not(containsString("Send a reminder now")));

    JsonPath progress =
        ConsoleSession.analyst()
            .get("/console/rounds/" + ids.round() + "/progress.json")
            .then()
            .statusCode(200)
            .contentType(ContentType.JSON)
            .extract()
            .jsonPath();
    assertThat(progress.getString("state"), equalTo("OPEN"));
    assertThat(progress.getString("summary"), containsString("1 of 4 invited panelists"));
    assertThat(progress.getString("lines[0].key"), equalTo("overall"));
    assertThat(progress.getInt("lines[0].invited"), equalTo(4));
    assertThat(progress.getInt("lines[0].opened"), equalTo(3));
    assertThat(progress.getInt("lines[0].inProgress"), equalTo(1));
    assertThat(progress.getInt("lines[0].submitted"), equalTo(1));
    assertThat(progress.getString("lines[0].rate"), equalTo("25.0%"));
    assertThat(progress.getString("lines[1].label"), equalTo("Practitioners"));
    assertThat(progress.getInt("lines[1].submitted"), equalTo(1));
    assertThat(progress.getString("lines[2].label"), equalTo("Carers"));
    assertThat(progress.getInt("lines[2].inProgress"), equalTo(1));
    assertThat(progress.getInt("lines[2].submitted"), equalTo(0));

    RestAssured.given().get("/js/round-progress.js").then().statusCode(200);
  }

  @Test
  void aReminderNowGoesToThoseWhoHaveNotSubmitted() {
    TestStudies.Ids ids = fourPanelists("Reminder study", null).openRound();
    submit(token(ids.study(), 2));
    ConsoleSession coordinator = ConsoleSession.coordinator();
    String dashboard = "/console/rounds/" + ids.round();
    coordinator
        .get(dashboard)
        .then()
        .body(containsString("3 panelists who have not submitted get a reminder"))
        .body(containsString("at most 3 reminders in a round"))
        .body(containsString("Yes, remind 3 panelists now"));
    ConsoleSession.analyst().post(dashboard + "/remind", Map.of()).then().statusCode(403);
    assertThat(reminders(ids.study()), equalTo(0L));

    String location =
        coordinator
            .post(dashboard + "/remind", Map.of())
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    assertThat(reminders(ids.study()), equalTo(3L));
    coordinator.get(location).then().body(containsString("Reminders are queued for 3 panelists."));
  }

  private static long reminders(long study) {
    return outbox(study).stream().filter(e -> "REMINDER".equals(e.get("kind"))).count();
  }

  @Test
  void closingBelowTheMinimumResponseNeedsAReasonBesideItsField() {
    TestStudies.Ids ids =
        fourPanelists("Minimum study", Map.of("minimumResponsePercent", 50)).openRound();
    submit(token(ids.study(), 1));
    ConsoleSession coordinator = ConsoleSession.coordinator();
    String dashboard = "/console/rounds/" + ids.round();
    coordinator
        .get(dashboard)
        .then()
        .body(containsString("So far 1 of 4 invited panelists have submitted (25.0%)"))
        .body(containsString("The response is below the protocol's minimum of 50%"))
        .body(containsString("Reason for closing below the minimum response"));

    coordinator
        .post(dashboard + "/close", Map.of("reason", ""))
        .then()
        .statusCode(400)
        .body(containsString("id=\"reason-error\""))
        .body(containsString("href=\"#reason\""))
        .body(containsString("<details class=\"confirm\" open>"));
    assertThat(round(ids.round()).getString("state"), equalTo("OPEN"));
    ConsoleSession.analyst()
        .post(dashboard + "/close", Map.of("reason", "Deadline passed."))
        .then()
        .statusCode(403);
    assertThat(round(ids.round()).getString("state"), equalTo("OPEN"));

    coordinator
        .post(dashboard + "/close", Map.of("reason", "The deadline was extended once already."))
        .then()
        .statusCode(303);
    assertThat(round(ids.round()).getString("state"), equalTo("CLOSED"));
    asCoordinator()
        .get("/api/studies/" + ids.study() + "/audit")
        .then()
        .body("action", hasItem("closed-below-minimum-response"));
    coordinator
        .get(dashboard + "?done=closed")
        .then()
        .statusCode(200)
        .body(containsString("Round 1 is closed and its results are stored."))
        .body(containsString("Reason given: The deadline was extended once already."))
        .body(containsString("1 (25.0%)"))
        .body(containsString("0 saves arrived after the round closed"))
        .body(
            containsString(
                "href=\"/console/studies/" + ids.study() + "/results?round=1\">Results of round 1"))
        .body(
            containsString(
                "href=\"/console/rounds/" + ids.round() + "/next\">Prepare the next round</a>"))
        .body(not(containsString("round-progress.js")));
  }

  @Test
  void closingAtTheMinimumResponseNeedsNoReason() {
    TestStudies.Ids ids =
        fourPanelists("At minimum study", Map.of("minimumResponsePercent", 50)).openRound();
    submit(token(ids.study(), 1));
    submit(token(ids.study(), 3));
    ConsoleSession coordinator = ConsoleSession.coordinator();
    coordinator
        .get("/console/rounds/" + ids.round())
        .then()
        .body(not(containsString("Reason for closing below the minimum response")));
    coordinator.post("/console/rounds/" + ids.round() + "/close", Map.of()).then().statusCode(303);
    assertThat(round(ids.round()).getString("state"), equalTo("CLOSED"));
  }

  @Test
  void theOutboxListsAFailedEmailAndARetryPutsItBackInTheQueue() {
    TestStudies.Ids ids = fourPanelists("Outbox study", null).openRound();
    List<Map<String, Object>> queued = outbox(ids.study());
    long refused = ((Number) queued.get(0).get("id")).longValue();
    String refusedTo = (String) queued.get(0).get("recipient");
    faults.refuseRecipient(refused);
    long toWithdrawn = ((Number) queued.get(2).get("id")).longValue();
    faults.refuseRecipient(toWithdrawn);
    dispatcher.dispatchDue();
    long sent = ((Number) queued.get(1).get("id")).longValue();

    ConsoleSession coordinator = ConsoleSession.coordinator();
    String page = "/console/studies/" + ids.study() + "/outbox";
    coordinator
        .get(page)
        .then()
        .statusCode(200)
        .body(containsString("Failed: <strong>2</strong>"))
        .body(containsString("Sent: <strong>2</strong>"))
        .body(containsString("550 5.1.1 mailbox unavailable"))
        .body(containsString("action=\"/console/outbox/" + refused + "/retry\""))
        .body(not(containsString("action=\"/console/outbox/" + sent + "/retry\"")));
    coordinator
        .get(page + "?status=FAILED")
        .then()
        .statusCode(200)
        .body(containsString("2 emails with the status failed"))
        .body(containsString(refusedTo))
        .body(not(containsString((String) queued.get(1).get("recipient"))));
    ConsoleSession analyst = ConsoleSession.analyst();
    analyst.get(page).then().statusCode(403);
    analyst.post("/console/outbox/" + refused + "/retry", Map.of()).then().statusCode(403);
    asAnalyst().post("/api/outbox/" + refused + "/retry").then().statusCode(403);

    coordinator
        .get("/console/rounds/" + ids.round())
        .then()
        .body(containsString("href=\"/console/studies/" + ids.study() + "/outbox\""));

    String location =
        coordinator
            .post("/console/outbox/" + refused + "/retry", Map.of())
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    Map<String, Object> retried =
        outbox(ids.study()).stream()
            .filter(e -> ((Number) e.get("id")).longValue() == refused)
            .findFirst()
            .orElseThrow();
    assertThat(retried.get("status"), equalTo("PENDING"));
    assertThat(retried.get("attempts"), equalTo(0));
    assertThat(retried.get("lastError"), nullValue());
    coordinator
        .get(location)
        .then()
        .body(containsString("The email is back in the queue"))
        .body(containsString("Waiting: <strong>1</strong>"));
    asCoordinator()
        .get("/api/studies/" + ids.study() + "/audit")
        .then()
        .body("action", hasItem("email-retried"));

    asCoordinator()
        .post("/api/outbox/" + sent + "/retry")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("this one is sent"));
    dispatcher.dispatchDue();
    assertThat(mailbox.getMailsSentTo(refusedTo), hasSize(1));

    // a panelist who withdrew is not contacted again, a failed email to them included
    asCoordinator()
        .post("/api/panelists/" + queued.get(2).get("panelistId") + "/withdraw")
        .then()
        .statusCode(200);
    asCoordinator()
        .post("/api/outbox/" + toWithdrawn + "/retry")
        .then()
        .statusCode(409)
        .body("detail", containsString("withdrawn"));
  }

  @Test
  void aFailedInvitationToARoundThatHasClosedIsNotRetried() {
    TestStudies.Ids ids = fourPanelists("Closed outbox study", null).openRound();
    long refused = ((Number) outbox(ids.study()).get(0).get("id")).longValue();
    faults.refuseRecipient(refused);
    asCoordinator().post("/api/rounds/" + ids.round() + "/close").then().statusCode(200);
    asCoordinator()
        .post("/api/outbox/" + refused + "/retry")
        .then()
        .statusCode(409)
        .body("detail", containsString("Round 1 has closed"));
    ConsoleSession.coordinator()
        .post("/console/outbox/" + refused + "/retry", Map.of())
        .then()
        .statusCode(409)
        .body(containsString("Round 1 has closed"));
  }
}
