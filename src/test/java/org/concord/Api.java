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

  private Api() {}

  public static RequestSpecification asCoordinator() {
    return given().auth().preemptive().basic(COORDINATOR, COORDINATOR_PASSWORD);
  }

  /** The analyst account, created on first use in whichever application instance runs. */
  public static RequestSpecification asAnalyst() {
    if (analyst().get("/api/accounts/me").statusCode() == 401) {
      asCoordinator()
          .contentType(ContentType.JSON)
          .body(Map.of("email", ANALYST, "password", ANALYST_PASSWORD, "role", "analyst"))
          .post("/api/accounts")
          .then()
          .statusCode(201);
    }
    return analyst();
  }

  private static RequestSpecification analyst() {
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
