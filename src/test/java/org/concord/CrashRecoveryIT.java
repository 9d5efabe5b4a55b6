package org.concord;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Nothing acknowledged is lost to a crash. Fifty panelists save and submit through their links
 * against the packaged application on its H2 file while the process is killed with SIGKILL at
 * random moments and started again, twenty times. Afterwards every save that was answered with
 * success is stored as sent, each rating and comment once, and every submit that was answered with
 * success is still a submission.
 *
 * <p>A request that got no answer proves nothing: the kill may have come before or after its
 * commit. So a panelist's stored answers must equal their last acknowledged save, or one of the
 * saves they sent after it whose answer the kill swallowed. Each panelist sends one request at a
 * time, as one browser tab does; the parallelism comes from the fifty of them.
 */
class CrashRecoveryIT {

  private static final String EMAIL = "crash@concord.example";
  private static final String PASSWORD = "crash-coordinator-password";
  private static final String TOKEN_SECRET = "crash-test-token-secret";
  private static final int PANELISTS = 50;
  private static final int STATEMENTS = 10;
  private static final int KILLS = 20;

  /** CI runs everything else too: the kills and restarts must fit in this, or the test fails. */
  private static final Duration BUDGET = Duration.ofMinutes(5);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  @Test
  void everyAcknowledgedSaveAndSubmitOutlivesTwentyKills() throws Exception {
    Instant begun = Instant.now();
    PackagedApplication app =
        new PackagedApplication(Files.createTempDirectory("concord-crash"), "concord-crash")
            // Startup is what twenty restarts spend their time on: the second JIT tier and a
            // parallel collector never pay off in a process that lives a few seconds.
            .with("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
            .with("-Dconcord.token-secret=" + TOKEN_SECRET)
            // Invitations and thank-you emails go to the log rather than to a server.
            .with("-Dquarkus.mailer.mock=true")
            .withCoordinator(EMAIL, PASSWORD);
    Random random = new Random();
    AtomicBoolean stop = new AtomicBoolean();
    try {
      app.start();
      List<String> tokens = setUpOpenRound(app.port());
      JsonNode round = get(app.port(), tokens.get(0));
      List<Long> itemIds =
          round.path("sections").findValues("items").stream()
              .flatMap(list -> stream(list).map(i -> i.path("itemId").asLong()))
              .toList();
      assertThat(itemIds.size(), equalTo(STATEMENTS));
      Scale scale =
          new Scale(
              round.path("scale").path("min").asInt(), round.path("scale").path("max").asInt());

      Counters counters = new Counters();
      List<VirtualPanelist> panelists = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < PANELISTS; i++) {
        VirtualPanelist panelist =
            new VirtualPanelist(
                i + 1,
                tokens.get(i),
                app.port(),
                itemIds,
                scale,
                stop,
                counters,
                random.nextLong());
        panelists.add(panelist);
        Thread thread = new Thread(panelist, "panelist-" + (i + 1));
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
      }

      Instant deadline = begun.plus(BUDGET);
      int kills = 0;
      while (kills < KILLS) {
        // Each kill comes amid traffic: once the (restarted) application has answered a panelist,
        // at a random moment in the next second.
        int acknowledgedBefore = counters.acknowledged.get();
        while (counters.acknowledged.get() == acknowledgedBefore
            && Instant.now().isBefore(deadline)) {
          Thread.sleep(10);
        }
        Thread.sleep(random.nextInt(1000));
        app.kill();
        kills++;
        if (kills == KILLS) {
          // Every acknowledgement was given by a process that was then killed: what is read back
          // below comes from the file alone.
          stop.set(true);
          for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(60).toMillis());
          }
        }
        if (kills < KILLS && Instant.now().isAfter(deadline)) {
          throw new AssertionError(
              "Only " + kills + " kills in " + BUDGET + "; the machine is too slow for this test.");
        }
        app.start();
      }

      List<String> findings = new ArrayList<>(counters.unexpected);
      int storedUnanswered = 0;
      for (VirtualPanelist panelist : panelists) {
        JsonNode response = get(app.port(), panelist.token).path("response");
        Stored stored = Stored.of(response);
        findings.addAll(panelist.check(stored));
        if (panelist.storedAnUnansweredSave(stored)) {
          storedUnanswered++;
        }
      }

      System.out.printf(
          "Crash test: %d panelists, %d kills with SIGKILL in %d s. %d requests sent: %d"
              + " acknowledged (%d saves, %d submits), %d submits answered \"submitted already\""
              + " after a kill swallowed the first answer, %d unanswered at a kill %s;"
              + " %d connections refused while it restarted. %d saves were stored though the kill"
              + " swallowed their answer. %d findings.%n",
          PANELISTS,
          kills,
          Duration.between(begun, Instant.now()).toSeconds(),
          counters.sent.get() - counters.refused.get(),
          counters.acknowledged.get(),
          counters.acknowledgedSaves.get(),
          counters.acknowledgedSubmits.get(),
          counters.submittedAlready.get(),
          counters.unanswered.get(),
          counters.failures,
          counters.refused.get(),
          storedUnanswered,
          findings.size());
      assertThat(findings.toString(), findings, empty());
      assertThat(
          "requests were in flight when the process was killed",
          counters.unanswered.get(),
          greaterThan(0));
      assertThat("submits were acknowledged", counters.acknowledgedSubmits.get(), greaterThan(0));
    } finally {
      stop.set(true);
      app.stop();
    }
    // Kept when the test fails: the application's logs and database are the evidence.
    app.deleteData();
  }

  /** A study with statements and a panel, round 1 open; returns the panelists' tokens. */
  private List<String> setUpOpenRound(int port) {
    long study =
        TestStudies.study("Crash recovery")
            .as(() -> coordinator(port))
            .sections(STATEMENTS)
            .panelists(PANELISTS)
            .names("P", false)
            .openRound()
            .study();
    List<Long> ids =
        coordinator(port)
            .get("/api/studies/" + study + "/panelists?size=" + PANELISTS)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.id", Long.class);
    assertThat(ids.size(), equalTo(PANELISTS));
    // The links the invitations carry: the application derives them from the secret it was given
    // (TokenService) rather than storing them, so the test can derive them too.
    return ids.stream().map(id -> link(id, 1)).toList();
  }

  private JsonNode get(int port, String token) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(uri(port, token, "/api/round")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.body(), answer.statusCode(), equalTo(200));
    return JSON.readTree(answer.body());
  }

  private static URI uri(int port, String token, String path) {
    return URI.create("http://127.0.0.1:" + port + "/p/" + token + path);
  }

  private static RequestSpecification coordinator(int port) {
    return RestAssured.given()
        .baseUri("http://127.0.0.1")
        .port(port)
        .auth()
        .preemptive()
        .basic(EMAIL, PASSWORD);
  }

  private static String link(long panelistId, int generation) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(TOKEN_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] bytes =
          mac.doFinal(
              ("concord-link:" + panelistId + ":" + generation).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> nodes = new ArrayList<>();
    array.forEach(nodes::add);
    return nodes.stream();
  }

  record Scale(int min, int max) {}

  /** A whole set of answers: every save sends all of them, so the stored set is one save's. */
  record Answers(Map<Long, Integer> ratings, Map<Long, String> comments) {}

  /** What the application says it holds for a panelist. */
  record Stored(String state, boolean consented, int ratingRows, int commentRows, Answers answers) {
    static Stored of(JsonNode response) {
      Map<Long, Integer> ratings = new TreeMap<>();
      response
          .path("ratings")
          .forEach(r -> ratings.put(r.path("itemId").asLong(), r.path("value").asInt()));
      Map<Long, String> comments = new TreeMap<>();
      response
          .path("comments")
          .forEach(c -> comments.put(c.path("itemId").asLong(), c.path("text").asText()));
      return new Stored(
          response.path("state").asText(),
          !response.path("consentedAt").isNull() && !response.path("consentedAt").isMissingNode(),
          response.path("ratings").size(),
          response.path("comments").size(),
          new Answers(ratings, comments));
    }
  }

  static final class Counters {
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger acknowledged = new AtomicInteger();
    final AtomicInteger acknowledgedSaves = new AtomicInteger();
    final AtomicInteger acknowledgedSubmits = new AtomicInteger();
    final AtomicInteger submittedAlready = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger unanswered = new AtomicInteger();
    final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    final Map<String, Integer> failures = new ConcurrentHashMap<>();
  }

  /**
   * One panelist at a keyboard: saves a whole new set of ratings and comments, now and then
   * submits, one request at a time, and keeps what the server acknowledged.
   */
  final class VirtualPanelist implements Runnable {
    final int number;
    final String token;
    private final int port;
    private final List<Long> items;
    private final Scale scale;
    private final AtomicBoolean stop;
    private final Counters counters;
    private final Random random;

    private int saves;

    /** The last save answered with success. */
    private Answers acknowledged;

    /** Saves sent after it that got no answer: each may or may not have been committed. */
    private final List<Answers> unansweredSince = new ArrayList<>();

    private boolean submitAcknowledged;
    private boolean submitSent;
    private boolean submitUnanswered;

    VirtualPanelist(
        int number,
        String token,
        int port,
        List<Long> items,
        Scale scale,
        AtomicBoolean stop,
        Counters counters,
        long seed) {
      this.number = number;
      this.token = token;
      this.port = port;
      this.items = items;
      this.scale = scale;
      this.stop = stop;
      this.counters = counters;
      this.random = new Random(seed);
    }

    @Override
    public void run() {
      while (!stop.get()) {
        try {
          if (acknowledged != null && !submitAcknowledged && random.nextInt(6) == 0) {
            submit();
          } else {
            save();
          }
          Thread.sleep(random.nextInt(20));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    private void save() throws InterruptedException {
      saves++;
      Map<Long, Integer> ratings = new LinkedHashMap<>();
      Map<Long, String> comments = new TreeMap<>();
      List<Map<String, Object>> ratingBody = new ArrayList<>();
      List<Map<String, Object>> commentBody = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        Long item = items.get(i);
        int value = scale.min + random.nextInt(scale.max - scale.min + 1);
        ratings.put(item, value);
        ratingBody.add(Map.of("itemId", item, "value", value));
        // An empty text removes the comment, so the save says what every comment should be.
        String text =
            random.nextInt(3) == 0
                ? "Panelist " + number + ", save " + saves + ", statement " + (i + 1)
                : "";
        if (!text.isEmpty()) {
          comments.put(item, text);
        }
        commentBody.add(Map.of("itemId", item, "text", text));
      }
      Answers answers = new Answers(new TreeMap<>(ratings), comments);
      String body;
      try {
        body =
            JSON.writeValueAsString(
                Map.of("consent", true, "ratings", ratingBody, "comments", commentBody));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      HttpRequest request =
          HttpRequest.newBuilder(uri(port, token, "/api/response"))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json")
              .PUT(HttpRequest.BodyPublishers.ofString(body))
              .build();
      Integer status = send(request);
      if (status == null) {
        unansweredSince.add(answers);
      } else if (status == 200) {
        acknowledged = answers;
        unansweredSince.clear();
        counters.acknowledgedSaves.incrementAndGet();
      } else {
        unansweredSince.add(answers);
      }
    }

    private void submit() throws InterruptedException {
      submitSent = true;
      HttpRequest request =
          HttpRequest.newBuilder(uri(port, token, "/api/response/submit"))
              .timeout(Duration.ofSeconds(30))
              .POST(HttpRequest.BodyPublishers.noBody())
              .build();
      Integer status = send(request);
      if (status == null) {
        submitUnanswered = true;
      } else if (status == 200) {
        submitAcknowledged = true;
        counters.acknowledgedSubmits.incrementAndGet();
      } else if (status == 409 && submitUnanswered) {
        // "Submitted already": the submit whose answer the kill swallowed was committed.
        submitAcknowledged = true;
        counters.submittedAlready.incrementAndGet();
      }
    }

    /** The status of an answer, or null when none came (the process died or was not there). */
    private Integer send(HttpRequest request) throws InterruptedException {
      counters.sent.incrementAndGet();
      HttpResponse<String> answer;
      try {
        answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (ConnectException down) {
        counters.refused.incrementAndGet();
        Thread.sleep(200 + random.nextInt(300));
        return null;
      } catch (IOException lost) {
        counters.unanswered.incrementAndGet();
        counters.failures.merge(lost.getClass().getSimpleName(), 1, Integer::sum);
        Thread.sleep(200 + random.nextInt(300));
        return null;
      }
      int status = answer.statusCode();
      if (status == 200) {
        counters.acknowledged.incrementAndGet();
      } else if (!(status == 409 && submitUnanswered && request.method().equals("POST"))) {
        counters.unexpected.add(
            "panelist "
                + number
                + ": "
                + request.method()
                + " answered "
                + status
                + " "
                + answer.body());
      }
      return status;
    }

    List<String> check(Stored stored) {
      List<String> findings = new ArrayList<>();
      String who = "panelist " + number + ": ";
      if (stored.ratingRows != stored.answers.ratings().size()
          || stored.commentRows != stored.answers.comments().size()) {
        findings.add(who + "a rating or comment is stored twice: " + stored);
      }
      List<Answers> possible = new ArrayList<>(unansweredSince);
      if (acknowledged != null) {
        possible.add(acknowledged);
        if (!stored.consented) {
          findings.add(who + "the consent of an acknowledged save is missing");
        }
      } else {
        possible.add(new Answers(Map.of(), Map.of()));
      }
      if (!possible.contains(stored.answers)) {
        findings.add(
            who
                + "stored "
                + stored.answers
                + " but the last acknowledged save was "
                + acknowledged
                + " ("
                + unansweredSince.size()
                + " unanswered after it)");
      }
      if (submitAcknowledged && !stored.state.equals("SUBMITTED")) {
        findings.add(who + "an acknowledged submit is stored as " + stored.state);
      }
      if (!submitSent && stored.state.equals("SUBMITTED")) {
        findings.add(who + "submitted without ever submitting");
      }
      return findings;
    }

    boolean storedAnUnansweredSave(Stored stored) {
      return !stored.answers.equals(acknowledged) && unansweredSince.contains(stored.answers);
    }
  }
}
