package org.concord.security;

import static io.restassured.RestAssured.given;
import static org.concord.Api.asCoordinator;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import org.concord.Api;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountSignInTest {

  private static final int LOCK_AFTER = 10;

  @Inject AccountRepository accounts;

  private static void createAccount(String email, String password) {
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", password, "role", "analyst"))
        .post("/api/accounts")
        .then()
        .statusCode(201);
  }

  private static RequestSpecification as(String email, String password) {
    return given().auth().preemptive().basic(email, password);
  }

  @Test
  void theEmailIsMatchedWithoutRegardToCase() {
    as("  CoOrdinator@TEST.example ", Api.COORDINATOR_PASSWORD)
        .get("/api/accounts/me")
        .then()
        .statusCode(200)
        .body("email", equalTo(Api.COORDINATOR));
  }

  @Test
  void tenFailedSignInsInARowLockTheAccountWithA429() {
    String email = "locked@test.example";
    createAccount(email, "the-right-password");
    for (int i = 0; i < LOCK_AFTER; i++) {
      as(email, "wrong-password-" + i).get("/api/accounts/me").then().statusCode(401);
    }
    as(email, "the-right-password")
        .get("/api/accounts/me")
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("type", endsWith("/sign-in-locked"))
        .header("Retry-After", Integer::parseInt, greaterThan(14 * 60))
        .header("Retry-After", Integer::parseInt, lessThanOrEqualTo(15 * 60));
    // other accounts go on
    asCoordinator().get("/api/accounts/me").then().statusCode(200);
  }

  @Test
  void anUnknownEmailLocksExactlyAsARealOne() {
    String email = "nobody-here@test.example";
    for (int i = 0; i < LOCK_AFTER; i++) {
      as(email, "wrong-password-" + i).get("/api/accounts/me").then().statusCode(401);
    }
    as(email, "any-password")
        .get("/api/accounts/me")
        .then()
        .statusCode(429)
        .body("type", endsWith("/sign-in-locked"));
  }

  @Test
  void aSuccessfulSignInStartsTheCountAgain() {
    String email = "forgetful@test.example";
    createAccount(email, "the-right-password");
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < LOCK_AFTER - 1; i++) {
        as(email, "wrong-password-" + i).get("/api/accounts/me").then().statusCode(401);
      }
      as(email, "the-right-password").get("/api/accounts/me").then().statusCode(200);
    }
  }

  @Test
  void aChangedPasswordIsCheckedAgainNotTakenFromTheCache() {
    String email = "changes@test.example";
    createAccount(email, "the-first-password");
    as(email, "the-first-password").get("/api/accounts/me").then().statusCode(200);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                accounts.findByEmail(email).orElseThrow().passwordHash =
                    BcryptUtil.bcryptHash("the-second-password", 4));
    as(email, "the-first-password").get("/api/accounts/me").then().statusCode(401);
    as(email, "the-second-password").get("/api/accounts/me").then().statusCode(200);
  }
}
