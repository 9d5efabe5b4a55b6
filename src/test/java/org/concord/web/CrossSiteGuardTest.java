package org.concord.web;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.Map;
import org.concord.Api;
import org.junit.jupiter.api.Test;

/** The browser's cached Basic credentials go along: a cross-site change must still be refused. */
@QuarkusTest
class CrossSiteGuardTest {

  private static final String OTHER_SITE = "https://other.example";

  private static long studies() {
    return asCoordinator().get("/api/studies").jsonPath().getLong("total");
  }

  @Test
  void aFormPostFromAnotherSiteToABodylessActionIsRefused() {
    for (String action : new String[] {"/api/rounds/1/remind", "/api/panelists/1/link"}) {
      asCoordinator()
          .header("Origin", OTHER_SITE)
          .contentType(ContentType.URLENC)
          .formParam("x", "y")
          .post(action)
          .then()
          .statusCode(403)
          .contentType("application/problem+json")
          .body("type", endsWith("/cross-site"));
    }
  }

  @Test
  void everyKindOfChangeFromAnotherSiteIsRefusedAndChangesNothing() {
    long study = Api.createStudy("Not to be touched from another site");
    long before = studies();
    asCoordinator()
        .header("Origin", OTHER_SITE)
        .contentType("text/plain")
        .body("{\"title\": \"Planted\"}")
        .post("/api/studies")
        .then()
        .statusCode(403);
    asCoordinator()
        .header("Origin", OTHER_SITE)
        .contentType(ContentType.JSON)
        .body(Map.of("title", "Renamed"))
        .patch("/api/studies/" + study)
        .then()
        .statusCode(403);
    asCoordinator()
        .header("Origin", OTHER_SITE)
        .delete("/api/studies/" + study)
        .then()
        .statusCode(403);
    asCoordinator()
        .header("Origin", OTHER_SITE)
        .contentType(ContentType.JSON)
        .body("{}")
        .put("/api/studies/" + study + "/protocol")
        .then()
        .statusCode(403);
    asCoordinator()
        .get("/api/studies/" + study)
        .then()
        .statusCode(200)
        .body("title", equalTo("Not to be touched from another site"));
    asCoordinator().get("/api/studies").then().body("total", equalTo((int) before));
  }

  @Test
  void aBrowserThatSaysCrossSiteIsRefusedWithoutAnOrigin() {
    asCoordinator()
        .header("Sec-Fetch-Site", "cross-site")
        .contentType(ContentType.JSON)
        .body(Map.of("title", "Planted"))
        .post("/api/studies")
        .then()
        .statusCode(403)
        .body("type", endsWith("/cross-site"));
  }

  @Test
  void anOpaqueNullOriginIsRefused() {
    asCoordinator()
        .header("Origin", "null")
        .contentType(ContentType.JSON)
        .body(Map.of("title", "Planted"))
        .post("/api/studies")
        .then()
        .statusCode(403);
  }

  @Test
  void ourOwnOriginAndThePublicAddressAreAccepted() {
    asCoordinator()
        .header("Origin", "http://localhost:" + RestAssured.port)
        .header("Sec-Fetch-Site", "same-origin")
        .contentType(ContentType.JSON)
        .body(Map.of("title", "From our own page"))
        .post("/api/studies")
        .then()
        .statusCode(201);
    // concord.base-url: the address a proxy in front answers to
    asCoordinator()
        .header("Origin", "http://localhost:8080")
        .contentType(ContentType.JSON)
        .body(Map.of("title", "Through the proxy"))
        .post("/api/studies")
        .then()
        .statusCode(201);
  }

  @Test
  void readsAndClientsWithoutOriginAreNotAffected() {
    asCoordinator().header("Origin", OTHER_SITE).get("/api/studies").then().statusCode(200);
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("title", "From a script"))
        .post("/api/studies")
        .then()
        .statusCode(201);
  }
}
