package org.concord.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.concord.Api;
import org.concord.TestDatabase;
import org.concord.web.ConsoleSession;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Coordinators manage the team: roles, a new password for one who forgot theirs, removal. A
 * database of its own, so that "the last coordinator" is the test profile's first account.
 */
@QuarkusTest
@TestProfile(TeamPagesTest.OwnDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamPagesTest {

  public static class OwnDatabase implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.datasource.jdbc.url", TestDatabase.url("concord-team"));
    }
  }

  private static long createMember(String email, String role) {
    return Api.asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", "first-password-123", "role", role))
        .post("/api/accounts")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  private static long ownId() {
    return Api.asCoordinator().get("/api/accounts/me").jsonPath().getLong("id");
  }

  @Test
  void aCoordinatorChangesARoleAndSetsANewPassword() {
    long id = createMember("forgetful@test.example", "analyst");
    ConsoleSession coordinator = ConsoleSession.coordinator();
    coordinator
        .get("/console/accounts")
        .then()
        .body(containsString("href=\"/console/accounts/" + id + "\""));
    coordinator
        .post("/console/accounts/" + id + "/role", Map.of("role", "coordinator"))
        .then()
        .statusCode(303);
    coordinator
        .post("/console/accounts/" + id + "/password", Map.of("password", "short"))
        .then()
        .statusCode(400)
        .body(containsString("at least 12 characters"));
    coordinator
        .post("/console/accounts/" + id + "/password", Map.of("password", "a-new-password-456"))
        .then()
        .statusCode(303);
    given()
        .auth()
        .preemptive()
        .basic("forgetful@test.example", "a-new-password-456")
        .get("/api/accounts/me")
        .then()
        .statusCode(200)
        .body("role", equalTo("coordinator"));
  }

  @Test
  void aRemovedMembersSessionStopsAtOnce() {
    long id = createMember("leaver@test.example", "analyst");
    ConsoleSession leaver = ConsoleSession.signedIn("leaver@test.example", "first-password-123");
    leaver.get("/console").then().statusCode(200);
    ConsoleSession.coordinator()
        .post("/console/accounts/" + id + "/remove", Map.of())
        .then()
        .statusCode(303)
        .header("Location", containsString("removed=true"));
    leaver.get("/console").then().statusCode(303);
    Api.asCoordinator()
        .get("/api/accounts")
        .then()
        .body("items.email", not(org.hamcrest.Matchers.hasItem("leaver@test.example")));
  }

  @Test
  @Order(1)
  void theTeamAlwaysKeepsACoordinatorAndNobodyRemovesThemselves() {
    long self = ownId();
    ConsoleSession coordinator = ConsoleSession.coordinator();
    coordinator
        .post("/console/accounts/" + self + "/remove", Map.of())
        .then()
        .statusCode(400)
        .body(containsString("You cannot remove your own account"));
    List<String> coordinators =
        Api.asCoordinator()
            .get("/api/accounts")
            .jsonPath()
            .getList("items.findAll { it.role == 'coordinator' }.email");
    assertThat(
        "this test runs first, on its own database",
        coordinators,
        equalTo(List.of(Api.COORDINATOR)));
    coordinator
        .post("/console/accounts/" + self + "/role", Map.of("role", "analyst"))
        .then()
        .statusCode(400)
        .body(containsString("at least one coordinator"));
    Api.asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("role", "analyst"))
        .put("/api/accounts/" + self + "/role")
        .then()
        .statusCode(409);
    Api.asCoordinator().get("/api/accounts/me").then().body("role", equalTo("coordinator"));
  }

  @Test
  void anAnalystCannotManageTheTeam() {
    long id = createMember("managed@test.example", "analyst");
    ConsoleSession analyst = ConsoleSession.analyst();
    analyst.get("/console/accounts/" + id).then().statusCode(403);
    analyst
        .post("/console/accounts/" + id + "/role", Map.of("role", "coordinator"))
        .then()
        .statusCode(403);
    Api.asAnalyst().delete("/api/accounts/" + id).then().statusCode(403);
  }
}
