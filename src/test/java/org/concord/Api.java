package org.concord;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** Requests as the study team makes them; accounts come from the test profile. */
public final class Api {

  public static final String COORDINATOR = "coordinator@test.example";
  public static final String COORDINATOR_PASSWORD = "coordinator-password";
  public static final String ANALYST = "analyst@test.example";
  public static final String ANALYST_PASSWORD = "analyst-password";

  private static boolean analystCreated;

  private Api() {}

  public static RequestSpecification asCoordinator() {
    return given().auth().preemptive().basic(COORDINATOR, COORDINATOR_PASSWORD);
  }

  public static synchronized RequestSpecification asAnalyst() {
    if (!analystCreated) {
      asCoordinator()
          .contentType(ContentType.JSON)
          .body(Map.of("email", ANALYST, "password", ANALYST_PASSWORD, "role", "analyst"))
          .post("/api/accounts");
      analystCreated = true;
    }
    return given().auth().preemptive().basic(ANALYST, ANALYST_PASSWORD);
  }

  /** A new draft study with the default protocol; returns its id. */
  public static long createStudy(String title) {
    return asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("title", title))
        .post("/api/studies")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }
}
