package org.concord.response.pages;

import static org.concord.Api.asCoordinator;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concord.panel.Panelist;
import org.concord.panel.TokenService;

/** What the tests of the protocol's panelist options share: links, answers, rounds. */
final class OptionStudies {

  private OptionStudies() {}

  /** The panelists' links, in the order of their ids (P001, P002 … in the exports). */
  static List<String> tokens(long study, TokenService tokens, EntityManager em) {
    List<Long> ids =
        asCoordinator()
            .queryParam("size", 500)
            .get("/api/studies/" + study + "/panelists")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.id", Long.class);
    List<String> links = new ArrayList<>();
    for (long id : ids.stream().sorted().toList()) {
      links.add(
          QuarkusTransaction.requiringNew()
              .call(() -> tokens.tokenFor(em.find(Panelist.class, id))));
    }
    return links;
  }

  static JsonPath round(String token) {
    return RestAssured.given()
        .get("/p/" + token + "/api/round")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The item ids of each section, in the order the JSON API gives them to the panelist. */
  static List<List<Long>> sections(JsonPath round) {
    List<List<Long>> sections = new ArrayList<>();
    int count = round.getList("sections").size();
    for (int i = 0; i < count; i++) {
      sections.add(round.getList("sections[" + i + "].items.itemId", Long.class));
    }
    return sections;
  }

  static List<Long> flat(List<List<Long>> sections) {
    return sections.stream().flatMap(List::stream).toList();
  }

  /** The round's items by section, in the round's own order (the guidance's). */
  static List<List<Long>> guidanceOrder(long round) {
    JsonPath json = asCoordinator().get("/api/rounds/" + round).then().extract().jsonPath();
    List<Map<String, Object>> items = json.getList("items");
    Map<Object, List<Long>> bySection = new LinkedHashMap<>();
    items.stream()
        .sorted((a, b) -> Integer.compare((Integer) a.get("position"), (Integer) b.get("position")))
        .forEach(
            item ->
                bySection
                    .computeIfAbsent(item.get("sectionId"), k -> new ArrayList<>())
                    .add(((Number) item.get("id")).longValue()));
    return new ArrayList<>(bySection.values());
  }

  /** Saves these ratings (item id to value) through the JSON API, with consent, and submits. */
  static void answerAndSubmit(String token, Map<Long, Integer> ratings) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("consent", true);
    body.put(
        "ratings",
        ratings.entrySet().stream()
            .map(e -> Map.of("itemId", e.getKey(), "value", e.getValue()))
            .toList());
    RestAssured.given()
        .contentType(ContentType.JSON)
        .body(body)
        .put("/p/" + token + "/api/response")
        .then()
        .statusCode(200);
    RestAssured.given().post("/p/" + token + "/api/response/submit").then().statusCode(200);
  }

  /** Closes the round, builds the next from it and opens it; returns the next round's id. */
  static long nextRound(long round) {
    asCoordinator().post("/api/rounds/" + round + "/close").then().statusCode(200);
    long next =
        asCoordinator()
            .post("/api/rounds/" + round + "/next")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    asCoordinator()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/rounds/" + next + "/open")
        .then()
        .statusCode(200);
    return next;
  }
}
