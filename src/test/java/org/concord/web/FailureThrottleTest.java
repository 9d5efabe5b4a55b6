package org.concord.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.util.concurrent.atomic.AtomicInteger;
import org.concord.Api;
import org.concord.security.ProductionLikeProfile;
import org.junit.jupiter.api.Test;

/** Each test speaks from addresses of its own (X-Forwarded-For from a trusted proxy). */
@QuarkusTest
@TestProfile(ProductionLikeProfile.class)
class FailureThrottleTest {

  private static final int MAX_FAILURES = ProductionLikeProfile.MAX_FAILURES;
  private static final int WINDOW_SECONDS = ProductionLikeProfile.WINDOW_SECONDS;
  private static final String WRONG_LINK = "/p/" + "x".repeat(43);
  private static final AtomicInteger NEXT = new AtomicInteger(1);

  private static String newAddress() {
    int n = NEXT.getAndIncrement();
    return "198.51." + (n / 250) + "." + (n % 250 + 1);
  }

  private static RequestSpecification from(String address) {
    return given().header("X-Forwarded-For", address);
  }

  private static RequestSpecification coordinatorFrom(String address) {
    return from(address).auth().preemptive().basic(Api.COORDINATOR, Api.COORDINATOR_PASSWORD);
  }

  private static void wrongLinks(String address, int count) {
    for (int i = 0; i < count; i++) {
      from(address).get(WRONG_LINK + "/api/round").then().statusCode(404);
    }
  }

  @Test
  void repeatedWrongLinksFromOneAddressAreAnswered429WithRetryAfter() {
    String address = newAddress();
    wrongLinks(address, MAX_FAILURES);
    from(address)
        .get(WRONG_LINK + "/api/round")
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("type", endsWith("/too-many-failures"))
        .header("Retry-After", Integer::parseInt, greaterThanOrEqualTo(1))
        .header("Retry-After", Integer::parseInt, lessThanOrEqualTo(WINDOW_SECONDS));
    from(address)
        .get(WRONG_LINK)
        .then()
        .statusCode(429)
        .contentType(containsString("text/html"))
        .header("Retry-After", Integer::parseInt, greaterThanOrEqualTo(1))
        .body(containsString("<html lang=\"en\">"))
        .body(containsString("<h1>Too many attempts</h1>"));
    from(address)
        .get(WRONG_LINK + "/review?lang=cy")
        .then()
        .statusCode(429)
        .body(containsString("<html lang=\"cy\">"));
    // the study team's API from that address waits too, even with the right password
    coordinatorFrom(address).get("/api/studies").then().statusCode(429);
  }

  @Test
  void failedSignInsCountAgainstTheAddress() {
    String address = newAddress();
    for (int i = 0; i < MAX_FAILURES; i++) {
      from(address)
          .auth()
          .preemptive()
          .basic("nobody-" + i + "@test.example", "wrong password")
          .get("/api/studies")
          .then()
          .statusCode(401);
    }
    coordinatorFrom(address)
        .get("/api/studies")
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", Integer::parseInt, greaterThanOrEqualTo(1));
  }

  @Test
  void otherAddressesAreNotSlowedByOneAddressesFailures() {
    String guesser = newAddress();
    wrongLinks(guesser, MAX_FAILURES);
    from(guesser).get(WRONG_LINK).then().statusCode(429);
    String other = newAddress();
    coordinatorFrom(other).get("/api/studies").then().statusCode(200);
    from(other).get(WRONG_LINK + "/api/round").then().statusCode(404);
  }

  @Test
  void successfulRequestsDoNotCount() {
    String address = newAddress();
    for (int i = 0; i < MAX_FAILURES * 3; i++) {
      coordinatorFrom(address).get("/api/studies").then().statusCode(200);
    }
    wrongLinks(address, MAX_FAILURES);
  }

  @Test
  void theAddressIsServedAgainOnceTheWindowHasPassed() throws InterruptedException {
    String address = newAddress();
    wrongLinks(address, MAX_FAILURES);
    int wait =
        Integer.parseInt(
            from(address).get(WRONG_LINK).then().statusCode(429).extract().header("Retry-After"));
    Thread.sleep(wait * 1000L + 200);
    from(address).get(WRONG_LINK).then().statusCode(404);
    coordinatorFrom(address).get("/api/studies").then().statusCode(200);
  }

  /**
   * A flood of distinct addresses cannot grow the table past its bound: the oldest windows go, here
   * the first guesser's, which is served again before its window has passed.
   */
  @Test
  void aFloodOfDistinctAddressesKeepsTheTableBounded() {
    String first = newAddress();
    wrongLinks(first, MAX_FAILURES);
    long start = System.nanoTime();
    from(first).get(WRONG_LINK).then().statusCode(429);
    for (int i = 0; i <= ProductionLikeProfile.MAX_ADDRESSES; i++) {
      from(newAddress()).get(WRONG_LINK + "/api/round").then().statusCode(404);
    }
    int status = from(first).get(WRONG_LINK).statusCode();
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(
        "the flood ended within the window", elapsedMillis < WINDOW_SECONDS * 1000L, equalTo(true));
    assertThat(status, equalTo(404));
  }
}
