package org.concord;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged application as an operator runs it: {@code java -jar} on the embedded H2 file
 * database with no other set-up, stopped and started again with its data intact.
 */
class PackagedApplicationIT {

  private static final String EMAIL = "first@concord.example";
  private static final String PASSWORD = "first-coordinator-password";

  @Test
  void thePackagedJarKeepsItsDataAcrossARestart() throws Exception {
    PackagedApplication app =
        new PackagedApplication(Files.createTempDirectory("concord-it"), "concord-packaged")
            .with("-Dconcord.demo.enabled=true")
            .withCoordinator(EMAIL, PASSWORD);
    int port = app.port();

    app.start();
    try {
      api(port)
          .get("/api/studies")
          .then()
          .statusCode(200)
          .body("items.title", hasItems("Connecting People Intervention: practice guidance"));
      api(port)
          .contentType(ContentType.JSON)
          .body(Map.of("title", "Created before the restart"))
          .post("/api/studies")
          .then()
          .statusCode(201);
    } finally {
      app.stop();
    }

    app.start();
    try {
      List<String> titles = api(port).get("/api/studies").jsonPath().getList("items.title");
      assertThat(
          titles,
          equalTo(
              List.of(
                  "Connecting People Intervention: practice guidance",
                  "Created before the restart")));
      api(port).get("/api/studies").then().body("total", equalTo(2));
    } finally {
      app.stop();
    }
  }

  private static RequestSpecification api(int port) {
    return RestAssured.given().port(port).auth().preemptive().basic(EMAIL, PASSWORD);
  }
}
