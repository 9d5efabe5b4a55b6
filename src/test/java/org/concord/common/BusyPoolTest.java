package org.concord.common;

import static io.restassured.RestAssured.given;
import static org.concord.Api.asCoordinator;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Map;
import org.concord.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A database too busy to lend a connection in time (every one in use by other requests) is a 503
 * that says nothing was stored, never a 500.
 */
@QuarkusTest
@TestProfile(BusyPoolTest.TwoConnections.class)
class BusyPoolTest {

  /**
   * A pool of two connections (Flyway needs both at start), so that the test can hold all of it;
   * the pool's usual acquisition timeout (five seconds) stays, as a shorter one fails the start on
   * a loaded machine.
   */
  public static class TwoConnections implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.datasource.jdbc.url", TestDatabase.url("concord-busy"),
          "quarkus.datasource.jdbc.min-size", "0",
          "quarkus.datasource.jdbc.initial-size", "0",
          "quarkus.datasource.jdbc.max-size", "2");
    }
  }

  @Inject AgroalDataSource dataSource;

  @Test
  void anApiRequestThatFindsNoFreeConnectionIsA503ThatSaysNothingWasStored() throws Exception {
    try (Connection first = dataSource.getConnection();
        Connection second = dataSource.getConnection()) {
      asCoordinator()
          .contentType(ContentType.JSON)
          .body(Map.of("title", "While busy"))
          .post("/api/studies")
          .then()
          .statusCode(503)
          .contentType(Problem.MEDIA_TYPE)
          .header("Retry-After", equalTo("2"))
          .body("detail", containsString("Nothing of this request was stored"));
    }
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("title", "Once free"))
        .post("/api/studies")
        .then()
        .statusCode(201);
  }

  @Test
  void aPanelistPageThatFindsNoFreeConnectionIsABusyPageInThePanelistsLanguage() throws Exception {
    String link = "/p/" + "A".repeat(43);
    try (Connection first = dataSource.getConnection();
        Connection second = dataSource.getConnection()) {
      given()
          .accept(ContentType.HTML)
          .get(link)
          .then()
          .statusCode(503)
          .contentType(ContentType.HTML)
          .header("Retry-After", equalTo("2"))
          .body(containsString("Too many answers at once"));
      given()
          .accept(ContentType.HTML)
          .queryParam("lang", "cy")
          .get(link)
          .then()
          .statusCode(503)
          .contentType(ContentType.HTML)
          .body(containsString("Gormod o atebion ar unwaith"));
    }
  }
}
