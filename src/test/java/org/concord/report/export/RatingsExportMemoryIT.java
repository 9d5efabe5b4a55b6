package org.concord.report.export;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.concord.PackagedApplication;
import org.concord.TestDatabase;
import org.concord.TestStudies;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

/**
 * Exports stream: a million ratings leave the packaged application, capped at a 256 MB heap, as CSV
 * and as a workbook. The study, its statements, panel and round come through the API; the ratings
 * are written straight into the H2 file while the application is stopped, since a million
 * submissions through the API would take far longer than the export they are for.
 */
class RatingsExportMemoryIT {

  private static final String EMAIL = "memory@concord.example";
  private static final String PASSWORD = "memory-coordinator-password";
  private static final int STATEMENTS = 100;
  private static final int PANELISTS = 10_000;
  private static final int GROUPS = 5;
  private static final int RATINGS = STATEMENTS * PANELISTS;
  private static final String HEAP = "256m";

  /** The PostgreSQL database of this test when the suite runs there. */
  private static final String DATABASE = "concord-export-memory";

  /** Rows written by the test, in a range the application's sequence will not reach. */
  private static final long FIRST_SEEDED_ID = 1_000_000_000_000L;

  private static final int ROWS_PER_TRANSACTION = 5_000;
  private static final Timestamp SUBMITTED_AT =
      Timestamp.from(Instant.parse("2025-03-01T10:00:00Z"));

  private static final String RATINGS_HEADER =
      "panelist,stakeholder_group,round,statement_id,statement_version,item_id,rating,"
          + "unable_to_rate,changed_from_previous,reason_for_change_given,shown_position";

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void aMillionRatingsExportWithinA256MegabyteHeap() throws Exception {
    PackagedApplication app =
        new PackagedApplication(Files.createTempDirectory("concord-memory"), DATABASE)
            .withCoordinator(EMAIL, PASSWORD)
            // The round stays a draft, so no email is due; none should reach for a mail server.
            .with("-Dquarkus.mailer.mock=true")
            .withEnv("CONCORD_MAIL_DISPATCH_EVERY", "off");
    Path data = app.data();
    long study;
    try {
      app.start();
      study = createStudyWithPanelAndRound(app.port());
    } finally {
      app.stop();
    }

    Instant seeding = Instant.now();
    String expectedFirstRow = seedSubmittedRatings(app.h2File(), study);
    System.out.printf(
        "Seeded %,d ratings in %d s.%n",
        RATINGS, Duration.between(seeding, Instant.now()).toSeconds());

    try {
      app.start("-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError", "-XX:+HeapDumpOnOutOfMemoryError");

      Instant begun = Instant.now();
      CsvLines csv = readCsv(app.port(), "/api/studies/" + study + "/exports/ratings.csv");
      report("ratings.csv", begun, csv.bytes);
      System.out.printf(
          "Export ratings.csv: first line after %.1f s.%n",
          Duration.between(begun, csv.firstLineAt).toMillis() / 1000.0);
      assertThat(csv.status, equalTo(200));
      assertThat(csv.header, equalTo(RATINGS_HEADER));
      assertThat(csv.firstRow, equalTo(expectedFirstRow));
      assertThat(csv.lines, equalTo(1L + RATINGS));
      assertThat("alive after the CSV export", app.isReady(), equalTo(true));

      Path workbook = data.resolve("workbook.xlsx");
      begun = Instant.now();
      int status =
          download(app.port(), "/api/studies/" + study + "/exports/workbook.xlsx", workbook);
      report("workbook.xlsx", begun, Files.size(workbook));
      assertThat(status, equalTo(200));
      assertThat("alive after the workbook export", app.isReady(), equalTo(true));
      assertThat(ratingsSheetRows(workbook), equalTo(1L + RATINGS));
    } finally {
      app.stop();
    }
    // Kept when the test fails: the logs, the database and any heap dump are the evidence.
    app.deleteData();
  }

  /** A study of 100 statements, a panel of 10,000 in five groups, and round 1 drafted. */
  private static long createStudyWithPanelAndRound(int port) {
    return TestStudies.study("A national panel")
        .as(() -> coordinator(port))
        .sections(STATEMENTS)
        .statementsNamed("Statement ")
        .panelists(PANELISTS)
        .names("Panelist ", false)
        .groups(i -> "Group " + (1 + i % GROUPS))
        .draftRound()
        .study();
  }

  /**
   * One submitted response per panelist, rating every statement of round 1: values 1–9 spread over
   * panelists and statements, every 50th answer "unable to rate". Returns the row the CSV export
   * must start with.
   */
  private static String seedSubmittedRatings(Path database, long study) throws SQLException {
    try (Connection db = TestDatabase.connect(DATABASE, database)) {
      db.setAutoCommit(false);
      long round = single(db, "select id from round where study_id = ? and number = 1", study);
      List<long[]> items = // id, statement_id
          rows(
              db,
              "select id, statement_id from round_item where round_id = ? order by position",
              round);
      List<long[]> panelists =
          rows(db, "select id, group_id from panelist where study_id = ? order by id", study);
      assertThat(items.size(), equalTo(STATEMENTS));
      assertThat(panelists.size(), equalTo(PANELISTS));

      long nextId = FIRST_SEEDED_ID;
      try (PreparedStatement response =
              db.prepareStatement(
                  "insert into response (id, round_id, panelist_id, state, consented_at,"
                      + " submitted_at, version, created_at, updated_at)"
                      + " values (?, ?, ?, 'SUBMITTED', ?, ?, 0, ?, ?)");
          PreparedStatement rating =
              db.prepareStatement(
                  "insert into rating (id, response_id, round_item_id, rating_value,"
                      + " unable_to_rate, created_at, updated_at, round_id, group_id, submitted)"
                      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, true)")) {
        int pending = 0;
        for (int p = 0; p < panelists.size(); p++) {
          long responseId = nextId++;
          response.setLong(1, responseId);
          response.setLong(2, round);
          response.setLong(3, panelists.get(p)[0]);
          for (int column = 4; column <= 7; column++) {
            response.setTimestamp(column, SUBMITTED_AT);
          }
          response.addBatch();
          for (int i = 0; i < items.size(); i++) {
            rating.setLong(1, nextId++);
            rating.setLong(2, responseId);
            rating.setLong(3, items.get(i)[0]);
            Integer value = value(p, i);
            if (value == null) {
              rating.setNull(4, Types.INTEGER);
            } else {
              rating.setInt(4, value);
            }
            rating.setBoolean(5, value == null);
            rating.setTimestamp(6, SUBMITTED_AT);
            rating.setTimestamp(7, SUBMITTED_AT);
            rating.setLong(8, round);
            rating.setLong(9, panelists.get(p)[1]);
            rating.addBatch();
            pending++;
          }
          if (pending >= ROWS_PER_TRANSACTION || p == panelists.size() - 1) {
            response.executeBatch();
            rating.executeBatch();
            db.commit();
            pending = 0;
          }
        }
      }
      // The first panelist (pseudonym P00001, joined first, in Group 2) on statement 1, version 1;
      // neither a previous round nor a reason, so those two columns are empty and 0; shown first.
      return String.join(
          ",",
          "P00001",
          "Group 2",
          "1",
          Long.toString(items.get(0)[1]),
          "1",
          Long.toString(items.get(0)[0]),
          String.valueOf(value(0, 0)),
          "0",
          "",
          "0",
          "1");
    }
  }

  /** The rating of panelist {@code p} on statement {@code i}; null for "unable to rate". */
  private static Integer value(int p, int i) {
    return (p + i) % 50 == 49 ? null : 1 + (p * 7 + i) % 9;
  }

  private static long single(Connection db, String sql, long parameter) throws SQLException {
    return rows(db, sql, parameter).get(0)[0];
  }

  private static List<long[]> rows(Connection db, String sql, long parameter) throws SQLException {
    try (PreparedStatement query = db.prepareStatement(sql)) {
      query.setLong(1, parameter);
      List<long[]> rows = new ArrayList<>();
      try (ResultSet result = query.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          long[] row = new long[columns];
          for (int c = 0; c < columns; c++) {
            row[c] = result.getLong(c + 1);
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  /** A CSV read line by line as it arrives: the test holds no more of it than the server does. */
  record CsvLines(
      int status, String header, String firstRow, long lines, long bytes, Instant firstLineAt) {}

  private CsvLines readCsv(int port, String path) throws IOException, InterruptedException {
    HttpResponse<InputStream> answer =
        http.send(request(port, path), HttpResponse.BodyHandlers.ofInputStream());
    CountingStream counted = new CountingStream(answer.body());
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8))) {
      String header = reader.readLine();
      Instant firstLineAt = Instant.now();
      String firstRow = reader.readLine();
      long lines = header == null ? 0 : firstRow == null ? 1 : 2;
      while (reader.readLine() != null) {
        lines++;
      }
      return new CsvLines(answer.statusCode(), header, firstRow, lines, counted.count, firstLineAt);
    }
  }

  private int download(int port, String path, Path file) throws IOException, InterruptedException {
    HttpResponse<Path> answer =
        http.send(request(port, path), HttpResponse.BodyHandlers.ofFile(file));
    return answer.statusCode();
  }

  /** Rows of the ratings sheet, header included, read as a stream of rows. */
  private static long ratingsSheetRows(Path workbook) throws IOException {
    try (ReadableWorkbook book = new ReadableWorkbook(workbook.toFile())) {
      Sheet ratings = book.findSheet("ratings").orElseThrow();
      try (Stream<org.dhatim.fastexcel.reader.Row> rows = ratings.openStream()) {
        return rows.count();
      }
    }
  }

  private static void report(String export, Instant begun, long bytes) {
    Duration took = Duration.between(begun, Instant.now());
    System.out.printf(
        "Export %s of %,d ratings with -Xmx%s: %.1f s, %,.0f ratings/s, %,d bytes.%n",
        export, RATINGS, HEAP, took.toMillis() / 1000.0, RATINGS * 1000.0 / took.toMillis(), bytes);
  }

  private static HttpRequest request(int port, String path) {
    String credentials = EMAIL + ":" + PASSWORD;
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
        .GET()
        .build();
  }

  private static RequestSpecification coordinator(int port) {
    return RestAssured.given()
        .baseUri("http://127.0.0.1")
        .port(port)
        .auth()
        .preemptive()
        .basic(EMAIL, PASSWORD);
  }

  /** Counts the bytes that pass, so the CSV's size is known without keeping it. */
  private static final class CountingStream extends InputStream {
    private final InputStream in;
    long count;

    CountingStream(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
