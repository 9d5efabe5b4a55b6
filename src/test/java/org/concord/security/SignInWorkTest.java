package org.concord.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import org.concord.Api;
import org.junit.jupiter.api.Test;

/**
 * The work a sign-in costs must not say whether the email has an account, and a verified login must
 * not cost a bcrypt check per request. Counted in bcrypt verifications rather than timed, so that a
 * busy machine cannot make the test pass or fail. Each request comes from an address of its own, so
 * that the failure throttle stays out of the way.
 */
@QuarkusTest
@TestProfile(ProductionLikeProfile.class)
class SignInWorkTest {

  private static final AtomicInteger NEXT = new AtomicInteger(1);

  @Inject AccountIdentityProvider provider;

  /** The bcrypt verifications one sign-in cost. */
  private long checks(String email, String password, int expectedStatus) {
    long before = provider.passwordChecks();
    given()
        .header("X-Forwarded-For", "203.0.113." + (NEXT.getAndIncrement() % 250 + 1))
        .auth()
        .preemptive()
        .basic(email, password)
        .get("/api/accounts/me")
        .then()
        .statusCode(expectedStatus);
    return provider.passwordChecks() - before;
  }

  @Test
  void anUnknownEmailCostsTheSameBcryptCheckAsAWrongPassword() {
    assertThat(checks(Api.COORDINATOR, "not-the-password", 401), equalTo(1L));
    assertThat(checks("nobody@test.example", "not-the-password", 401), equalTo(1L));
    assertThat(checks("NOBODY@test.example", "", 401), equalTo(1L));
    checks(Api.COORDINATOR, Api.COORDINATOR_PASSWORD, 200);
  }

  @Test
  void aVerifiedLoginIsNotCheckedWithBcryptOnEveryRequest() {
    checks(Api.COORDINATOR, Api.COORDINATOR_PASSWORD, 200);
    for (int i = 0; i < 5; i++) {
      assertThat(checks(Api.COORDINATOR, Api.COORDINATOR_PASSWORD, 200), equalTo(0L));
      assertThat(checks(Api.COORDINATOR.toUpperCase(), Api.COORDINATOR_PASSWORD, 200), equalTo(0L));
    }
    // the cache remembers the right password only: a wrong one is checked every time
    assertThat(checks(Api.COORDINATOR, "not-the-password", 401), equalTo(1L));
    assertThat(checks(Api.COORDINATOR, "not-the-password", 401), equalTo(1L));
    checks(Api.COORDINATOR, Api.COORDINATOR_PASSWORD, 200);
  }
}
