package org.concord.deploy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The health paths that the image, the compose file, the proxy and the Kubernetes probes ask for
 * (each checked by its own test) answer in the running application.
 */
@QuarkusTest
class ProbePathsTest {

  /** Whether the process is alive: restart it when not. */
  static final String LIVENESS = "/q/health/live";

  /** Whether it can serve, database included: send it requests only when so. */
  static final String READINESS = "/q/health/ready";

  @Test
  void theLivenessPathAnswersUp() {
    given().get(LIVENESS).then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void theReadinessPathAnswersUpWithTheDatabase() {
    given()
        .get(READINESS)
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"));
  }
}
