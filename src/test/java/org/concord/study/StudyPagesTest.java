package org.concord.study;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.concord.Api;
import org.concord.web.ConsoleSession;
import org.junit.jupiter.api.Test;

/** Creating a study in the console, its checklist, and the details panelists see. */
@QuarkusTest
class StudyPagesTest {

  private static long create(ConsoleSession browser, String title) {
    Response created =
        browser.post("/console/studies", Map.of("title", title, "description", "A test study"));
    created.then().statusCode(303);
    String location = created.header("Location");
    return Long.parseLong(location.replaceAll(".*/studies/(\\d+).*", "$1"));
  }

  @Test
  void aNewStudyOpensOnItsChecklistWithWhatIsMissing() {
    ConsoleSession browser = ConsoleSession.coordinator();
    long id = create(browser, "Checklist study");
    browser
        .get("/console/studies/" + id + "?created=true")
        .then()
        .statusCode(200)
        .body(containsString("The study is created"))
        .body(containsString("aria-current=\"page\">Overview"))
        .body(containsString("Study details"))
        .body(containsString("(to do)"));
    browser.get("/console").then().body(containsString("Checklist study"));
  }

  @Test
  void aStudyNeedsATitleAndTheFormSaysSoBesideTheField() {
    ConsoleSession browser = ConsoleSession.coordinator();
    browser
        .post("/console/studies", Map.of("title", "  "))
        .then()
        .statusCode(400)
        .body(containsString("Give the study a title."))
        .body(containsString("href=\"#title\""))
        .body(containsString("aria-invalid=\"true\""));
  }

  @Test
  void detailsAreSavedAndAWrongEmailIsRefusedWithoutChangingAnything() {
    ConsoleSession browser = ConsoleSession.coordinator();
    long id = create(browser, "Details study");
    Map<String, String> details =
        Map.of(
            "title", "Details study",
            "organisation", "University of Example",
            "contactName", "Dr Ann Example",
            "contactEmail", "not an email",
            "informationSheet", "# About\n\nYou may stop at any time.");
    browser
        .post("/console/studies/" + id + "/details", details)
        .then()
        .statusCode(400)
        .body(containsString("href=\"#contactEmail\""))
        // the form keeps what was typed
        .body(containsString("Dr Ann Example"));
    browser
        .get("/console/studies/" + id + "/details")
        .then()
        .body(not(containsString("Dr Ann Example")));

    Map<String, String> valid = new java.util.HashMap<>(details);
    valid.put("contactEmail", "ann@example.org");
    browser
        .post("/console/studies/" + id + "/details", valid)
        .then()
        .statusCode(303)
        .header("Location", containsString("saved=true"));
    browser
        .get("/console/studies/" + id)
        .then()
        .body(containsString("Run by University of Example"))
        .body(containsString("ann@example.org"));
    Api.asCoordinator()
        .get("/api/studies/" + id + "/audit")
        .then()
        .statusCode(200)
        .body(containsString("details-changed"));
  }

  @Test
  void anAnalystReadsTheDetailsButHasNoSaveButton() {
    long id = create(ConsoleSession.coordinator(), "Analyst view study");
    ConsoleSession analyst = ConsoleSession.analyst();
    analyst
        .get("/console/studies/" + id + "/details")
        .then()
        .statusCode(200)
        .body(not(containsString("Save details")));
    analyst
        .post("/console/studies/" + id + "/details", Map.of("title", "Renamed"))
        .then()
        .statusCode(403);
  }

  @Test
  void anUnknownStudyIsTheErrorPageNotAProblem() {
    ConsoleSession.coordinator()
        .get("/console/studies/999999")
        .then()
        .statusCode(404)
        .contentType(containsString("text/html"))
        .body(containsString("<h1"));
  }
}
