package org.concord.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The loads put on the application, and the baselines they are measured beside. */
final class Loads {

  private Loads() {}

  // ---- pages: wrk ----

  /**
   * What wrk reports for one run: answers other than 2xx/3xx are wrong answers; socket errors
   * (timeouts, mostly, on a loaded machine) are slowness, reported beside the figure.
   */
  record WrkRun(
      double requestsPerSecond,
      double p50Ms,
      double p99Ms,
      long requests,
      long wrongAnswers,
      long socketErrors) {}

  /**
   * wrk against {@code paths} (rotated by bench/rotate.lua), {@code -t2 --latency}; fails when wrk
   * does.
   */
  static WrkRun wrk(
      Path benchDir, Path work, Application app, List<String> paths, int connections,
      int seconds, String authorization)
      throws IOException, InterruptedException {
    Path list = Files.createTempFile(work, "paths", ".txt");
    Files.write(list, paths);
    List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections,
        "-d" + seconds + "s", "--latency", "--timeout", "10s", "-s",
        benchDir.resolve("rotate.lua").toString()));
    if (authorization != null) {
      command.addAll(List.of("-H", "Authorization: " + authorization));
    }
    command.addAll(List.of(app.uri("/").toString(), "--", list.toString()));
    Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (wrk.waitFor() != 0 || !out.contains("Requests/sec")) {
      throw new IllegalStateException("wrk failed: " + String.join(" ", command) + "\n" + out);
    }
    Files.delete(list);
    long wrongAnswers = 0;
    Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
    if (non2xx.find()) {
      wrongAnswers = Long.parseLong(non2xx.group(1));
    }
    long socketErrors = 0;
    Matcher socket =
        Pattern.compile("connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(out);
    if (socket.find()) {
      for (int g = 1; g <= 4; g++) {
        socketErrors += Long.parseLong(socket.group(g));
      }
    }
    return new WrkRun(
        number(out, "Requests/sec:\\s+([0-9.]+)"),
        latency(out, "50%"),
        latency(out, "99%"),
        (long) number(out, "(\\d+) requests in"),
        wrongAnswers,
        socketErrors);
  }

  private static double number(String out, String regex) {
    Matcher m = Pattern.compile(regex).matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("No " + regex + " in wrk's output:\n" + out);
    }
    return Double.parseDouble(m.group(1));
  }

  private static double latency(String out, String percentile) {
    Matcher m =
        Pattern.compile("\\s" + percentile + "\\s+([0-9.]+)(us|ms|s|m)\\b").matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("No " + percentile + " latency in wrk's output:\n" + out);
    }
    double value = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> value / 1000;
      case "ms" -> value;
      case "s" -> value * 1000;
      default -> value * 60_000;
    };
  }

  // ---- saves: a client of the panelists' JSON API ----

  record SaveRun(double ratingsPerSecond, double p99Ms, long ratings, List<String> failures) {}

  /**
   * {@code clients} threads take the panelists in turn; each panelist saves its ratings in {@code
   * saves} equal parts (consent with the first) and submits. Every answer must be 200.
   */
  static SaveRun saves(
      Application app, List<String> tokens, List<Long> items, int min, int max, int clients,
      int saves)
      throws InterruptedException {
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger next = new AtomicInteger();
    int perSave = (items.size() + saves - 1) / saves;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long begun = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      done.add(
          pool.submit(
              () -> {
                List<Long> mine = new ArrayList<>();
                int p;
                while ((p = next.getAndIncrement()) < tokens.size()) {
                  String token = tokens.get(p);
                  try {
                    for (int s = 0; s < saves; s++) {
                      List<Map<String, Object>> ratings = new ArrayList<>();
                      for (int i = s * perSave; i < Math.min(items.size(), (s + 1) * perSave); i++) {
                        ratings.add(
                            Map.of("itemId", items.get(i), "value", min + (p + i) % (max - min + 1)));
                      }
                      String body =
                          Application.JSON.writeValueAsString(
                              Map.of("consent", true, "ratings", ratings));
                      mine.add(
                          timed(app, token, "PUT", "/api/response", body, failures));
                    }
                    mine.add(timed(app, token, "POST", "/api/response/submit", null, failures));
                  } catch (IOException | InterruptedException e) {
                    failures.add("panelist " + p + ": " + e);
                  }
                }
                latencies.add(mine.stream().mapToLong(Long::longValue).toArray());
                return null;
              }));
    }
    for (Future<?> future : done) {
      try {
        future.get(30, TimeUnit.MINUTES);
      } catch (Exception e) {
        failures.add("client: " + e);
      }
    }
    double seconds = (System.nanoTime() - begun) / 1e9;
    pool.shutdown();
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    long ratings = (long) tokens.size() * items.size();
    return new SaveRun(
        ratings / seconds,
        all.length == 0 ? 0 : all[(int) Math.min(all.length - 1, Math.ceil(all.length * 0.99) - 1)] / 1e6,
        ratings,
        new ArrayList<>(failures));
  }

  private static long timed(
      Application app, String token, String method, String path, String body,
      ConcurrentLinkedQueue<String> failures)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(app.uri("/p/" + token + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    long begun = System.nanoTime();
    HttpResponse<String> answer = app.send(request);
    long took = System.nanoTime() - begun;
    if (answer.statusCode() != 200) {
      failures.add(method + " " + path + ": HTTP " + answer.statusCode() + " " + answer.body());
    }
    return took;
  }

  /** The round as a panelist's API shows it: its item ids in order and its scale. */
  record RoundView(List<Long> items, int min, int max) {}

  static RoundView round(Application app, String token) throws IOException, InterruptedException {
    JsonNode view =
        Application.expect(
            app.send(HttpRequest.newBuilder(app.uri("/p/" + token + "/api/round")).GET()),
            200,
            "GET the panelist's round");
    List<Long> items = new ArrayList<>();
    view.path("sections")
        .findValues("items")
        .forEach(list -> list.forEach(i -> items.add(i.path("itemId").asLong())));
    return new RoundView(
        items, view.path("scale").path("min").asInt(), view.path("scale").path("max").asInt());
  }

  /**
   * Baseline of the saves: the same number of rows inserted through plain JDBC batches into a
   * scratch table shaped as {@code rating} (its key, unique pair and index, not its foreign keys),
   * committed every {@code perTransaction} rows as a save commits its ratings. Rows per second.
   */
  static double batchInsert(Connection db, long rows, int perTransaction) throws SQLException {
    try (Statement ddl = db.createStatement()) {
      ddl.execute("drop table if exists bench_rating");
      ddl.execute(
          "create table bench_rating (id bigint primary key, response_id bigint not null,"
              + " round_item_id bigint not null, rating_value integer, unable_to_rate boolean not"
              + " null, reason_for_change varchar(2000), created_at timestamp with time zone not"
              + " null, updated_at timestamp with time zone not null,"
              + " constraint bench_rating_unique unique (response_id, round_item_id))");
      ddl.execute("create index bench_rating_item on bench_rating (round_item_id)");
    }
    db.setAutoCommit(false);
    Timestamp now = Timestamp.from(Instant.now());
    long begun = System.nanoTime();
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into bench_rating (id, response_id, round_item_id, rating_value,"
                + " unable_to_rate, created_at, updated_at) values (?, ?, ?, ?, false, ?, ?)")) {
      for (long r = 0; r < rows; r++) {
        insert.setLong(1, r);
        insert.setLong(2, r / 100);
        insert.setLong(3, r % 100);
        insert.setInt(4, 1 + (int) (r % 9));
        insert.setTimestamp(5, now);
        insert.setTimestamp(6, now);
        insert.addBatch();
        if ((r + 1) % perTransaction == 0 || r == rows - 1) {
          insert.executeBatch();
          db.commit();
        }
      }
    }
    double seconds = (System.nanoTime() - begun) / 1e9;
    db.setAutoCommit(true);
    try (Statement ddl = db.createStatement()) {
      ddl.execute("drop table bench_rating");
    }
    return rows / seconds;
  }

  // ---- close: the bare GROUP BY ----

  record GroupBy(double seconds, long ratings, int rows) {}

  /** The counts a close needs, per statement, group and rating value, through bare SQL. */
  static GroupBy groupBy(Connection db, long round) throws SQLException {
    long begun = System.nanoTime();
    long ratings = 0;
    int rows = 0;
    try (PreparedStatement query =
        db.prepareStatement(
            "select r.round_item_id, r.group_id, r.rating_value, count(*) from rating r"
                + " where r.round_id = ? and r.submitted"
                + " group by r.round_id, r.submitted, r.round_item_id, r.group_id,"
                + " r.rating_value, r.unable_to_rate")) {
      query.setLong(1, round);
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          ratings += result.getLong(4);
          rows++;
        }
      }
    }
    return new GroupBy((System.nanoTime() - begun) / 1e9, ratings, rows);
  }

  // ---- export ----

  record Export(double seconds, long bytes, long lines, int status) {}

  /** Downloads a CSV as a client reads it, line by line, keeping none of it. */
  static Export csv(Application app, String path) throws IOException, InterruptedException {
    long begun = System.nanoTime();
    HttpResponse<InputStream> answer =
        app.http()
            .send(
                HttpRequest.newBuilder(app.uri(path))
                    .header("Authorization", Application.basic())
                    .timeout(Duration.ofMinutes(10))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    long bytes = 0;
    long lines = 0;
    try (InputStream body = answer.body()) {
      byte[] buffer = new byte[65536];
      int n;
      while ((n = body.read(buffer)) > 0) {
        bytes += n;
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
      }
    }
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + ": HTTP " + answer.statusCode());
    }
    return new Export((System.nanoTime() - begun) / 1e9, bytes, lines, answer.statusCode());
  }

  /** Lines of the log from line {@code from} on that contain {@code needle}. */
  static long logLinesMatching(Path log, String needle, long from) throws IOException {
    long count = 0;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(Files.newInputStream(log), StandardCharsets.UTF_8))) {
      String line;
      long n = 0;
      while ((line = reader.readLine()) != null) {
        if (n++ >= from && line.contains(needle)) {
          count++;
        }
      }
    }
    return count;
  }

  static long logLines(Path log) throws IOException {
    try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines.count();
    }
  }
}
