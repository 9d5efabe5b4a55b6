package org.concord.report;

import static org.concord.Api.asAnalyst;
import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A seeded three-round study run through the API: the report's numbers equal the stored results and
 * recompute from the exported counts, and every export reads back to exactly what was submitted.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportAndExportsTest {

  /** Decimals as doubles: rest-assured reads them as floats unless told. */
  static final JsonPathConfig FULL_PRECISION =
      JsonPathConfig.jsonPathConfig().numberReturnType(NumberReturnType.DOUBLE);

  static final String HOSTILE_COMMENT = "=HYPERLINK(\"http://attacker.example\",\"click\")";

  // Ratings per round, statement (1..4) and panelist (1..8); panelist 8 does not answer round 2,
  // panelist 7 not round 3.
  static final int[][] ROUND_1 = {
    {9, 8, 9, 8, 7, 9, 8, 9},
    {1, 2, 1, 2, 1, 3, 2, 1},
    {5, 6, 7, 4, 8, 5, 3, 9},
    {2, 8, 5, 5, 9, 1, 6, 4}
  };
  static final int[] ROUND_2_S3 = {7, 7, 8, 7, 8, 7, 9};
  static final int[] ROUND_2_S4 = {3, 8, 5, 5, 9, 2, 6};
  static final int[] ROUND_3_S4 = {4, 8, 5, 5, 8, 2};

  @Inject MockMailbox mailbox;
  @Inject MailDispatcher dispatcher;

  long study;
  final List<Long> rounds = new ArrayList<>();

  /** email, round, statement id → rating, as submitted. */
  final Set<String> submitted = new HashSet<>();

  /**
   * Once for the class; in a {@code @BeforeEach} because the application starts after BeforeAll.
   */
  @BeforeEach
  void runThreeRounds() {
    if (study != 0) {
      return;
    }
    long[] ids =
        TestStudies.withDraftRound(
            "Report study & <friends>",
            4,
            8,
            Map.of("maximumRounds", 3, "minimumN", 5, "minimumResponsePercent", 50));
    study = ids[0];
    long round1 = ids[1];
    rounds.add(round1);
    Map<String, String> tokens = open(round1, 8);
    JsonPath statements =
        asCoordinator().get("/api/studies/" + study + "/statements?size=10").jsonPath();
    Map<Integer, Long> statementByPosition = new HashMap<>();
    for (int s = 0; s < 4; s++) {
      long id = statements.getLong("items[" + s + "].id");
      statementByPosition.put(s, id);
      statementIdByText.put(statements.getString("items[" + s + "].text"), id);
    }
    for (int p = 1; p <= 8; p++) {
      Map<Long, Integer> ratings = new HashMap<>();
      for (int s = 0; s < 4; s++) {
        ratings.put(statementByPosition.get(s), ROUND_1[s][p - 1]);
      }
      submit(
          tokens.get(email(p)),
          1,
          ratings,
          p == 1 ? HOSTILE_COMMENT : null,
          statementByPosition.get(2));
    }
    asCoordinator().post("/api/rounds/" + round1 + "/close").then().statusCode(200);
    JsonPath comments = asCoordinator().get("/api/rounds/" + round1 + "/comments").jsonPath();
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("released", true))
        .patch("/api/comments/" + comments.getLong("items[0].id"))
        .then()
        .statusCode(204);

    long round2 = next(round1);
    tokens = open(round2, 8);
    for (int p = 1; p <= 7; p++) {
      submit(
          tokens.get(email(p)),
          2,
          Map.of(
              statementByPosition.get(2), ROUND_2_S3[p - 1],
              statementByPosition.get(3), ROUND_2_S4[p - 1]),
          null,
          null);
    }
    asCoordinator().post("/api/rounds/" + round2 + "/close").then().statusCode(200);

    long round3 = next(round2);
    tokens = open(round3, 7);
    for (int p = 1; p <= 6; p++) {
      submit(
          tokens.get(email(p)),
          3,
          Map.of(statementByPosition.get(3), ROUND_3_S4[p - 1]),
          null,
          null);
    }
    asCoordinator()
        .post("/api/rounds/" + round3 + "/close")
        .then()
        .statusCode(200)
        .body("stopReason", containsString("maximum number of rounds"));
  }

  @Test
  void everyNumberOfTheJsonReportIsTheStoredResultAndRecomputesFromTheExportedCounts()
      throws Exception {
    JsonPath report = report("application/json");
    assertThat(report.getList("results"), hasSize(3));
    List<CSVRecord> itemResults = csv("item-results.csv");
    for (int r = 0; r < 3; r++) {
      JsonPath stored =
          asCoordinator()
              .get("/api/rounds/" + rounds.get(r) + "/results")
              .jsonPath()
              .using(FULL_PRECISION);
      assertEquals(
          stored.getList("items"), report.getList("results[" + r + "].items"), "round " + (r + 1));
      for (int i = 0; i < stored.getList("items").size(); i++) {
        String at = "items[" + i + "].statistics.";
        long n = stored.getLong(at + "n");
        long agree = stored.getLong(at + "agreeCount");
        // Full precision: the stored percentage is the exact quotient, as an analyst computes it.
        assertEquals(100.0 * agree / n, stored.getDouble(at + "percentAgree"), 0.0);
        long statementId = stored.getLong("items[" + i + "].statementId");
        CSVRecord row = overallRow(itemResults, r + 1, statementId);
        assertEquals(n, Long.parseLong(row.get("n")));
        long exportedAgree = 0;
        for (int point = 7; point <= 9; point++) {
          exportedAgree += Long.parseLong(row.get("count_" + point));
        }
        assertEquals(agree, exportedAgree);
        assertEquals(
            Double.parseDouble(row.get("percent_agree")),
            stored.getDouble(at + "percentAgree"),
            0.0);
        assertEquals(100.0 * exportedAgree / n, Double.parseDouble(row.get("percent_agree")), 0.0);
        // Quantiles recompute from the exported counts with Hyndman & Fan type 7, done by hand.
        long[] counts = new long[9];
        for (int point = 1; point <= 9; point++) {
          counts[point - 1] = Long.parseLong(row.get("count_" + point));
        }
        assertEquals(type7(counts, 0.5), Double.parseDouble(row.get("median")), 1e-12);
        assertEquals(
            type7(counts, 0.75) - type7(counts, 0.25), Double.parseDouble(row.get("iqr")), 1e-12);
        assertEquals(stored.getDouble(at + "median"), Double.parseDouble(row.get("median")), 0.0);
      }
    }
    // Statement 3 of round 1: 3 of 8 in 7–9 is 37.5%; statement 4 stays without consensus.
    assertThat(report.getList("finalList.consensusIn.text"), hasSize(2));
    assertThat(
        report.getList("finalList.consensusOut.text"), equalTo(List.of("Statement number 2")));
    assertThat(
        report.getList("finalList.noConsensus.text"), equalTo(List.of("Statement number 4")));
    assertThat(report.getString("rounds[2].stopVerdict"), equalTo("MAXIMUM_ROUNDS"));
    assertThat(report.getLong("rounds[1].invited"), equalTo(8L));
    assertThat(report.getLong("rounds[1].submitted"), equalTo(7L));
    assertThat(report.getDouble("rounds[2].responseRateOfRoundOne"), equalTo(75.0));
    assertThat(report.getLong("attrition[0].left"), equalTo(1L));
    // Into round 2, statement 3: round-1 ratings 5,6,7,4,8,5,3 of those who stayed against 9 of
    // the one who left; R's wilcox.test(c(5,6,7,4,8,5,3), c(9)) gives W = 0, p =
    // 0.18778127209915241.
    assertThat(report.getString("attrition[0].statements[0].text"), equalTo("Statement number 3"));
    assertEquals(0.0, report.getDouble("attrition[0].statements[0].mannWhitneyW"), 0.0);
    assertEquals(
        0.18778127209915241, report.getDouble("attrition[0].statements[0].mannWhitneyP"), 1e-12);
    assertEquals(
        100.0 * 2 / 7, report.getDouble("attrition[0].statements[0].stayedPercentAgree"), 0.0);
    assertThat(report.getBoolean("attrition[0].statements[0].flagged"), equalTo(true));
    // Into round 3, statement 4: wilcox.test(c(3,8,5,5,9,2), c(6)) gives W = 2, p =
    // 0.800838179706995.
    assertEquals(
        0.800838179706995, report.getDouble("attrition[1].statements[0].mannWhitneyP"), 1e-12);
    // The sensitivity table: statement 3 (round 2: every rating 7–9) is in under every rule.
    List<String> changes = report.getList("sensitivity.findAll { it.changes }.text");
    assertThat(changes.contains("Statement number 3"), equalTo(false));
    assertThat(report.getList("sensitivityRules"), hasSize(3));
    assertThat(report.getString("method.paragraphs[1]"), containsString("%agree ≥ 70%"));
    assertThat(report.getList("checklist.id"), equalTo(List.of("ACCORD", "DELPHISTAR")));
    assertThat(report.getList("comments.text"), equalTo(List.of(HOSTILE_COMMENT)));
  }

  @Test
  void theRatingsExportParsesBackToExactlyTheRatingsSubmitted() throws Exception {
    Map<String, String> emailOf = new HashMap<>();
    for (CSVRecord row : csv("identity-map.csv")) {
      emailOf.put(row.get("panelist"), row.get("email"));
    }
    Set<String> exported = new HashSet<>();
    List<CSVRecord> ratings = csv("ratings.csv");
    for (CSVRecord row : ratings) {
      exported.add(
          emailOf.get(row.get("panelist"))
              + "/"
              + row.get("round")
              + "/"
              + row.get("statement_id")
              + "/"
              + row.get("rating"));
    }
    assertEquals(submitted, exported);
    assertEquals(submitted.size(), ratings.size());
    // Panelist 1 rated statement 3 at 5, then 7: changed. Nothing but the pseudonym says who.
    assertThat(ratings.get(0).get("panelist"), equalTo("P001"));
    assertThat(
        ratings.stream()
            .filter(r -> r.get("round").equals("2"))
            .map(r -> r.get("changed_from_previous"))
            .collect(Collectors.toSet()),
        equalTo(Set.of("1", "0")));
    String all = raw("ratings.csv") + raw("participation.csv") + raw("comments.csv");
    assertThat(all.contains("@example.org"), equalTo(false));
  }

  @Test
  void theWorkbookHoldsTheSameRowsAsTheCsvFiles() throws Exception {
    byte[] xlsx =
        asAnalyst()
            .get("/api/studies/" + study + "/exports/workbook.xlsx")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    List<CSVRecord> ratings = csv("ratings.csv");
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      List<String> sheets = workbook.getSheets().map(Sheet::getName).toList();
      assertThat(
          sheets,
          equalTo(List.of("ratings", "item_results", "comments", "participation", "codebook")));
      List<List<Row>> byName = workbook.getSheets().map(ReportAndExportsTest::rows).toList();
      List<Row> rows = byName.get(0);
      assertEquals(ratings.size() + 1, rows.size());
      for (int i = 0; i < ratings.size(); i++) {
        assertEquals(ratings.get(i).get("panelist"), rows.get(i + 1).getCellText(0));
        assertEquals(ratings.get(i).get("rating"), rows.get(i + 1).getCellText(6));
      }
      assertEquals(csv("item-results.csv").size() + 1, byName.get(1).size());
      assertEquals(csv("participation.csv").size() + 1, byName.get(3).size());
      assertEquals("'" + HOSTILE_COMMENT, byName.get(2).get(1).getCellText(6));
    }
  }

  @Test
  void aCommentThatLooksLikeAFormulaIsNeutralised() throws Exception {
    List<CSVRecord> comments = csv("comments.csv");
    assertThat(comments, hasSize(1));
    assertThat(comments.get(0).get("comment"), equalTo("'" + HOSTILE_COMMENT));
  }

  @Test
  void thePdfAndTheHtmlCarryTheSameReport() throws Exception {
    byte[] pdf =
        asCoordinator()
            .accept("application/pdf")
            .get("/api/studies/" + study + "/report")
            .then()
            .statusCode(200)
            .contentType("application/pdf")
            .extract()
            .asByteArray();
    // Kept for the README's picture: pdftoppm -png -r 60 -f 3 -l 3 target/report.pdf …
    Files.write(Path.of("target", "report.pdf"), pdf);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text, containsString("Report study & <friends>"));
      assertThat(text, containsString("Statement number 3"));
      assertThat(text, containsString("Page 1 of " + document.getNumberOfPages()));
    }
    var response =
        asCoordinator()
            .accept("text/html")
            .get("/api/studies/" + study + "/report")
            .then()
            .statusCode(200)
            .extract();
    String html = response.asString();
    String style = html.substring(html.indexOf("<style>") + 7, html.indexOf("</style>"));
    String hash =
        Base64.getEncoder()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(style.getBytes(StandardCharsets.UTF_8)));
    assertThat(
        response.header("Content-Security-Policy"),
        equalTo(
            "default-src 'none'; style-src 'sha256-"
                + hash
                + "'; img-src data:; frame-ancestors 'none'; form-action 'none'; base-uri 'none'"));
    assertThat(html, containsString("Report study &amp; &lt;friends&gt;"));
    assertThat(html, containsString("<svg"));
  }

  @Test
  void analystsDownloadEverythingButTheIdentityMap() {
    asAnalyst().get("/api/studies/" + study + "/exports/ratings.csv").then().statusCode(200);
    asAnalyst().get("/api/studies/" + study + "/exports/codebook.csv").then().statusCode(200);
    asAnalyst().get("/api/studies/" + study + "/report?format=json").then().statusCode(200);
    asAnalyst().get("/api/studies/" + study + "/exports/identity-map.csv").then().statusCode(403);
    RestAssured.given()
        .get("/api/studies/" + study + "/exports/ratings.csv")
        .then()
        .statusCode(401);
    asCoordinator().get("/api/studies/999999/exports/ratings.csv").then().statusCode(404);
  }

  private JsonPath report(String accept) {
    return asCoordinator()
        .accept(accept)
        .get("/api/studies/" + study + "/report")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .using(FULL_PRECISION);
  }

  private String raw(String file) {
    return asCoordinator()
        .get("/api/studies/" + study + "/exports/" + file)
        .then()
        .statusCode(200)
        .contentType(startsWith("text/csv"))
        .extract()
        .asString();
  }

  private List<CSVRecord> csv(String file) throws Exception {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .build()
        .parse(new StringReader(raw(file)))
        .getRecords();
  }

  private static CSVRecord overallRow(List<CSVRecord> rows, int round, long statementId) {
    return rows.stream()
        .filter(
            r ->
                r.get("round").equals(Integer.toString(round))
                    && r.get("statement_id").equals(Long.toString(statementId))
                    && r.get("stakeholder_group").equals("(all)"))
        .findFirst()
        .orElseThrow();
  }

  private static List<Row> rows(Sheet sheet) {
    try {
      return sheet.read();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** R's quantile(x, p, type = 7) of the ratings 1..9 given as counts. */
  private static double type7(long[] counts, double p) {
    List<Integer> sorted = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      for (long c = 0; c < counts[i]; c++) {
        sorted.add(i + 1);
      }
    }
    double h = (sorted.size() - 1) * p;
    int low = (int) Math.floor(h);
    int high = Math.min(low + 1, sorted.size() - 1);
    return sorted.get(low) + (h - low) * (sorted.get(high) - sorted.get(low));
  }

  private String email(int panelist) {
    return "p" + panelist + "-" + study + "@example.org";
  }

  private Map<String, String> open(long round, int invited) {
    mailbox.clear();
    TestStudies.open(round);
    dispatcher.dispatchDue();
    Map<String, String> tokens = new HashMap<>();
    for (int p = 1; p <= 8; p++) {
      var mails = mailbox.getMailsSentTo(email(p));
      if (mails != null && !mails.isEmpty()) {
        String token = Links.tokenIn(mails.get(0));
        tokens.put(email(p), token);
        emailByToken.put(token, email(p));
      }
    }
    assertEquals(invited, tokens.size());
    return tokens;
  }

  private long next(long round) {
    long next =
        asCoordinator()
            .post("/api/rounds/" + round + "/next")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    rounds.add(next);
    return next;
  }

  private static List<Map<String, Object>> items(String token) {
    return RestAssured.given()
        .basePath("/p/" + token + "/api")
        .get("/round")
        .jsonPath()
        .getList("sections[0].items");
  }

  /** Saves and submits one panelist's ratings of the statements given, by statement id. */
  private void submit(
      String token, int round, Map<Long, Integer> byStatement, String comment, Long commentOn) {
    List<Map<String, Object>> ratings = new ArrayList<>();
    List<Map<String, Object>> comments = new ArrayList<>();
    for (Map<String, Object> item : items(token)) {
      long statementId = statementIdByText.get((String) item.get("text"));
      Integer value = byStatement.get(statementId);
      ratings.add(Map.of("itemId", item.get("itemId"), "value", value));
      if (comment != null && commentOn == statementId) {
        comments.add(Map.of("itemId", item.get("itemId"), "text", comment));
      }
      submitted.add(emailOfToken(token) + "/" + round + "/" + statementId + "/" + value);
    }
    Map<String, Object> body = new HashMap<>();
    body.put("consent", true);
    body.put("ratings", ratings);
    body.put("comments", comments);
    RestAssured.given()
        .basePath("/p/" + token + "/api")
        .contentType(ContentType.JSON)
        .body(body)
        .put("/response")
        .then()
        .statusCode(200);
    RestAssured.given()
        .basePath("/p/" + token + "/api")
        .post("/response/submit")
        .then()
        .statusCode(200);
  }

  private final Map<String, String> emailByToken = new HashMap<>();
  private final Map<String, Long> statementIdByText = new HashMap<>();

  private String emailOfToken(String token) {
    return emailByToken.get(token);
  }
}
