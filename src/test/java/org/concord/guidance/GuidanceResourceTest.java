package org.concord.guidance;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.concord.Api;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GuidanceResourceTest {

  private long section(long study, String title) {
    return asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("title", title, "introduction", "About " + title))
        .post("/api/studies/" + study + "/sections")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  private long statement(long section, String text) {
    return asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("text", text))
        .post("/api/sections/" + section + "/statements")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  @Test
  void sectionsAndStatementsKeepTheirOrder() {
    long study = Api.createStudy("Ordered");
    long first = section(study, "First");
    long second = section(study, "Second");
    statement(second, "Later statement");
    statement(first, "Early statement");
    statement(first, "Another early statement");
    asCoordinator()
        .get("/api/studies/" + study + "/statements")
        .then()
        .body(
            "items.text",
            equalTo(List.of("Early statement", "Another early statement", "Later statement")));
    asCoordinator()
        .queryParam("section", second)
        .get("/api/studies/" + study + "/statements")
        .then()
        .body("total", equalTo(1));
    asCoordinator()
        .queryParam("size", 1)
        .queryParam("page", 1)
        .get("/api/studies/" + study + "/sections")
        .then()
        .body("items", hasSize(1))
        .body("items[0].title", equalTo("Second"))
        .body("total", equalTo(2));
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("title", "First part"))
        .patch("/api/sections/" + first)
        .then()
        .statusCode(200)
        .body("title", equalTo("First part"))
        .body("introduction", equalTo("About First"))
        .body("statementCount", equalTo(2));
  }

  @Test
  void rewordingAddsAVersionAndKeepsTheOldWording() {
    long study = Api.createStudy("Versions");
    long statement = statement(section(study, "Goals"), "Set goals");
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("text", "Set goals together", "reason", "Panel asked for shared goals"))
        .patch("/api/statements/" + statement)
        .then()
        .statusCode(200)
        .body("version", equalTo(2))
        .body("text", equalTo("Set goals together"));
    asCoordinator()
        .get("/api/statements/" + statement)
        .then()
        .body("current.text", equalTo("Set goals together"))
        .body("versions.text", equalTo(List.of("Set goals", "Set goals together")))
        .body("versions.origin", equalTo(List.of("ADDED_BY_TEAM", "REWORDED")))
        .body("versions[1].reason", equalTo("Panel asked for shared goals"));
    asCoordinator()
        .get("/api/studies/" + study + "/statements")
        .then()
        .body("total", equalTo(1))
        .body("items[0].version", equalTo(2));
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("text", "Set goals together"))
        .patch("/api/statements/" + statement)
        .then()
        .statusCode(400)
        .body("detail", containsString("same as the current"));
  }

  @Test
  void duplicatesAndBadStatementsAreRefused() {
    long study = Api.createStudy("Duplicates");
    long section = section(study, "Goals");
    statement(section, "Set goals");
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("text", "set  goals."))
        .post("/api/sections/" + section + "/statements")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("text"));
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("text", " "))
        .post("/api/sections/" + section + "/statements")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("text"));
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("text", "y".repeat(1001)))
        .post("/api/sections/" + section + "/statements")
        .then()
        .statusCode(400);
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("title", ""))
        .post("/api/studies/" + study + "/sections")
        .then()
        .statusCode(400);
    asCoordinator().get("/api/studies/" + study + "/statements").then().body("total", equalTo(1));
    asCoordinator()
        .get("/api/sections/" + section)
        .then()
        .statusCode(200)
        .body("title", equalTo("Goals"))
        .body("statementCount", equalTo(1));
    asCoordinator().get("/api/sections/999999").then().statusCode(404);
    asCoordinator().get("/api/statements/999999").then().statusCode(404);
  }

  @Test
  void aRemovedStatementLeavesTheList() {
    long study = Api.createStudy("Removal");
    long statement = statement(section(study, "Goals"), "Set goals");
    asCoordinator().delete("/api/statements/" + statement).then().statusCode(204);
    asCoordinator().get("/api/studies/" + study + "/statements").then().body("total", equalTo(0));
    asCoordinator()
        .get("/api/statements/" + statement)
        .then()
        .body("current.status", equalTo("REMOVED"));
  }
}
