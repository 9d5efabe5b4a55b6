package org.concord.common;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.concord.Api;
import org.junit.jupiter.api.Test;

/** Every kind of bad request is a 4xx problem that says what to fix, and stores nothing. */
@QuarkusTest
class ErrorHandlingTest {

  private long studies() {
    return asCoordinator().get("/api/studies").jsonPath().getLong("total");
  }

  @Test
  void malformedJsonNamesWhereItBroke() {
    long before = studies();
    asCoordinator()
        .contentType(ContentType.JSON)
        .body("{\"title\": \"Broken\",\n  \"description\": }")
        .post("/api/studies")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", endsWith("/malformed-json"))
        .body("detail", containsString("line 2"))
        .body("detail", not(containsString("at org.")));
    asCoordinator().get("/api/studies").then().body("total", equalTo((int) before));
  }

  @Test
  void aWrongTypeNamesTheFieldAndTheTypeExpected() {
    long id = Api.createStudy("Types");
    asCoordinator()
        .contentType(ContentType.JSON)
        .body("{\"minimumN\": \"ten\"}")
        .patch("/api/studies/" + id + "/protocol")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", endsWith("/wrong-type"))
        .body("errors[0].field", equalTo("minimumN"))
        .body("detail", containsString("whole number"));
    asCoordinator()
        .contentType(ContentType.JSON)
        .body("{\"rule\": {\"type\": \"MAJORITY\"}}")
        .patch("/api/studies/" + id + "/protocol")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("rule.type"))
        .body("detail", containsString("PERCENT_AGREEMENT, COMET, MEDIAN_IQR, RAND_UCLA"));
    asCoordinator().get("/api/studies/" + id + "/protocol").then().body("minimumN", equalTo(5));
  }

  @Test
  void anUnknownFieldIsNamed() {
    long before = studies();
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("title", "Unknown", "colour", "blue"))
        .post("/api/studies")
        .then()
        .statusCode(400)
        .body("type", endsWith("/unknown-field"))
        .body("errors[0].field", equalTo("colour"))
        .body("detail", containsString("title"));
    asCoordinator().get("/api/studies").then().body("total", equalTo((int) before));
  }

  @Test
  void missingRequiredFieldsAreListed() {
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("description", "no title"))
        .post("/api/studies")
        .then()
        .statusCode(400)
        .body("type", endsWith("/invalid-input"))
        .body("errors[0].field", equalTo("title"));
    asCoordinator()
        .contentType(ContentType.JSON)
        .post("/api/studies")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void aBodyTooLargeIsRefusedBeforeItIsRead() {
    long before = studies();
    String huge = "x".repeat(6 * 1024 * 1024);
    asCoordinator()
        .contentType(ContentType.JSON)
        .body("{\"title\": \"" + huge + "\"}")
        .post("/api/studies")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("type", endsWith("/body-too-large"));
    asCoordinator().get("/api/studies").then().body("total", equalTo((int) before));
  }

  @Test
  void aWrongContentTypeIsA415() {
    asCoordinator()
        .contentType(ContentType.XML)
        .body("<study/>")
        .post("/api/studies")
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("type", endsWith("/unsupported-media-type"));
  }

  @Test
  void anUnknownIdIsA404Problem() {
    asCoordinator()
        .get("/api/studies/999999")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", endsWith("/not-found"))
        .body("detail", equalTo("Study 999999 does not exist."));
    asCoordinator().get("/api/studies/not-a-number").then().statusCode(404);
  }

  @Test
  void aMethodNotAllowedSaysWhichAre() {
    asCoordinator()
        .delete("/api/studies")
        .then()
        .statusCode(405)
        .contentType("application/problem+json")
        .body("type", endsWith("/method-not-allowed"));
  }

  @Test
  void pagesOutOfRangeAreRefused() {
    asCoordinator()
        .queryParam("size", 0)
        .get("/api/studies")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("size"));
    asCoordinator()
        .queryParam("page", -1)
        .get("/api/studies")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("page"));
    asCoordinator()
        .queryParam("size", "many")
        .get("/api/studies")
        .then()
        .statusCode(org.hamcrest.Matchers.lessThan(500));
  }
}
