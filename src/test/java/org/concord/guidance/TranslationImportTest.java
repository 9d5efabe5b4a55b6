package org.concord.guidance;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.concord.TestStudies;
import org.concord.web.ConsoleSession;
import org.junit.jupiter.api.Test;

/**
 * Translations come with the guidance (CSV columns such as {@code statement_cy}, JSON {@code
 * "translations"}), as a translated guidance file matched to the study's, or one by one; a reworded
 * statement's translation is then of an older wording.
 */
@QuarkusTest
class TranslationImportTest {

  private static long study(String title) {
    return TestStudies.study(title).sections(1).create().study();
  }

  private static long emptyStudy(String title) {
    return asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("title", title, "protocol", TestStudies.SMALL_PANEL))
        .post("/api/studies")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  private static JsonPath translations(long study) {
    return asCoordinator()
        .get("/api/studies/" + study + "/translations")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static List<Long> statementIds(long study) {
    return asCoordinator()
        .get("/api/studies/" + study + "/statements?size=100")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.id", Long.class);
  }

  @Test
  void csvTranslationColumnsAreStoredWithTheirSectionsAndStatements() {
    long study = emptyStudy("CSV translated");
    asCoordinator()
        .contentType("text/csv; charset=UTF-8")
        .body(
            "Section,Statement,ID,Introduction,Section_CY,Statement_CY,Introduction_CY\n"
                + "Meeting people,Workers ask what matters.,A1,About meeting,Cwrdd â phobl,"
                + "Mae gweithwyr yn gofyn beth sy'n bwysig.,Am gwrdd\n"
                + "Meeting people,Workers keep in touch.,A2,,,,\n")
        .post("/api/studies/" + study + "/guidance")
        .then()
        .statusCode(200)
        .body("statementsCreated", equalTo(2));
    JsonPath t = translations(study);
    assertThat(t.getList("$"), hasSize(3));
    assertThat(
        t.getList("findAll { it.kind == 'SECTION_TITLE' }.text"),
        equalTo(List.of("Cwrdd â phobl")));
    assertThat(
        t.getList("findAll { it.kind == 'SECTION_INTRODUCTION' }.text"),
        equalTo(List.of("Am gwrdd")));
    assertThat(
        t.getList("findAll { it.kind == 'STATEMENT' }.text"),
        equalTo(List.of("Mae gweithwyr yn gofyn beth sy'n bwysig.")));
    assertThat(t.getList("findAll { it.kind == 'STATEMENT' }.sourceVersion"), equalTo(List.of(1)));
    assertThat(
        t.getLong("find { it.kind == 'STATEMENT' }.target"), equalTo(statementIds(study).get(0)));
    assertThat(t.getList("language"), equalTo(List.of("cy", "cy", "cy")));
  }

  @Test
  void aColumnOfALanguageConcordDoesNotSpeakIsRefusedAtItsHeaderCell() {
    long study = emptyStudy("CSV bad language");
    asCoordinator()
        .contentType("text/csv; charset=UTF-8")
        .body("section,statement,statement_xx\nMeeting people,Workers ask.,Xxx\n")
        .post("/api/studies/" + study + "/guidance")
        .then()
        .statusCode(422)
        .body("errors.line", hasItem(1))
        .body("errors.column", hasItem(3))
        .body(containsString("which Concord does not speak"));
    assertThat(statementIds(study), hasSize(0));
    // a translation into the study's own language is refused too
    asCoordinator()
        .contentType("text/csv; charset=UTF-8")
        .body("section,statement,statement_en\nMeeting people,Workers ask.,Workers ask!\n")
        .post("/api/studies/" + study + "/guidance")
        .then()
        .statusCode(422)
        .body("errors.line", hasItem(2))
        .body(containsString("a translation must be into another language"));
  }

  @Test
  void jsonTranslationsOfSectionsAndStatementsAreStored() {
    long study = emptyStudy("JSON translated");
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(
            """
            {"sections": [{"title": "Meeting people", "introduction": "About meeting",
              "translations": {"cy": {"title": "Cwrdd â phobl", "introduction": "Am gwrdd"}},
              "statements": [
                {"text": "Workers ask what matters.", "id": "A1",
                 "translations": {"cy": "Mae gweithwyr yn gofyn beth sy'n bwysig."}},
                "Workers keep in touch."]}]}
            """)
        .post("/api/studies/" + study + "/guidance")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200);
    JsonPath t = translations(study);
    assertThat(t.getList("$"), hasSize(3));
    assertThat(
        t.getString("find { it.kind == 'STATEMENT' }.text"),
        equalTo("Mae gweithwyr yn gofyn beth sy'n bwysig."));
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(
            """
            {"sections": [{"title": "More", "statements": [
              {"text": "A statement.", "translations": {"fr": "Une phrase."}}]}]}
            """)
        .post("/api/studies/" + study + "/guidance")
        .then()
        .statusCode(422)
        .body("errors.line", hasItem(2))
        .body(containsString("\\\"fr\\\" is not a language Concord speaks"));
  }

  @Test
  void aTranslatedMarkdownFileMatchesTheStudysGuidanceByOrderOrIsRefusedWhole() {
    long study = study("Markdown translated");
    asCoordinator()
        .contentType("text/markdown; charset=UTF-8")
        .body("## Adran 1\n\nAm adran 1\n\n- Datganiad 1\n- Datganiad 2\n")
        .post("/api/studies/" + study + "/guidance/translations?language=cy")
        .then()
        .statusCode(422)
        .body(containsString("has 2 statements; the study's section 1"));
    assertThat(translations(study).getList("$"), hasSize(0));
    asCoordinator()
        .contentType("text/markdown; charset=UTF-8")
        .body("## Adran 1\n\nAm adran 1\n\n- Datganiad 1\n")
        .post("/api/studies/" + study + "/guidance/translations?language=cy")
        .then()
        .statusCode(200)
        .body("statementsCreated", equalTo(1));
    JsonPath t = translations(study);
    assertThat(t.getString("find { it.kind == 'STATEMENT' }.text"), equalTo("Datganiad 1"));
    assertThat(t.getString("find { it.kind == 'SECTION_TITLE' }.text"), equalTo("Adran 1"));
    assertThat(
        t.getString("find { it.kind == 'SECTION_INTRODUCTION' }.text"), equalTo("Am adran 1"));
  }

  @Test
  void aRewordedStatementsTranslationIsOfTheOlderWordingUntilUpdated() {
    long study = study("Reworded");
    long statement = statementIds(study).get(0);
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("kind", "STATEMENT", "target", statement, "language", "cy", "text", "Hen"))
        .put("/api/studies/" + study + "/translations")
        .then()
        .statusCode(200)
        .body("sourceVersion", equalTo(1));
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("text", "A clearer wording."))
        .patch("/api/statements/" + statement)
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200);
    ConsoleSession console = ConsoleSession.coordinator();
    console
        .get("/console/statements/" + statement)
        .then()
        .statusCode(200)
        .body(containsString("<td lang=\"cy\">Hen</td>"))
        .body(containsString("Needs an update"));
    // the console's form translates the current wording
    console
        .post(
            "/console/statements/" + statement + "/translations",
            Map.of("language", "cy", "translation", "Geiriad cliriach."))
        .then()
        .statusCode(303);
    assertThat(
        translations(study).getInt("find { it.kind == 'STATEMENT' }.sourceVersion"), equalTo(2));
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("kind", "STATEMENT", "target", statement, "language", "cy", "text", "Newydd"))
        .put("/api/studies/" + study + "/translations")
        .then()
        .statusCode(200)
        .body("text", equalTo("Newydd"))
        .body("sourceVersion", equalTo(2));
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("kind", "STATEMENT", "target", statement, "language", "cy", "text", ""))
        .put("/api/studies/" + study + "/translations")
        .then()
        .statusCode(204);
    assertThat(translations(study).getList("$"), hasSize(0));
  }

  @Test
  void theConsoleTakesTheStudysLanguageAndItsTranslatedTitleAndSheet() {
    long study = study("Console translated");
    ConsoleSession console = ConsoleSession.coordinator();
    console
        .get("/console/studies/" + study + "/translations")
        .then()
        .statusCode(200)
        .body(containsString("Welsh (Cymraeg)"))
        .body(containsString("name=\"cy-STUDY_TITLE\""));
    console
        .post(
            "/console/studies/" + study + "/translations/cy",
            Map.of(
                "cy-STUDY_TITLE", "Astudiaeth wedi'i chyfieithu",
                "cy-INFORMATION_SHEET", "# Taflen wybodaeth"))
        .then()
        .statusCode(303);
    JsonPath t = translations(study);
    assertThat(
        t.getString("find { it.kind == 'STUDY_TITLE' }.text"),
        equalTo("Astudiaeth wedi'i chyfieithu"));
    assertThat(
        t.getString("find { it.kind == 'INFORMATION_SHEET' }.text"), equalTo("# Taflen wybodaeth"));
    console
        .post("/console/studies/" + study + "/language", Map.of("language", "cy"))
        .then()
        .statusCode(303);
    console
        .get("/console/studies/" + study + "/translations")
        .then()
        .body(containsString("<option value=\"cy\" selected>Welsh (Cymraeg)</option>"))
        .body(containsString("name=\"en-STUDY_TITLE\""));
  }
}
