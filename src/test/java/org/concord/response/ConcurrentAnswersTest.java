package org.concord.response;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers that race each other and the study team: a save racing a close, two saves of one
 * panelist, two closes, a reminder racing a submit. Each race has one clear winner, the loser gets
 * a clear 4xx, and nothing acknowledged is lost or doubled.
 */
@QuarkusTest
class ConcurrentAnswersTest {

  private static final int PANEL = 50;

  @Inject MockMailbox mailbox;
  @Inject MailDispatcher dispatcher;

  @TestHTTPResource("/")
  URI base;

  private final HttpClient http = HttpClient.newHttpClient();
  private ExecutorService pool;

  @BeforeEach
  void startPool() {
    pool = Executors.newFixedThreadPool(PANEL + 1);
  }

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  /** An open round of {@code statements} statements; returns {study, round} and fills tokens. */
  private long[] openRound(String title, int statements, int panelists, List<String> tokens) {
    mailbox.clear();
    long[] ids =
        TestStudies.withDraftRound(
            title, statements, panelists, Map.of("partialSubmissionAllowed", true));
    TestStudies.open(ids[1]);
    dispatcher.dispatchDue();
    for (int i = 1; i <= panelists; i++) {
      tokens.add(
          Links.tokenIn(mailbox.getMailsSentTo("p" + i + "-" + ids[0] + "@example.org").get(0)));
    }
    return ids;
  }

  private List<Long> items(String token) {
    return RestAssured.get("/p/" + token + "/api/round")
        .jsonPath()
        .getList("sections[0].items.itemId", Long.class);
  }

  private HttpResponse<String> send(String method, String path, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
    if (json == null) {
      request.POST(HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Every panelist submits as the barrier opens; the futures give the answers' statuses. */
  private List<Future<Integer>> submitAllAt(CyclicBarrier start, List<String> tokens) {
    List<Future<Integer>> submits = new ArrayList<>();
    for (String token : tokens) {
      submits.add(
          pool.submit(
              () -> {
                start.await();
                return send("POST", "/p/" + token + "/api/response/submit", null).statusCode();
              }));
    }
    return submits;
  }

  private static String saveBody(long item, int value, String comment) {
    return "{\"consent\": true, \"ratings\": [{\"itemId\": "
        + item
        + ", \"value\": "
        + value
        + "}], \"comments\": [{\"itemId\": "
        + item
        + ", \"text\": \""
        + comment
        + "\"}]}";
  }

  private static JsonPath closeRequest(long round) {
    return asCoordinator().post("/api/rounds/" + round + "/close").then().extract().jsonPath();
  }

  private static List<Long> counts(long round, long item) {
    JsonPath results = asCoordinator().get("/api/rounds/" + round + "/results").jsonPath();
    return results.getList(
        "items.find { it.itemId == " + item + " }.statistics.counts", Long.class);
  }

  @Test
  void aSaveRacingACloseIsCountedOrKeptAsLateNeverAcknowledgedAndLost() throws Exception {
    Random random = new Random(8);
    for (int attempt = 0; attempt < 3; attempt++) {
      List<String> tokens = new ArrayList<>();
      long round = openRound("Save racing close " + attempt, 1, PANEL, tokens)[1];
      long item = items(tokens.get(0)).get(0);
      // Everyone has submitted 1; in the race each changes it to 9 while the round closes.
      for (String token : tokens) {
        assertThat(
            send("PUT", "/p/" + token + "/api/response", saveBody(item, 1, "x")).statusCode(),
            equalTo(200));
        assertThat(
            send("POST", "/p/" + token + "/api/response/submit", null).statusCode(), equalTo(200));
      }
      CyclicBarrier start = new CyclicBarrier(PANEL + 1);
      List<Future<Integer>> saves = new ArrayList<>();
      for (String token : tokens) {
        saves.add(
            pool.submit(
                () -> {
                  start.await();
                  return send("PUT", "/p/" + token + "/api/response", saveBody(item, 9, "late?"))
                      .statusCode();
                }));
      }
      int delayMillis = random.nextInt(30);
      Future<Integer> close =
          pool.submit(
              () -> {
                start.await();
                Thread.sleep(delayMillis);
                return asCoordinator().post("/api/rounds/" + round + "/close").statusCode();
              });
      assertThat(close.get(), equalTo(200));
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> save : saves) {
        statuses.add(save.get());
      }
      assertThat(statuses, everyItem(anyOf(equalTo(200), equalTo(409))));
      long acknowledged = statuses.stream().filter(s -> s == 200).count();
      long refused = statuses.stream().filter(s -> s == 409).count();

      System.out.printf(
          "Save racing close %d: %d saves acknowledged and counted, %d refused and kept%n",
          attempt, acknowledged, refused);
      List<Long> counts = counts(round, item);
      assertThat("every acknowledged 9 is in the results", counts.get(8), equalTo(acknowledged));
      assertThat("every refused save left the 1", counts.get(0), equalTo(refused));
      List<?> late =
          asCoordinator().get("/api/rounds/" + round + "/late-saves").jsonPath().getList("$");
      assertThat("every refused save is kept for the team", (long) late.size(), equalTo(refused));
    }
  }

  @Test
  void aSubmitRacingACloseIsCountedOrRefusedAndKept() throws Exception {
    List<String> tokens = new ArrayList<>();
    long round = openRound("Submit racing close", 1, PANEL, tokens)[1];
    long item = items(tokens.get(0)).get(0);
    for (String token : tokens) {
      assertThat(
          send("PUT", "/p/" + token + "/api/response", saveBody(item, 7, "x")).statusCode(),
          equalTo(200));
    }
    CyclicBarrier start = new CyclicBarrier(PANEL + 1);
    List<Future<Integer>> submits = submitAllAt(start, tokens);
    Future<Integer> close =
        pool.submit(
            () -> {
              start.await();
              Thread.sleep(5);
              return asCoordinator().post("/api/rounds/" + round + "/close").statusCode();
            });
    assertThat(close.get(), equalTo(200));
    long acknowledged = 0;
    for (Future<Integer> submit : submits) {
      int status = submit.get();
      assertThat(status, anyOf(equalTo(200), equalTo(409)));
      acknowledged += status == 200 ? 1 : 0;
    }
    System.out.printf(
        "Submit racing close: %d submits acknowledged and counted, %d refused and kept%n",
        acknowledged, PANEL - acknowledged);
    assertThat(counts(round, item).get(6), equalTo(acknowledged));
    List<?> late =
        asCoordinator().get("/api/rounds/" + round + "/late-saves").jsonPath().getList("$");
    assertThat((long) late.size(), equalTo(PANEL - acknowledged));
  }

  @Test
  void twoSavesOfOnePanelistAtOnceBothSucceedAndTheLastWinsWithoutDuplicates() throws Exception {
    List<String> tokens = new ArrayList<>();
    openRound("Two tabs", 3, 20, tokens);
    List<Long> items = items(tokens.get(0));
    for (String token : tokens) {
      // Four tabs of a panelist who has saved nothing yet: each would create the response.
      CyclicBarrier start = new CyclicBarrier(4);
      List<Future<HttpResponse<String>>> saves = new ArrayList<>();
      for (int tab = 1; tab <= 4; tab++) {
        String body =
            "{\"consent\": true, \"ratings\": ["
                + items.stream()
                    .map(i -> "{\"itemId\": " + i + ", \"value\": " + 0 + "}")
                    .collect(Collectors.joining(","))
                    .replace("\"value\": 0", "\"value\": " + tab)
                + "], \"comments\": [{\"itemId\": "
                + items.get(0)
                + ", \"text\": \"tab "
                + tab
                + "\"}, {\"sectionId\": SECTION, \"text\": \"section from tab "
                + tab
                + "\"}]}";
        String withSection =
            body.replace(
                "SECTION",
                RestAssured.get("/p/" + token + "/api/round")
                    .jsonPath()
                    .getString("sections[0].id"));
        saves.add(
            pool.submit(
                (Callable<HttpResponse<String>>)
                    () -> {
                      start.await();
                      return send("PUT", "/p/" + token + "/api/response", withSection);
                    }));
      }
      for (Future<HttpResponse<String>> save : saves) {
        HttpResponse<String> answer = save.get();
        assertThat(answer.body(), answer.statusCode(), equalTo(200));
      }
      JsonPath stored = RestAssured.get("/p/" + token + "/api/round").jsonPath();
      List<Integer> values = stored.getList("response.ratings.value", Integer.class);
      assertThat(values, hasSize(3));
      // One tab's save wins whole: its three ratings and its comments, once each.
      assertThat(values.stream().distinct().count(), equalTo(1L));
      List<String> comments = stored.getList("response.comments.text", String.class);
      assertThat(
          comments,
          containsInAnyOrder("tab " + values.get(0), "section from tab " + values.get(0)));
    }
  }

  @Test
  void twoCoordinatorsClosingOneRoundOneClosesItAndTheOtherIsToldSo() throws Exception {
    List<String> tokens = new ArrayList<>();
    long round = openRound("Two closes", 2, 6, tokens)[1];
    long item = items(tokens.get(0)).get(0);
    for (String token : tokens) {
      send("PUT", "/p/" + token + "/api/response", saveBody(item, 8, "x"));
      send("POST", "/p/" + token + "/api/response/submit", null);
    }
    CyclicBarrier start = new CyclicBarrier(2);
    List<Future<Integer>> closes = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      closes.add(
          pool.submit(
              () -> {
                start.await();
                return asCoordinator().post("/api/rounds/" + round + "/close").statusCode();
              }));
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> close : closes) {
      statuses.add(close.get());
    }
    Collections.sort(statuses);
    assertThat(statuses, equalTo(List.of(200, 409)));
    JsonPath results = asCoordinator().get("/api/rounds/" + round + "/results").jsonPath();
    assertThat("each item's result is stored once", results.getList("items"), hasSize(2));
    assertThat(counts(round, item).get(7), equalTo(6L));
  }

  @Test
  void aReminderRacingSubmitsGoesOnlyToThoseWhoHadNotSubmittedWhenItWasSent() throws Exception {
    List<String> tokens = new ArrayList<>();
    long[] ids = openRound("Reminder racing submit", 1, 30, tokens);
    long item = items(tokens.get(0)).get(0);
    for (String token : tokens) {
      send("PUT", "/p/" + token + "/api/response", saveBody(item, 5, "x"));
    }
    CyclicBarrier start = new CyclicBarrier(tokens.size() + 1);
    List<Future<Integer>> submits = submitAllAt(start, tokens);
    Future<Integer> remind =
        pool.submit(
            () -> {
              start.await();
              return asCoordinator().post("/api/rounds/" + ids[1] + "/remind").statusCode();
            });
    assertThat(remind.get(), equalTo(200));
    for (Future<Integer> submit : submits) {
      assertThat(submit.get(), equalTo(200));
    }
    List<Map<String, Object>> reminders =
        asCoordinator()
            .queryParam("size", 500)
            .get("/api/studies/" + ids[0] + "/outbox")
            .jsonPath()
            .<Map<String, Object>>getList("items")
            .stream()
            .filter(e -> "REMINDER".equals(e.get("kind")))
            .toList();
    // A reminded panelist submitted after the reminder was written; nobody else was reminded.
    for (Map<String, Object> reminder : reminders) {
      String token =
          tokens.get(
              Integer.parseInt(((String) reminder.get("recipient")).replaceAll("^p(\\d+)-.*", "$1"))
                  - 1);
      Instant submitted =
          Instant.parse(
              RestAssured.get("/p/" + token + "/api/round")
                  .jsonPath()
                  .getString("response.submittedAt"));
      assertThat(Instant.parse((String) reminder.get("createdAt")), lessThan(submitted));
    }
    System.out.printf(
        "Reminder racing 30 submits: %d reminded before they submitted%n", reminders.size());
    assertThat(
        reminders.stream().map(r -> r.get("recipient")).distinct().count(),
        equalTo((long) reminders.size()));
  }
}
