package org.concord.guidance;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.concord.Api;
import org.junit.jupiter.api.Test;

/**
 * Uploads built to make a backtracking parser take minutes: each must be answered at once. The
 * bound is a guard against catastrophic backtracking, not a performance target (5 MB parse in about
 * a second).
 */
@QuarkusTest
class PathologicalImportTest {

  private static final int MEGABYTE = 1_000_000;
  private static final Duration GUARD = Duration.ofSeconds(10);

  private static void importGuidance(String contentType, String body, int status) {
    long study = Api.createStudy("Pathological");
    assertTimeoutPreemptively(
        GUARD,
        () ->
            asCoordinator()
                .contentType(contentType)
                .body(body)
                .post("/api/studies/" + study + "/guidance")
                .then()
                .statusCode(status));
  }

  @Test
  void aHeadingWithALongRunOfSpacesIsReadAtOnce() {
    importGuidance("text/markdown", "## a" + " ".repeat(MEGABYTE) + "b\n- A statement\n", 422);
    importGuidance("text/markdown", "## a" + " ".repeat(MEGABYTE) + "#\n- A statement\n", 200);
  }

  @Test
  void aListItemWithALongRunOfSpacesIsReadAtOnce() {
    importGuidance("text/markdown", "## Section\n- a" + " ".repeat(MEGABYTE) + "\u0085x\n", 422);
  }

  @Test
  void aStatementEndingInALongRunOfStopsAndSpacesIsReadAtOnce() {
    importGuidance("text/markdown", "## Section\n- a" + ". ".repeat(MEGABYTE / 2) + "b\n", 422);
    importGuidance(
        "text/csv", "section,statement\nS,\"a" + " .".repeat(MEGABYTE / 2) + "\"\n", 422);
  }

  @Test
  void oneLongLineIsReadAtOnce() {
    importGuidance("text/markdown", "## Section\n" + "x".repeat(MEGABYTE) + "\n", 422);
    importGuidance("text/csv", "x".repeat(MEGABYTE), 422);
  }

  @Test
  void aPanelWithALongNearMissEmailIsReadAtOnce() {
    long study = Api.createStudy("Pathological panel");
    String email = "a@b" + ".c".repeat(MEGABYTE / 2) + "@";
    assertTimeoutPreemptively(
        GUARD,
        () ->
            asCoordinator()
                .contentType("text/csv")
                .body("name,email,group\nA," + email + ",G\n")
                .post("/api/studies/" + study + "/panel")
                .then()
                .statusCode(422)
                .body("errors.size()", lessThan(2))
                .body("errors[0].line", equalTo(2)));
  }
}
