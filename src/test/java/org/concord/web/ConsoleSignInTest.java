package org.concord.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.concord.Api;
import org.junit.jupiter.api.Test;

/** Signing in to the console with the form, its session cookie, and the form token on changes. */
@QuarkusTest
class ConsoleSignInTest {

  @Test
  void aPageAsksAnonymousVisitorsToSignInAndReturnsThereAfterwards() {
    ConsoleSession browser = ConsoleSession.anonymous();
    browser
        .get("/console/accounts")
        .then()
        .statusCode(303)
        .header("Location", containsString("/console/login"));
    browser
        .get("/console/login")
        .then()
        .statusCode(200)
        .body(containsString("action=\"/j_security_check\""));
    browser
        .signIn(Api.COORDINATOR, Api.COORDINATOR_PASSWORD)
        .then()
        .statusCode(302)
        .header("Location", containsString("/console/accounts"));
    browser.get("/console/accounts").then().statusCode(200).body(containsString("Team"));
  }

  @Test
  void aWrongPasswordComesBackToTheSignInPageWithoutASession() {
    ConsoleSession browser = ConsoleSession.anonymous();
    browser
        .signIn(Api.COORDINATOR, "not-the-password")
        .then()
        .statusCode(303)
        .header("Location", containsString("/console/login?failed=true"));
    assertThat(browser.has("concord-session"), is(false));
    browser
        .get("/console/login?failed=true")
        .then()
        .body(containsString("The email or the password is wrong"));
  }

  @Test
  void repeatedWrongPasswordsLockTheSignInFormAsTheyLockTheApi() {
    String email = "console-locked@test.example";
    Api.asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", "the-right-password", "role", "analyst"))
        .post("/api/accounts")
        .then()
        .statusCode(201);
    ConsoleSession browser = ConsoleSession.anonymous();
    for (int i = 0; i < 10; i++) {
      browser.signIn(email, "wrong-" + i).then().statusCode(303);
    }
    browser
        .signIn(email, "the-right-password")
        .then()
        .statusCode(303)
        .header("Location", containsString("/console/login?locked=true"));
    assertThat(browser.has("concord-session"), is(false));
    browser
        .get("/console/login?locked=true")
        .then()
        .body(containsString("Sign-in locked for a while"));
  }

  @Test
  void theApiKeepsBasicAndItsProblemAnswers() {
    given()
        .get("/api/studies")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", containsString("Basic"));
    // the console's session cookie is not a way into the API
    ConsoleSession browser = ConsoleSession.coordinator();
    browser.request().get("/api/studies").then().statusCode(401);
  }

  @Test
  void aChangeWithoutTheFormTokenIsRefusedAndChangesNothing() {
    ConsoleSession browser = ConsoleSession.coordinator();
    browser
        .request()
        .contentType(ContentType.URLENC)
        .formParam("title", "Forged study")
        .post("/console/studies")
        .then()
        .statusCode(403)
        .body(containsString("This form has expired"));
    browser
        .request()
        .contentType(ContentType.URLENC)
        .formParam("title", "Forged study")
        .formParam(ConsoleForms.FIELD, "guessed")
        .post("/console/studies")
        .then()
        .statusCode(403);
    browser.get("/console").then().statusCode(200).body(not(containsString("Forged study")));
  }

  @Test
  void aFormFromAnotherSiteIsRefusedBeforeSignIn() {
    ConsoleSession browser = ConsoleSession.anonymous();
    browser
        .request()
        .header("Origin", "https://attacker.example")
        .contentType(ContentType.URLENC)
        .formParam("j_username", Api.COORDINATOR)
        .formParam("j_password", Api.COORDINATOR_PASSWORD)
        .post("/j_security_check")
        .then()
        .statusCode(403);
    ConsoleSession signedIn = ConsoleSession.coordinator();
    signedIn
        .request()
        .header("Sec-Fetch-Site", "cross-site")
        .contentType(ContentType.URLENC)
        .formParam("title", "Cross-site study")
        .formParam(ConsoleForms.FIELD, signedIn.formToken())
        .post("/console/studies")
        .then()
        .statusCode(403);
  }

  @Test
  void signingOutEndsTheSession() {
    ConsoleSession browser = ConsoleSession.coordinator();
    browser.get("/console").then().statusCode(200);
    browser
        .post("/console/logout", Map.of())
        .then()
        .statusCode(303)
        .header("Location", containsString("signed-out=true"));
    assertThat(browser.has("concord-session"), is(false));
    browser.get("/console").then().statusCode(303);
  }

  @Test
  void aMemberChangesTheirPasswordOnlyWithTheCurrentOne() {
    String email = "changer@test.example";
    Api.asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", "first-password-123", "role", "analyst"))
        .post("/api/accounts")
        .then()
        .statusCode(201);
    ConsoleSession browser = ConsoleSession.signedIn(email, "first-password-123");
    browser
        .post(
            "/console/account",
            Map.of(
                "current",
                "wrong",
                "password",
                "second-password-123",
                "repeat",
                "second-password-123"))
        .then()
        .statusCode(400)
        .body(containsString("The current password is not right."))
        .body(containsString("href=\"#current\""));
    browser
        .post(
            "/console/account",
            Map.of(
                "current",
                "first-password-123",
                "password",
                "second-password-123",
                "repeat",
                "second-password-123"))
        .then()
        .statusCode(303);
    given()
        .auth()
        .preemptive()
        .basic(email, "second-password-123")
        .get("/api/accounts/me")
        .then()
        .statusCode(200)
        .body("email", equalTo(email));
    given()
        .auth()
        .preemptive()
        .basic(email, "first-password-123")
        .get("/api/accounts/me")
        .then()
        .statusCode(401);
  }

  @Test
  void anAnalystSeesStudiesButGets403OnEveryChange() {
    ConsoleSession analyst = ConsoleSession.analyst();
    analyst.get("/console").then().statusCode(200);
    analyst.get("/console/accounts").then().statusCode(403).body(containsString("Not allowed"));
    analyst.post("/console/studies", Map.of("title", "Analyst study")).then().statusCode(403);
    analyst
        .post("/console/accounts", Map.of("email", "x@test.example", "role", "coordinator"))
        .then()
        .statusCode(403);
  }
}
