package org.concord;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged application on one PostgreSQL database, as DESIGN §8 deploys them:
 * both send the outbox every second and both run the scheduled round work, so they compete for the
 * same rows. A round of 500 panelists is opened on one; every panelist's requests alternate between
 * the two. Each email must arrive exactly once, each submission be stored once, and both instances
 * must give the same results.
 *
 * <p>Runs when the suite runs on PostgreSQL ({@code CONCORD_DB_URL}); two processes cannot share an
 * H2 database in memory, so on H2 it is skipped. The jar must be built for PostgreSQL by the same
 * run ({@code CONCORD_DB_KIND=postgresql mvn verify}).
 */
class TwoInstancesIT {

  private static final String EMAIL = "two@concord.example";
  private static final String PASSWORD = "two-instances-coordinator-password";
  private static final String TOKEN_SECRET = "two-instances-token-secret";
  private static final String SESSION_KEY = "two-instances-session-key-shared-by-both";
  private static final String DATABASE = "concord_two_instances";
  private static final int PANELISTS = 500;
  private static final int STATEMENTS = 6;
  private static final int CLIENTS = 8;
  private static final Duration WAIT = Duration.ofSeconds(150);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Test
  void twoInstancesSendEachEmailOnceAndAgreeOnEveryAnswer() throws Exception {
    assumeTrue(
        TestDatabase.postgresql(),
        "Two instances need a shared database: set CONCORD_DB_URL to a PostgreSQL server");
    Instant begun = Instant.now();
    Path data = Files.createTempDirectory("concord-two");
    String url = freshDatabase();
    GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));
    smtp.start();
    Instance a = new Instance("a", data, url, smtp.getSmtp().getPort());
    Instance b = new Instance("b", data, url, smtp.getSmtp().getPort());
    try {
      // Started together on an empty database: both migrate it and both try to create the first
      // coordinator.
      a.launch();
      b.launch();
      a.awaitReady();
      b.awaitReady();
      Instance[] both = {a, b};

      TestStudies.Ids ids =
          TestStudies.study("Two instances")
              .as(() -> coordinator(a.port))
              .sections(STATEMENTS)
              .panelists(PANELISTS)
              .names("P", false)
              .openRound();
      long round = ids.round();
      Map<Long, String> panelists = panelists(url, ids.study());
      assertThat(panelists.size(), equalTo(PANELISTS));

      awaitMail(smtp, url, Kind.INVITATION, PANELISTS);
      Instant invited = Instant.now();

      // A reminder due now, with the closing time two hours ahead: both instances' round checks
      // find it due in their next second and race for the round's lock.
      coordinator(b.port)
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "closesAt",
                  Instant.now().plus(Duration.ofHours(2)).toString(),
                  "reminderDays",
                  "1"))
          .patch("/api/rounds/" + round)
          .then()
          .statusCode(200);
      awaitMail(smtp, url, Kind.REMINDER, PANELISTS);
      Instant reminded = Instant.now();

      JsonNode view = get(a.port, token(panelists.keySet().iterator().next()), "/api/round");
      List<Long> items = new ArrayList<>();
      view.path("sections")
          .findValues("items")
          .forEach(list -> list.forEach(i -> items.add(i.path("itemId").asLong())));
      assertThat(items.size(), equalTo(STATEMENTS));
      int min = view.path("scale").path("min").asInt();
      int max = view.path("scale").path("max").asInt();

      // Every panelist saves three times and submits, each request on the other instance than the
      // one before, then reads back from the first.
      ConcurrentLinkedQueue<String> findings = new ConcurrentLinkedQueue<>();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> done = new ArrayList<>();
      int n = 0;
      for (long panelist : panelists.keySet()) {
        int first = n++ % 2;
        Instance one = both[first];
        Instance other = both[1 - first];
        done.add(
            clients.submit(
                (Callable<Void>)
                    () -> {
                      answer(panelist, one, other, items, min, max, findings);
                      return null;
                    }));
      }
      for (Future<?> future : done) {
        future.get(3, TimeUnit.MINUTES);
      }
      clients.shutdown();
      Instant answered = Instant.now();
      assertThat(findings.toString(), findings, empty());
      awaitMail(smtp, url, Kind.THANK_YOU, PANELISTS);

      // Both instances close the round at once: one closes it, the other finds it closed.
      ExecutorService closers = Executors.newFixedThreadPool(2);
      List<Future<Integer>> closes = new ArrayList<>();
      for (Instance instance : both) {
        closes.add(
            closers.submit(
                () ->
                    coordinator(instance.port)
                        .contentType(ContentType.JSON)
                        .body("{}")
                        .post("/api/rounds/" + round + "/close")
                        .statusCode()));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> close : closes) {
        statuses.add(close.get(60, TimeUnit.SECONDS));
      }
      closers.shutdown();
      statuses.sort(null);
      assertThat("one close succeeds, the other conflicts", statuses, equalTo(List.of(200, 409)));

      JsonNode resultsA = results(a.port, round);
      JsonNode resultsB = results(b.port, round);
      assertThat(resultsA.toString(), resultsB, equalTo(resultsA));
      for (Instance instance : both) {
        coordinator(instance.port)
            .get("/api/rounds/" + round + "/progress")
            .then()
            .statusCode(200)
            .body("overall.submitted", equalTo(PANELISTS));
      }

      Stored stored = stored(url, round);
      assertThat("submitted responses", stored.submitted, equalTo((long) PANELISTS));
      assertThat("panelists with a response", stored.responders, equalTo((long) PANELISTS));
      assertThat("ratings", stored.ratings, equalTo((long) PANELISTS * STATEMENTS));
      assertThat(
          "distinct ratings", stored.distinctRatings, equalTo((long) PANELISTS * STATEMENTS));
      assertThat("item results", stored.itemResults, greaterThanOrEqualTo((long) STATEMENTS));
      assertThat(
          "item results stored once", stored.itemResults, equalTo(stored.distinctItemResults));
      assertThat(
          "outbox rows",
          stored.outbox,
          equalTo(
              Map.of(
                  "INVITATION SENT 1", (long) PANELISTS,
                  "REMINDER SENT 1", (long) PANELISTS,
                  "THANK_YOU SENT 1", (long) PANELISTS)));

      Delivered delivered = delivered(smtp);
      assertThat(delivered.duplicates.toString(), delivered.duplicates, empty());
      for (Kind kind : Kind.values()) {
        Map<String, Integer> perRecipient = delivered.perRecipient.get(kind);
        assertThat(kind + " recipients", perRecipient.size(), equalTo(PANELISTS));
        assertThat(
            kind + " delivered more than once",
            perRecipient.values().stream().filter(count -> count != 1).count(),
            equalTo(0L));
      }
      Map<String, Integer> bySender = delivered.bySender;
      System.out.printf(
          "Two instances: %d panelists, %d emails (%s by sender), invitations out in %d s,"
              + " reminders in %d s, %d saves and %d submits in %d s; %d s in all.%n",
          PANELISTS,
          delivered.total,
          bySender,
          Duration.between(begun, invited).toSeconds(),
          Duration.between(invited, reminded).toSeconds(),
          PANELISTS * 3,
          PANELISTS,
          Duration.between(reminded, answered).toSeconds(),
          Duration.between(begun, Instant.now()).toSeconds());
      assertThat("both instances sent mail", bySender.getOrDefault(a.sender(), 0), greaterThan(0));
      assertThat("both instances sent mail", bySender.getOrDefault(b.sender(), 0), greaterThan(0));
      assertThat(delivered.total, equalTo(3 * PANELISTS));
      assertThat(Duration.between(begun, Instant.now()), lessThan(Duration.ofMinutes(8)));
    } finally {
      a.stop();
      b.stop();
      smtp.stop();
    }
  }

  /** One panelist: save, save, save, submit, each on the other instance; then reads it back. */
  private void answer(
      long panelist,
      Instance one,
      Instance other,
      List<Long> items,
      int min,
      int max,
      ConcurrentLinkedQueue<String> findings)
      throws IOException, InterruptedException {
    String token = token(panelist);
    Instance[] turns = {one, other, one};
    Map<Long, Integer> last = null;
    for (int save = 0; save < turns.length; save++) {
      Map<Long, Integer> ratings = new TreeMap<>();
      List<Map<String, Object>> body = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        int value = min + (int) ((panelist * 7 + save * 3 + i) % (max - min + 1));
        ratings.put(items.get(i), value);
        body.add(Map.of("itemId", items.get(i), "value", value));
      }
      HttpResponse<String> saved =
          send(
              HttpRequest.newBuilder(uri(turns[save].port, token, "/api/response"))
                  .header("Content-Type", "application/json")
                  .PUT(
                      HttpRequest.BodyPublishers.ofString(
                          JSON.writeValueAsString(Map.of("consent", true, "ratings", body)))));
      if (saved.statusCode() != 200) {
        findings.add(
            "panelist "
                + panelist
                + " save "
                + (save + 1)
                + ": "
                + saved.statusCode()
                + " "
                + saved.body());
        return;
      }
      last = ratings;
    }
    HttpResponse<String> submitted =
        send(
            HttpRequest.newBuilder(uri(other.port, token, "/api/response/submit"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    if (submitted.statusCode() != 200) {
      findings.add(
          "panelist " + panelist + " submit: " + submitted.statusCode() + " " + submitted.body());
      return;
    }
    JsonNode response = get(one.port, token, "/api/round").path("response");
    Map<Long, Integer> stored = new TreeMap<>();
    response
        .path("ratings")
        .forEach(r -> stored.put(r.path("itemId").asLong(), r.path("value").asInt()));
    if (!"SUBMITTED".equals(response.path("state").asText()) || !stored.equals(last)) {
      findings.add("panelist " + panelist + " reads back " + response + ", saved " + last);
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(
        request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode get(int port, String token, String path)
      throws IOException, InterruptedException {
    HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(port, token, path)).GET());
    assertThat(answer.body(), answer.statusCode(), equalTo(200));
    return JSON.readTree(answer.body());
  }

  private static JsonNode results(int port, long round) throws IOException {
    String body =
        coordinator(port)
            .get("/api/rounds/" + round + "/results")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return JSON.readTree(body);
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

  /** The panelist's first link, as the instances derive it from the shared secret. */
  private static String token(long panelistId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(TOKEN_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] bytes =
          mac.doFinal(("concord-link:" + panelistId + ":1").getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  enum Kind {
    INVITATION,
    REMINDER,
    THANK_YOU;

    static Kind of(String subject) {
      if (subject.startsWith("Reminder: ")) {
        return REMINDER;
      }
      return subject.startsWith("Thank you") ? THANK_YOU : INVITATION;
    }
  }

  /** What GreenMail received: per kind and recipient, per sender, and Message-IDs seen twice. */
  record Delivered(
      int total,
      Map<Kind, Map<String, Integer>> perRecipient,
      Map<String, Integer> bySender,
      List<String> duplicates) {}

  private static Delivered delivered(GreenMail smtp) throws MessagingException {
    MimeMessage[] messages = smtp.getReceivedMessages();
    Map<Kind, Map<String, Integer>> perRecipient = new HashMap<>();
    for (Kind kind : Kind.values()) {
      perRecipient.put(kind, new HashMap<>());
    }
    Map<String, Integer> bySender = new TreeMap<>();
    Map<String, Integer> byMessageId = new HashMap<>();
    for (MimeMessage message : messages) {
      Kind kind = Kind.of(message.getSubject());
      perRecipient.get(kind).merge(message.getAllRecipients()[0].toString(), 1, Integer::sum);
      bySender.merge(message.getFrom()[0].toString(), 1, Integer::sum);
      byMessageId.merge(message.getMessageID(), 1, Integer::sum);
    }
    List<String> duplicates =
        byMessageId.entrySet().stream()
            .filter(e -> e.getValue() > 1)
            .map(e -> e.getKey() + " ×" + e.getValue())
            .toList();
    return new Delivered(messages.length, perRecipient, bySender, duplicates);
  }

  /**
   * Waits until the outbox has sent {@code count} emails of this kind, counted in the database
   * (parsing every message GreenMail holds each time would compete with the instances for the CPU),
   * then until GreenMail holds them.
   */
  private static void awaitMail(GreenMail smtp, String url, Kind kind, int count) throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    long sent = 0;
    while (sent < count) {
      try (Connection db = connect(url);
          PreparedStatement query =
              db.prepareStatement(
                  "select count(*) from outbox_email where kind = ? and status = 'SENT'")) {
        query.setString(1, kind.name());
        try (ResultSet row = query.executeQuery()) {
          row.next();
          sent = row.getLong(1);
        }
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "Only " + sent + " of " + count + " " + kind + " emails were sent in " + WAIT);
      }
      Thread.sleep(500);
    }
    while (delivered(smtp).perRecipient.get(kind).size() < count) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(kind + " emails marked sent did not all reach GreenMail");
      }
      Thread.sleep(500);
    }
  }

  /** What the database holds for the round, counted by SQL rather than through either instance. */
  record Stored(
      long submitted,
      long responders,
      long ratings,
      long distinctRatings,
      long itemResults,
      long distinctItemResults,
      Map<String, Long> outbox) {}

  private static Stored stored(String url, long round) throws SQLException {
    try (Connection db = connect(url)) {
      long[] responses =
          longs(
              db,
              "select count(*), count(distinct panelist_id) from response"
                  + " where round_id = ? and state = 'SUBMITTED'",
              round);
      long[] ratings =
          longs(
              db,
              "select count(*), count(distinct (response_id, round_item_id)) from rating r"
                  + " join response s on s.id = r.response_id where s.round_id = ?",
              round);
      long[] results =
          longs(
              db,
              "select count(*), count(distinct (x.round_item_id, coalesce(x.group_id, 0)))"
                  + " from item_result x join round_item i on i.id = x.round_item_id"
                  + " where i.round_id = ?",
              round);
      Map<String, Long> outbox = new LinkedHashMap<>();
      try (PreparedStatement query =
          db.prepareStatement(
              "select kind, status, attempts, count(*) from outbox_email where round_id = ?"
                  + " group by kind, status, attempts order by kind, status, attempts")) {
        query.setLong(1, round);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            outbox.put(
                rows.getString(1) + " " + rows.getString(2) + " " + rows.getInt(3),
                rows.getLong(4));
          }
        }
      }
      return new Stored(
          responses[0], responses[1], ratings[0], ratings[1], results[0], results[1], outbox);
    }
  }

  private static long[] longs(Connection db, String sql, long round) throws SQLException {
    try (PreparedStatement query = db.prepareStatement(sql)) {
      query.setLong(1, round);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return new long[] {row.getLong(1), row.getLong(2)};
      }
    }
  }

  /** The study's panelists by id, with their email. */
  private static Map<Long, String> panelists(String url, long study) throws SQLException {
    Map<Long, String> panelists = new LinkedHashMap<>();
    try (Connection db = connect(url);
        PreparedStatement query =
            db.prepareStatement("select id, email from panelist where study_id = ? order by id")) {
      query.setLong(1, study);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          panelists.put(rows.getLong(1), rows.getString(2));
        }
      }
    }
    return panelists;
  }

  /** An empty database of this test's own on the suite's PostgreSQL server. */
  private static String freshDatabase() throws SQLException {
    try (Connection server = connect(System.getenv("CONCORD_DB_URL"));
        Statement drop = server.createStatement()) {
      drop.execute("drop database if exists " + DATABASE);
    }
    return TestDatabase.url(DATABASE);
  }

  private static Connection connect(String url) throws SQLException {
    return TestDatabase.open(
        url, System.getenv("CONCORD_DB_USERNAME"), System.getenv("CONCORD_DB_PASSWORD"));
  }

  /** One packaged application: its own port and sender address, the shared database and keys. */
  static final class Instance {
    final String name;
    final Path data;
    final String url;
    final int smtpPort;
    final int port;
    private Process process;

    Instance(String name, Path data, String url, int smtpPort) throws IOException {
      this.name = name;
      this.data = data.resolve(name);
      this.url = url;
      this.smtpPort = smtpPort;
      this.port = freePort();
      Files.createDirectories(this.data);
    }

    /** The From address of its emails: tells which instance sent each. */
    String sender() {
      return "concord-" + name + "@test.example";
    }

    void launch() throws IOException {
      File jar = new File("target/quarkus-app/quarkus-run.jar");
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx512m",
                  "-Dquarkus.http.host=127.0.0.1",
                  "-Dquarkus.http.port=" + port,
                  "-Dquarkus.mailer.mock=false",
                  "-Dquarkus.mailer.host=127.0.0.1",
                  "-Dquarkus.mailer.port=" + smtpPort,
                  "-Dquarkus.mailer.start-tls=DISABLED",
                  "-Dquarkus.mailer.tls=false",
                  "-Dquarkus.mailer.from=" + sender(),
                  "-Dconcord.mail.dispatch-every=1s",
                  "-Dconcord.rounds.check-every=1s",
                  "-Dconcord.token-secret=" + TOKEN_SECRET,
                  "-Dconcord.session-key=" + SESSION_KEY,
                  "-Dconcord.bcrypt-cost=4",
                  "-jar",
                  jar.getAbsolutePath())
              .directory(data.toFile())
              .redirectErrorStream(true)
              .redirectOutput(data.resolve("app.log").toFile());
      Map<String, String> env = builder.environment();
      env.put("CONCORD_DB_URL", url);
      env.put("CONCORD_ADMIN_EMAIL", EMAIL);
      env.put("CONCORD_ADMIN_PASSWORD", PASSWORD);
      process = builder.start();
    }

    void awaitReady() throws IOException, InterruptedException {
      HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
      HttpRequest ready =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
              .timeout(Duration.ofSeconds(5))
              .build();
      Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
      while (Instant.now().isBefore(deadline)) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "Instance " + name + " exited; see " + data.resolve("app.log"));
        }
        try {
          if (probe.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(200);
      }
      throw new IllegalStateException(
          "Instance " + name + " did not start in 120 s; see " + data.resolve("app.log"));
    }

    void stop() throws InterruptedException {
      if (process == null) {
        return;
      }
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
