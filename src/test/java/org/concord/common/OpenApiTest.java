package org.concord.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTest {

  @Test
  void everyEndpointIsDescribed() {
    String spec =
        given()
            .queryParam("format", "json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    for (String path :
        new String[] {
          "/api/studies", "/api/studies/{id}/protocol", "/api/studies/{id}/guidance",
          "/api/studies/{id}/panel", "/api/studies/{id}/panelists", "/api/panelists/{id}/withdraw",
          "/api/statements/{id}", "/api/accounts"
        }) {
      org.hamcrest.MatcherAssert.assertThat(spec, containsString("\"" + path + "\""));
    }
    org.hamcrest.MatcherAssert.assertThat(spec, containsString("Import guidance from a Markdown"));
    given().get("/q/swagger-ui/").then().statusCode(200);
  }
}
