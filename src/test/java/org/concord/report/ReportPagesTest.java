package org.concord.report;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.concord.web.ConsoleSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The report tab: every file the API offers, downloaded through the console's session, answers as
 * the API does (type, file name, content).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPagesTest {

  static final String CSV = "text/csv";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** Console file, its content type, and the API address that serves the same. */
  static final String[][] FILES = {
    {"report.html", "text/html", "report?format=html"},
    {"report.pdf", "application/pdf", "report?format=pdf"},
    {"report.json", "application/json", "report?format=json"},
    {"ratings.csv", CSV, "exports/ratings.csv"},
    {"item-results.csv", CSV, "exports/item-results.csv"},
    {"comments.csv", CSV, "exports/comments.csv"},
    {"participation.csv", CSV, "exports/participation.csv"},
    {"codebook.csv", CSV, "exports/codebook.csv"},
    {"workbook.xlsx", XLSX, "exports/workbook.xlsx"},
  };

  @Inject MockMailbox mailbox;
  @Inject MailDispatcher dispatcher;

  long study;

  @BeforeEach
  void closeOneRound() {
    if (study != 0) {
      return;
    }
    long[] ids = TestStudies.withDraftRound("Report page study", 2, 4, null);
    study = ids[0];
    mailbox.clear();
    TestStudies.open(ids[1]);
    dispatcher.dispatchDue();
    for (int p = 1; p <= 4; p++) {
      String email = "p" + p + "-" + study + "@example.org";
      submit(Links.tokenIn(mailbox.getMailsSentTo(email).get(0)), p);
    }
    asCoordinator().post("/api/rounds/" + ids[1] + "/close").then().statusCode(200);
  }

  @Test
  void thePageExplainsAndLinksEveryDownload() {
    String page =
        ConsoleSession.coordinator()
            .get("/console/studies/" + study + "/report")
            .then()
            .statusCode(200)
            .body(containsString("<h1>Report and downloads</h1>"))
            .body(containsString("1 of 1 round has closed"))
            .body(containsString("Journals"))
            .body(containsString("funders"))
            .body(containsString("Analysts"))
            .body(not(containsString(" style=")))
            .extract()
            .asString();
    for (String[] file : FILES) {
      assertThat(
          page, containsString("href=\"/console/studies/" + study + "/report/" + file[0] + "\""));
    }
    assertThat(page, containsString("/report/identity-map.csv"));
    assertThat(page, containsString("download=\"concord-study-" + study + "-ratings.csv\""));
  }

  @Test
  void everyDownloadAnswersForTheCoordinatorAsTheApiDoes() {
    ConsoleSession coordinator = ConsoleSession.coordinator();
    for (String[] file : FILES) {
      Response console = coordinator.get("/console/studies/" + study + "/report/" + file[0]);
      Response api = asCoordinator().get("/api/studies/" + study + "/" + file[2]);
      assertThat(file[0], console.statusCode(), equalTo(200));
      assertThat(file[0], console.contentType(), startsWith(file[1]));
      assertThat(file[0], console.contentType(), equalTo(api.contentType()));
      assertThat(
          file[0],
          console.header("Content-Disposition"),
          equalTo(api.header("Content-Disposition")));
      if (file[0].endsWith(".csv")) {
        assertThat(file[0], console.asString(), equalTo(api.asString()));
      }
    }
    Response ratings = coordinator.get("/console/studies/" + study + "/report/ratings.csv");
    assertThat(
        ratings.header("Content-Disposition"),
        equalTo("attachment; filename=\"concord-study-" + study + "-ratings.csv\""));
    assertThat(ratings.asString(), not(containsString("@example.org")));
    Response identities = coordinator.get("/console/studies/" + study + "/report/identity-map.csv");
    assertThat(identities.statusCode(), equalTo(200));
    assertThat(identities.contentType(), startsWith(CSV));
    assertThat(identities.asString(), containsString("@example.org"));
  }

  @Test
  void theHtmlReportKeepsItsOwnStrictPolicy() {
    Response html =
        ConsoleSession.coordinator().get("/console/studies/" + study + "/report/report.html");
    assertThat(html.statusCode(), equalTo(200));
    assertThat(html.asString(), containsString("Report page study"));
    assertThat(
        html.header("Content-Security-Policy"),
        startsWith("default-src 'none'; style-src 'sha256-"));
  }

  @Test
  void anAnalystDownloadsEverythingButTheIdentityMap() {
    ConsoleSession analyst = ConsoleSession.analyst();
    for (String[] file : FILES) {
      Response response = analyst.get("/console/studies/" + study + "/report/" + file[0]);
      assertThat(file[0], response.statusCode(), equalTo(200));
      assertThat(file[0], response.contentType(), startsWith(file[1]));
    }
    analyst.get("/console/studies/" + study + "/report/identity-map.csv").then().statusCode(403);
    analyst
        .get("/console/studies/" + study + "/report")
        .then()
        .statusCode(200)
        .body(not(containsString("/report/identity-map.csv")))
        .body(containsString("for coordinators only"));
  }

  @Test
  void anAnonymousRequestIsSentToSignInAndAnUnknownStudyIsNotFound() {
    ConsoleSession anonymous = ConsoleSession.anonymous();
    for (String path : List.of("", "/ratings.csv", "/report.pdf", "/workbook.xlsx")) {
      anonymous
          .get("/console/studies/" + study + "/report" + path)
          .then()
          .statusCode(303)
          .header("Location", containsString("/console/login"));
    }
    ConsoleSession.coordinator()
        .get("/console/studies/999999/report/ratings.csv")
        .then()
        .statusCode(404)
        .contentType(containsString("text/html"));
  }

  @SuppressWarnings("unchecked")
  private static void submit(String token, int panelist) {
    List<Map<String, Object>> ratings = new ArrayList<>();
    List<Map<String, Object>> comments = new ArrayList<>();
    List<Map<String, Object>> items =
        RestAssured.given()
            .basePath("/p/" + token + "/api")
            .get("/round")
            .jsonPath()
            .getList("sections[0].items");
    for (Map<String, Object> item : items) {
      ratings.add(Map.of("itemId", item.get("itemId"), "value", 6 + panelist % 4));
    }
    comments.add(Map.of("itemId", items.get(0).get("itemId"), "text", "Comment " + panelist));
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
}
