package org.concord.guidance;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concord.Api;
import org.concord.TestStudies;
import org.concord.web.ConsoleSession;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The console's guidance: the list as a reader sees it, an import previewed (or refused by line)
 * before anything is stored, edits of sections and statements, moves, and the analyst's view.
 */
@QuarkusTest
class GuidancePagesTest {

  @Inject SessionFactory sessions;

  private static final String MARKDOWN =
      "# Practice guidance\n\n"
          + "## Getting ready\n\n"
          + "What comes before the work.\n\n"
          + "- The worker listens first.\n"
          + "- The person chooses the pace.\n\n"
          + "## Working together\n\n"
          + "- Decisions are made together.\n";

  private static List<String> texts(long study) {
    return asCoordinator()
        .queryParam("size", 500)
        .get("/api/studies/" + study + "/statements")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.text", String.class);
  }

  private static List<String> titles(long study) {
    return asCoordinator()
        .get("/api/studies/" + study + "/sections")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.title", String.class);
  }

  private static long idOf(long study, String text) {
    return asCoordinator()
        .queryParam("size", 500)
        .get("/api/studies/" + study + "/statements")
        .then()
        .extract()
        .jsonPath()
        .getLong("items.find { it.text == '" + text + "' }.id");
  }

  private static long sectionId(long study, String title) {
    return asCoordinator()
        .get("/api/studies/" + study + "/sections")
        .then()
        .extract()
        .jsonPath()
        .getLong("items.find { it.title == '" + title + "' }.id");
  }

  /** The confirm form's hidden fields, as a browser would send them back. */
  private static Map<String, String> confirmFields(Response preview) {
    String html = preview.asString();
    return Map.of("format", hidden(html, "format"), "content", hidden(html, "content"));
  }

  private static String hidden(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
    if (!m.find()) {
      throw new AssertionError("no hidden field " + name);
    }
    return m.group(1);
  }

  private static Response upload(
      ConsoleSession browser, long study, String name, String content, Map<String, String> f) {
    return browser.upload(
        "/console/studies/" + study + "/guidance/preview",
        "file",
        name,
        content.getBytes(StandardCharsets.UTF_8),
        f);
  }

  @Test
  void theListShowsSectionsAndStatementsInOrderWithTheirVersions() {
    long study =
        TestStudies.study("Guidance list").sections(2, 3).statementsNamed("Item ").create().study();
    ConsoleSession browser = ConsoleSession.coordinator();
    String html =
        browser
            .get("/console/studies/" + study + "/guidance")
            .then()
            .statusCode(200)
            .body(containsString("aria-current=\"page\">Guidance"))
            .body(containsString("2 sections"))
            .body(containsString("5 statements"))
            .body(containsString("About section 2"))
            .body(containsString("1 version"))
            .extract()
            .asString();
    int s1 = html.indexOf("1. Section 1");
    int s2 = html.indexOf("2. Section 2");
    assertThat(s1, lessThan(s2));
    assertThat(html.indexOf("Item 1"), lessThan(html.indexOf("Item 2")));
    assertThat(html.indexOf("Item 2"), lessThan(s2));
    assertThat(s2, lessThan(html.indexOf("Item 3")));
    assertThat(html.indexOf("Item 4"), lessThan(html.indexOf("Item 5")));
    long item1 = idOf(study, "Item 1");
    assertThat(html, containsString("/console/statements/" + item1 + "#history"));
  }

  @Test
  void hundredsOfStatementsCostAFewQueriesNotOneEach() {
    long study =
        TestStudies.study("Long guidance")
            .sections(100, 100, 100)
            .statementsNamed("Long ")
            .create()
            .study();
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("text", "Long 7, reworded"))
        .patch("/api/statements/" + idOf(study, "Long 7"))
        .then()
        .statusCode(200);
    ConsoleSession browser = ConsoleSession.coordinator();
    Statistics statistics = sessions.getStatistics();
    statistics.setStatisticsEnabled(true);
    try {
      statistics.clear();
      browser
          .get("/console/studies/" + study + "/guidance")
          .then()
          .statusCode(200)
          .body(containsString("300 statements"))
          .body(containsString("Long 7, reworded"))
          .body(containsString("2 versions"))
          .body(containsString("Long 300"));
      assertThat(statistics.getPrepareStatementCount(), lessThan(12L));
    } finally {
      statistics.setStatisticsEnabled(false);
    }
  }

  @Test
  void theChecklistCountsTheGuidance() {
    ConsoleSession browser = ConsoleSession.coordinator();
    long empty = Api.createStudy("No guidance yet");
    browser
        .get("/console/studies/" + empty)
        .then()
        .body(containsString("Import the guidance to be rated: sections of statements."));
    long study = TestStudies.study("Counted").sections(2, 1).create().study();
    browser
        .get("/console/studies/" + study)
        .then()
        .body(containsString("2 sections, 3 statements."));
  }

  @Test
  void anUploadWithErrorsListsThemByLineAndStoresNothing() {
    long study = Api.createStudy("Broken guidance");
    ConsoleSession browser = ConsoleSession.coordinator();
    browser.get("/console/studies/" + study + "/guidance/import").then().statusCode(200);
    String broken =
        "- A statement before any section\n"
            + "## Section\n\n"
            + "- Fine statement\n"
            + "- Fine statement\n"
            + "### Too deep\n";
    upload(browser, study, "guidance.md", broken, Map.of())
        .then()
        .statusCode(400)
        .body(containsString("has 3 errors"))
        .body(containsString("Nothing was stored"))
        .body(containsString("href=\"#file\""))
        .body(containsString("<td class=\"number\">1</td>"))
        .body(containsString("This statement comes before the first section"))
        .body(containsString("<td class=\"number\">5</td>"))
        .body(containsString("The same statement appears on line 4"))
        .body(containsString("Only ## headings make sections"));
    assertThat(texts(study), equalTo(List.of()));
    assertThat(titles(study), equalTo(List.of()));
  }

  @Test
  void aValidUploadIsPreviewedAndStoredOnlyWhenConfirmed() {
    long study = Api.createStudy("Imported guidance");
    ConsoleSession browser = ConsoleSession.coordinator();
    Response preview = upload(browser, study, "guidance.md", MARKDOWN, Map.of());
    preview
        .then()
        .statusCode(200)
        .body(containsString("Nothing is stored yet"))
        .body(containsString("Import 2 sections and 3 statements"))
        .body(containsString("The person chooses the pace."))
        .body(containsString("line 8"));
    assertThat(texts(study), equalTo(List.of()));

    Response imported =
        browser.post("/console/studies/" + study + "/guidance/import", confirmFields(preview));
    imported.then().statusCode(303);
    assertThat(imported.header("Location"), endsWith("/guidance?imported=3&created=2&extended=0"));
    assertThat(
        texts(study),
        equalTo(
            List.of(
                "The worker listens first.",
                "The person chooses the pace.",
                "Decisions are made together.")));
    browser
        .get(imported.header("Location"))
        .then()
        .body(containsString("Imported 3 statements in 2 new sections."));

    // The same file again would duplicate every statement: refused by line, nothing added.
    upload(browser, study, "again.md", MARKDOWN, Map.of())
        .then()
        .statusCode(400)
        .body(containsString("already in the study&#39;s section of the same title"));
    assertThat(texts(study).size(), equalTo(3));
  }

  @Test
  void aConfirmedImportThatNoLongerFitsIsRefusedWhole() {
    long study = Api.createStudy("Raced import");
    ConsoleSession browser = ConsoleSession.coordinator();
    Response preview = upload(browser, study, "guidance.md", MARKDOWN, Map.of());
    Map<String, String> confirm = confirmFields(preview);
    browser.post("/console/studies/" + study + "/guidance/import", confirm).then().statusCode(303);
    browser
        .post("/console/studies/" + study + "/guidance/import", confirm)
        .then()
        .statusCode(400)
        .body(containsString("Nothing was stored"));
    assertThat(texts(study).size(), equalTo(3));
    browser
        .post(
            "/console/studies/" + study + "/guidance/import",
            Map.of("format", "MARKDOWN", "content", "not base64!"))
        .then()
        .statusCode(400)
        .body(containsString("Upload the file again"));
  }

  @Test
  void anUploadWithoutTheFormTokenIsRefused() {
    long study = Api.createStudy("Forged upload");
    ConsoleSession browser = ConsoleSession.coordinator();
    browser
        .request()
        .multiPart("file", "guidance.md", MARKDOWN.getBytes(StandardCharsets.UTF_8))
        .multiPart("_csrf", "x".repeat(43))
        .post("/console/studies/" + study + "/guidance/preview")
        .then()
        .statusCode(403)
        .body(containsString("This form has expired"));
  }

  @Test
  void csvJsonAndPastedTextArePreviewedToo() {
    long study = Api.createStudy("Other formats");
    ConsoleSession browser = ConsoleSession.coordinator();
    String csv = "section,statement,id\nFirst,One from CSV,C1\nFirst,Two from CSV,C2\n";
    upload(browser, study, "guidance.csv", csv, Map.of())
        .then()
        .statusCode(200)
        .body(containsString("Import 1 section and 2 statements"))
        .body(containsString("Id C2"));
    String json =
        "{\"sections\": [{\"title\": \"From JSON\", \"statements\": [\"A\", \"B\", \"C\"]}]}";
    upload(browser, study, "guidance.json", json, Map.of())
        .then()
        .statusCode(200)
        .body(containsString("Import 1 section and 3 statements"));
    // a name that says nothing: the format is chosen in the form
    upload(browser, study, "export.data", json, Map.of())
        .then()
        .statusCode(400)
        .body(containsString("href=\"#format\""));
    upload(browser, study, "export.data", json, Map.of("format", "JSON"))
        .then()
        .statusCode(200)
        .body(containsString("Import 1 section and 3 statements"));
    // a JSON error names its line and column
    upload(browser, study, "bad.json", "{\"sections\": [\n{\"title\": 5}]}", Map.of())
        .then()
        .statusCode(400)
        .body(containsString("<td class=\"number\">2</td>"));
    // pasted Markdown, no file
    browser
        .upload(
            "/console/studies/" + study + "/guidance/preview",
            "file",
            "",
            new byte[0],
            Map.of("text", "## Pasted\n\n- Pasted statement\n"))
        .then()
        .statusCode(200)
        .body(containsString("The pasted text reads without errors"))
        .body(containsString("Import 1 section and 1 statement"));
    assertThat(texts(study), equalTo(List.of()));
  }

  @Test
  void anUploadOverTheBodyLimitIsRefusedBeforeItIsRead() {
    long study = Api.createStudy("Huge guidance");
    ConsoleSession browser = ConsoleSession.coordinator();
    String huge = "## S\n" + "- x\n".repeat(1_400_000);
    try {
      int status = upload(browser, study, "huge.md", huge, Map.of()).statusCode();
      assertThat(status, equalTo(413));
    } catch (Exception e) {
      // The server answers 413 from the headers and closes the connection; a client still sending
      // the body may see the connection closed instead of the answer. Either way it was refused.
      Throwable closed = e instanceof java.io.IOException ? e : e.getCause();
      assertThat(e.toString(), closed instanceof java.io.IOException, equalTo(true));
    }
    assertThat(texts(study), equalTo(List.of()));
  }

  @Test
  void sectionsAreAddedAndEditedAndAnEmptyTitleIsRefusedBesideTheField() {
    long study = Api.createStudy("Edited sections");
    ConsoleSession browser = ConsoleSession.coordinator();
    browser
        .post("/console/studies/" + study + "/sections", Map.of("title", " ", "introduction", "x"))
        .then()
        .statusCode(400)
        .body(containsString("Give the section a title."))
        .body(containsString("href=\"#title\""))
        .body(containsString("aria-invalid=\"true\""));
    assertThat(titles(study), equalTo(List.of()));

    Response added =
        browser.post(
            "/console/studies/" + study + "/sections",
            Map.of("title", "Barriers", "introduction", "What gets in the way."));
    added.then().statusCode(303);
    long section = sectionId(study, "Barriers");
    assertThat(added.header("Location"), endsWith("#section-" + section));

    browser
        .get("/console/sections/" + section)
        .then()
        .statusCode(200)
        .body(containsString("What gets in the way."))
        .body(containsString("Save section"));
    browser
        .post(
            "/console/sections/" + section,
            Map.of("title", "", "introduction", "Typed but refused"))
        .then()
        .statusCode(400)
        .body(containsString("Give the section a title."))
        .body(containsString("Typed but refused"));
    browser
        .post(
            "/console/sections/" + section,
            Map.of("title", "Barriers to connecting", "introduction", ""))
        .then()
        .statusCode(303);
    asCoordinator()
        .get("/api/sections/" + section)
        .then()
        .body("title", equalTo("Barriers to connecting"))
        .body("introduction", equalTo(""));
  }

  @Test
  void statementsAreAddedRewordedAndRemoved() {
    long study = TestStudies.study("Edited statements").sections(1).create().study();
    long section = sectionId(study, "Section 1");
    ConsoleSession browser = ConsoleSession.coordinator();

    browser
        .post("/console/sections/" + section + "/statements", Map.of("text", "  "))
        .then()
        .statusCode(400)
        .body(containsString("Write the statement."))
        .body(containsString("href=\"#text\""));
    browser
        .post("/console/sections/" + section + "/statements", Map.of("text", "statement number 1."))
        .then()
        .statusCode(400)
        .body(containsString("This section has this statement already."));
    browser
        .post(
            "/console/sections/" + section + "/statements",
            Map.of("text", "A new statement", "externalId", "N1"))
        .then()
        .statusCode(303);
    assertThat(texts(study), equalTo(List.of("Statement number 1", "A new statement")));

    long statement = idOf(study, "A new statement");
    browser
        .get("/console/statements/" + statement)
        .then()
        .statusCode(200)
        .body(containsString("Statement N1"))
        .body(containsString("Save the new wording"));
    browser
        .post("/console/statements/" + statement, Map.of("text", ""))
        .then()
        .statusCode(400)
        .body(containsString("Write the statement."))
        .body(containsString("aria-invalid=\"true\""));
    browser
        .post("/console/statements/" + statement, Map.of("text", "A new statement"))
        .then()
        .statusCode(400)
        .body(containsString("The new wording is the same as the current one."));
    browser
        .post(
            "/console/statements/" + statement,
            Map.of("text", "A clearer statement", "reason", "Clearer for carers"))
        .then()
        .statusCode(303);
    browser
        .get("/console/statements/" + statement + "?done=reworded")
        .then()
        .body(containsString("saved as version 2"))
        .body(containsString("Clearer for carers"))
        .body(containsString("A new statement"));
    browser
        .get("/console/studies/" + study + "/guidance")
        .then()
        .body(containsString("A clearer statement"))
        .body(containsString("2 versions"));

    browser.post("/console/statements/" + statement + "/remove", Map.of()).then().statusCode(303);
    assertThat(texts(study), equalTo(List.of("Statement number 1")));
    browser
        .get("/console/studies/" + study + "/guidance")
        .then()
        .body(containsString("1 statement"))
        .body(containsString("Removed"));
  }

  @Test
  void movingUpAndDownChangesTheOrderTheApiGives() {
    long study =
        TestStudies.study("Moved").sections(3, 1).statementsNamed("Item ").create().study();
    ConsoleSession browser = ConsoleSession.coordinator();
    long item3 = idOf(study, "Item 3");
    Response moved =
        browser.post("/console/statements/" + item3 + "/move", Map.of("direction", "up"));
    moved.then().statusCode(303);
    assertThat(moved.header("Location"), endsWith("#statement-" + item3));
    assertThat(texts(study), equalTo(List.of("Item 1", "Item 3", "Item 2", "Item 4")));
    browser.get(moved.header("Location")).then().body(containsString("Moved the statement up in"));

    browser
        .post("/console/statements/" + idOf(study, "Item 1") + "/move", Map.of("direction", "down"))
        .then()
        .statusCode(303);
    assertThat(texts(study), equalTo(List.of("Item 3", "Item 1", "Item 2", "Item 4")));

    long second = sectionId(study, "Section 2");
    Response up = browser.post("/console/sections/" + second + "/move", Map.of("direction", "up"));
    up.then().statusCode(303);
    assertThat(up.header("Location"), endsWith("#section-" + second));
    assertThat(titles(study), equalTo(List.of("Section 2", "Section 1")));
    assertThat(texts(study), equalTo(List.of("Item 4", "Item 3", "Item 1", "Item 2")));

    // the first section has no way up: refused, nothing changes
    browser
        .post("/console/sections/" + second + "/move", Map.of("direction", "up"))
        .then()
        .statusCode(409);
    browser
        .post("/console/sections/" + second + "/move", Map.of("direction", "sideways"))
        .then()
        .statusCode(400);
    assertThat(titles(study), equalTo(List.of("Section 2", "Section 1")));
  }

  @Test
  void theApiMovesTooAndSaysWhyItRefuses() {
    long study =
        TestStudies.study("Moved by API").sections(2, 1).statementsNamed("Item ").create().study();
    long item2 = idOf(study, "Item 2");
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("direction", "UP"))
        .post("/api/statements/" + item2 + "/move")
        .then()
        .statusCode(200)
        .body("text", equalTo("Item 2"));
    assertThat(texts(study), equalTo(List.of("Item 2", "Item 1", "Item 3")));
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("direction", "UP"))
        .post("/api/statements/" + item2 + "/move")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("direction", "LEFT"))
        .post("/api/statements/" + item2 + "/move")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    asCoordinator()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/sections/" + sectionId(study, "Section 1") + "/move")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("direction", "DOWN"))
        .post("/api/sections/" + sectionId(study, "Section 1") + "/move")
        .then()
        .statusCode(200);
    assertThat(titles(study), equalTo(List.of("Section 2", "Section 1")));
  }

  @Test
  void afterRound1OpensTheGuidanceIsFixedAndSaysWhereChangesGo() {
    TestStudies.Ids ids = TestStudies.study("Running").sections(2).panelists(2).openRound();
    ConsoleSession browser = ConsoleSession.coordinator();
    browser
        .get("/console/studies/" + ids.study() + "/guidance")
        .then()
        .statusCode(200)
        .body(containsString("Round 1 has opened"))
        .body(not(containsString("Move down")))
        .body(not(containsString("Add section")))
        .body(not(containsString("Import guidance from a file")));
    long statement = idOf(ids.study(), "Statement number 1");
    browser
        .get("/console/statements/" + statement)
        .then()
        .body(not(containsString("Save the new wording")));
    browser
        .post("/console/statements/" + statement + "/move", Map.of("direction", "down"))
        .then()
        .statusCode(409);
    upload(browser, ids.study(), "more.md", "## More\n\n- Another\n", Map.of())
        .then()
        .statusCode(409);
    assertThat(texts(ids.study()).size(), equalTo(2));
  }

  @Test
  void theAnalystSeesNoChangeControlsAndIsRefusedEveryChange() {
    long study = TestStudies.study("Read only").sections(2, 1).create().study();
    long section = sectionId(study, "Section 1");
    long statement = idOf(study, "Statement number 1");
    ConsoleSession analyst = ConsoleSession.analyst();
    analyst
        .get("/console/studies/" + study + "/guidance")
        .then()
        .statusCode(200)
        .body(containsString("Statement number 2"))
        .body(not(containsString("Move down")))
        .body(not(containsString("Add section")))
        .body(not(containsString("Import guidance from a file")))
        .body(not(containsString("/console/statements/" + statement + "\"")));
    analyst
        .get("/console/statements/" + statement)
        .then()
        .statusCode(200)
        .body(not(containsString("<form method=\"post\" action=\"/console/statements")));
    analyst
        .get("/console/sections/" + section)
        .then()
        .statusCode(200)
        .body(not(containsString("Save section")));
    analyst
        .get("/console/studies/" + study + "/guidance/import")
        .then()
        .statusCode(200)
        .body(not(containsString("Check the file")));

    Map<String, String> form = Map.of("title", "X", "text", "Y", "direction", "down");
    for (String path :
        List.of(
            "/console/studies/" + study + "/sections",
            "/console/sections/" + section,
            "/console/sections/" + section + "/statements",
            "/console/sections/" + section + "/move",
            "/console/statements/" + statement,
            "/console/statements/" + statement + "/remove",
            "/console/statements/" + statement + "/move",
            "/console/studies/" + study + "/guidance/import")) {
      analyst.post(path, form).then().statusCode(403);
    }
    upload(analyst, study, "guidance.md", MARKDOWN, Map.of()).then().statusCode(403);
    assertThat(
        texts(study),
        equalTo(List.of("Statement number 1", "Statement number 2", "Statement number 3")));
    assertThat(titles(study), equalTo(List.of("Section 1", "Section 2")));
  }
}
