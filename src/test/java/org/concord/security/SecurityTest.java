package org.concord.security;

import static io.restassured.RestAssured.given;
import static org.concord.Api.asAnalyst;
import static org.concord.Api.asCoordinator;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.concord.Api;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityTest {

  @Test
  void everyApiRouteAsksForALoginWithAProblem() {
    for (String path :
        new String[] {
          "/api/studies", "/api/studies/1", "/api/studies/1/sections", "/api/studies/1/panelists",
          "/api/accounts", "/api/statements/1", "/api/panelists/1", "/api/sections/1"
        }) {
      given()
          .get(path)
          .then()
          .statusCode(401)
          .contentType("application/problem+json")
          .header("WWW-Authenticate", containsString("Basic"))
          .body("type", endsWith("/unauthenticated"))
          .body("status", equalTo(401));
    }
  }

  @Test
  void aWrongPasswordIsRefused() {
    given()
        .auth()
        .preemptive()
        .basic(Api.COORDINATOR, "not-the-password")
        .get("/api/studies")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void writesWithoutLoginAreRefusedAndStoreNothing() {
    long before = asCoordinator().get("/api/studies").jsonPath().getLong("total");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("title", "Sneaky"))
        .post("/api/studies")
        .then()
        .statusCode(401);
    asCoordinator().get("/api/studies").then().body("total", equalTo((int) before));
  }

  @Test
  void anAnalystReadsButCannotChangeOrSeeIdentities() {
    long study = Api.createStudy("Analyst visibility");
    asAnalyst().get("/api/studies/" + study).then().statusCode(200);
    asAnalyst().get("/api/studies/" + study + "/statements").then().statusCode(200);
    asAnalyst()
        .contentType(ContentType.JSON)
        .body(Map.of("title", "Mine"))
        .post("/api/studies")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", endsWith("/forbidden"));
    asAnalyst().get("/api/studies/" + study + "/panelists").then().statusCode(403);
    asAnalyst().get("/api/accounts").then().statusCode(403);
    asAnalyst()
        .contentType(ContentType.JSON)
        .body(Map.of("title", "Renamed"))
        .patch("/api/studies/" + study)
        .then()
        .statusCode(403);
    asCoordinator()
        .get("/api/studies/" + study)
        .then()
        .body("title", equalTo("Analyst visibility"));
  }

  @Test
  void aCoordinatorCreatesAccountsWithHashedPasswords() {
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "email",
                "Second@Test.Example",
                "password",
                "a-long-enough-password",
                "role",
                "coordinator"))
        .post("/api/accounts")
        .then()
        .statusCode(201)
        .body("email", equalTo("second@test.example"))
        .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("passwordHash")));
    given()
        .auth()
        .preemptive()
        .basic("second@test.example", "a-long-enough-password")
        .get("/api/accounts/me")
        .then()
        .statusCode(200)
        .body("role", equalTo("coordinator"));
    asCoordinator().get("/api/accounts").then().body("total", greaterThanOrEqualTo(2));
  }

  @Test
  void accountsRefuseShortPasswordsUnknownRolesAndDuplicates() {
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("email", "short@test.example", "password", "short", "role", "analyst"))
        .post("/api/accounts")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("password"));
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "email",
                "role@test.example",
                "password",
                "a-long-enough-password",
                "role",
                "admin"))
        .post("/api/accounts")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("role"));
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "email", Api.COORDINATOR, "password", "a-long-enough-password", "role", "analyst"))
        .post("/api/accounts")
        .then()
        .statusCode(409);
    given()
        .auth()
        .preemptive()
        .basic("short@test.example", "short")
        .get("/api/studies")
        .then()
        .statusCode(401);
  }
}
