package org.concord.guidance;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import org.concord.Api;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GuidanceImportTest {

  static final String MARKDOWN =
      """
      # Practice guidance

      ## Before the work starts

      This part is about readiness.
      It continues here.

      A second paragraph.

      - The worker listens first.
      - The person chooses
        what to try.
      * Both agree on a plan.

      ## Working together

      1. Meet somewhere the person likes.
      2. Review progress every month.
      """;

  private ValidatableResponse importAs(long study, String mediaType, byte[] body) {
    return asCoordinator()
        .contentType(mediaType)
        .body(body)
        .post("/api/studies/" + study + "/guidance")
        .then();
  }

  private ValidatableResponse importAs(long study, String mediaType, String body) {
    return importAs(study, mediaType, body.getBytes(StandardCharsets.UTF_8));
  }

  private void assertNothingStored(long study) {
    asCoordinator().get("/api/studies/" + study + "/statements").then().body("total", equalTo(0));
    asCoordinator().get("/api/studies/" + study + "/sections").then().body("total", equalTo(0));
  }

  @Test
  void markdownHeadingsBecomeSectionsParagraphsIntroductionsAndListItemsStatements() {
    long study = Api.createStudy("Markdown import");
    importAs(study, "text/markdown", MARKDOWN)
        .statusCode(200)
        .body("sectionsCreated", equalTo(2))
        .body("statementsCreated", equalTo(5));
    asCoordinator()
        .get("/api/studies/" + study + "/sections")
        .then()
        .body(
            "items.title", equalTo(java.util.List.of("Before the work starts", "Working together")))
        .body(
            "items[0].introduction",
            equalTo("This part is about readiness. It continues here.\n\nA second paragraph."))
        .body("items[0].statementCount", equalTo(3))
        .body("items[1].introduction", nullValue());
    asCoordinator()
        .get("/api/studies/" + study + "/statements")
        .then()
        .body("total", equalTo(5))
        .body("items[1].text", equalTo("The person chooses what to try."))
        .body("items[3].text", equalTo("Meet somewhere the person likes."))
        .body("items[3].position", equalTo(1))
        .body("items.version", everyItemIs(1));
  }

  private static org.hamcrest.Matcher<Iterable<? extends Integer>> everyItemIs(int value) {
    return org.hamcrest.Matchers.everyItem(equalTo(value));
  }

  @Test
  void csvWithAHeaderInAnyOrderKeepsIdsAndGroupsBySection() {
    long study = Api.createStudy("CSV import");
    String csv =
        "id,statement,section,introduction\n"
            + "A1,\"Agree goals, together\",Goals,About goals\n"
            + "B1,Map the network,Networks,\n"
            + "A2,Review goals,Goals,\n";
    importAs(study, "text/csv", csv).statusCode(200).body("sectionsCreated", equalTo(2));
    asCoordinator()
        .get("/api/studies/" + study + "/statements")
        .then()
        .body("items.externalId", equalTo(java.util.List.of("A1", "A2", "B1")))
        .body("items[0].text", equalTo("Agree goals, together"));
    asCoordinator()
        .get("/api/studies/" + study + "/sections")
        .then()
        .body("items[0].introduction", equalTo("About goals"));
  }

  @Test
  void csvWithoutAHeaderReadsSectionStatementId() {
    long study = Api.createStudy("CSV no header");
    importAs(study, "text/csv", "Goals,Agree goals,G1\r\nGoals,Review goals\r\n")
        .statusCode(200)
        .body("statementsCreated", equalTo(2));
  }

  @Test
  void jsonWithTextsOrObjects() {
    long study = Api.createStudy("JSON import");
    String json =
        """
        {"title": "Guidance", "sections": [
          {"title": "Goals", "introduction": "Why goals", "statements": [
            "Agree goals together",
            {"text": "Review goals", "externalId": "G2"}
          ]}
        ]}
        """;
    importAs(study, "application/json", json).statusCode(200).body("statementsCreated", equalTo(2));
    asCoordinator()
        .get("/api/studies/" + study + "/statements")
        .then()
        .body("items[1].externalId", equalTo("G2"));
  }

  @Test
  void anImportExtendsASectionOfTheSameTitleAndRefusesItsDuplicates() {
    long study = Api.createStudy("Extend");
    importAs(study, "text/markdown", "## Goals\n- Agree goals\n").statusCode(200);
    importAs(study, "text/markdown", "## goals\n- Review goals\n")
        .statusCode(200)
        .body("sectionsCreated", equalTo(0))
        .body("sectionsExtended", equalTo(1));
    asCoordinator()
        .get("/api/studies/" + study + "/statements")
        .then()
        .body("items.position", equalTo(java.util.List.of(1, 2)));
    importAs(study, "text/markdown", "## Goals\n- Agree goals.\n")
        .statusCode(422)
        .body("errors[0].line", equalTo(2))
        .body("errors[0].message", containsString("already in the study"));
    asCoordinator().get("/api/studies/" + study + "/statements").then().body("total", equalTo(2));
  }

  @Test
  void aFileWithNoStatementsIsRefused() {
    long study = Api.createStudy("Empty guidance");
    importAs(study, "text/markdown", "# Only a title\n")
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", endsWith("/import-refused"))
        .body("errors[0].line", equalTo(1))
        .body("errors[0].message", containsString("no statements"));
    importAs(study, "text/csv", "").statusCode(422);
    importAs(study, "application/json", "{\"sections\": []}").statusCode(422);
    importAs(study, "text/markdown", new byte[0]).statusCode(422);
    assertNothingStored(study);
  }

  @Test
  void everyErrorOfTheFileIsReportedWithItsLineAndNothingIsStored() {
    long study = Api.createStudy("Faulty markdown");
    String faulty =
        "## Goals\n"
            + "- Agree goals\n"
            + "- \n"
            + "- agree   GOALS\n"
            + "- "
            + "x".repeat(1001)
            + "\n"
            + "## Empty section\n"
            + "### Too deep\n";
    importAs(study, "text/markdown", faulty)
        .statusCode(422)
        .body("detail", containsString("nothing was stored"))
        .body("errors", hasSize(5))
        .body("errors[0].line", equalTo(3))
        .body("errors[0].column", equalTo(3))
        .body("errors.message", hasItem(containsString("The statement is empty")))
        .body("errors.message", hasItem(containsString("same statement appears on line 2")))
        .body("errors.message", hasItem(containsString("1001 characters")))
        .body("errors.message", hasItem(containsString("\"Empty section\" has no statements")))
        .body("errors.message", hasItem(containsString("Only ## headings")));
    assertNothingStored(study);
  }

  @Test
  void aStatementBeforeAnyHeadingIsRefused() {
    long study = Api.createStudy("No heading");
    importAs(study, "text/markdown", "- Lonely statement\n## Goals\n- Agree\n")
        .statusCode(422)
        .body("errors[0].line", equalTo(1))
        .body("errors[0].message", containsString("before the first section"));
    assertNothingStored(study);
  }

  @Test
  void csvErrorsNameTheirLines() {
    long study = Api.createStudy("Faulty CSV");
    String csv =
        "section,statement,id\n"
            + "Goals,Agree goals,G1\n"
            + ",Orphan,G2\n"
            + "Goals,\"Two\nlines\",G1\n"
            + "Goals,,G4\n"
            + "Goals\n";
    importAs(study, "text/csv", csv)
        .statusCode(422)
        .body("errors.line", equalTo(java.util.List.of(3, 4, 6, 7)))
        .body("errors[0].message", containsString("section is empty"))
        .body("errors[1].message", containsString("\"G1\" is used on line 2"))
        .body("errors[2].message", containsString("statement is empty"))
        .body("errors[3].message", containsString("this row has 1 column"));
    assertNothingStored(study);
  }

  @Test
  void anUnclosedQuoteInCsvIsRefused() {
    long study = Api.createStudy("Unclosed quote");
    importAs(study, "text/csv", "Goals,Agree\nGoals,\"never closed\n")
        .statusCode(422)
        .body("errors[0].message", containsString("unclosed quote"));
    assertNothingStored(study);
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    long study = Api.createStudy("Bad JSON");
    importAs(study, "application/json", "{\"sections\": [\n  {\"title\": \"Goals\",, }\n]}")
        .statusCode(422)
        .body("errors[0].line", equalTo(2))
        .body("errors[0].column", equalTo(21));
    importAs(
            study,
            "application/json",
            "{\"sections\": [{\"title\": \"Goals\", \"statements\": [3, {\"txt\": \"x\"}]}]}")
        .statusCode(422)
        .body("errors.message", hasItem(containsString("must be a text or an object")))
        .body("errors.message", hasItem(containsString("Unknown field \"txt\"")));
    assertNothingStored(study);
  }

  @Test
  void aFileNotInUtf8IsRefusedWithItsLine() {
    long study = Api.createStudy("Latin-1");
    byte[] latin1 = "## Goals\n- Caf\u00e9 meetings\n".getBytes(StandardCharsets.ISO_8859_1);
    importAs(study, "text/markdown", latin1)
        .statusCode(422)
        .body("errors[0].line", equalTo(2))
        .body("errors[0].message", containsString("not UTF-8"));
    assertNothingStored(study);
  }

  @Test
  void anUnsupportedFormatIsA415() {
    long study = Api.createStudy("Format");
    asCoordinator()
        .contentType("application/pdf")
        .body(new byte[] {1, 2, 3})
        .post("/api/studies/" + study + "/guidance")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
  }

  @Test
  void anImportToAnUnknownStudyIsA404() {
    importAs(999_999, "text/markdown", "## A\n- B\n").statusCode(404);
  }
}
