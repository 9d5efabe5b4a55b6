package org.concord.study;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.concord.Api;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StudyResourceTest {

  @Test
  void aNewStudyStartsAsADraftWithTheDefaultProtocol() {
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("title", "  Defaults  ", "description", "What we ask"))
        .post("/api/studies")
        .then()
        .statusCode(201)
        .header("Location", containsString("/api/studies/"))
        .body("title", equalTo("Defaults"))
        .body("state", equalTo("DRAFT"))
        .body("protocol.scale.min", equalTo(1))
        .body("protocol.scale.max", equalTo(9))
        .body("protocol.scale.labels", hasSize(9))
        .body("protocol.scale.agree.low", equalTo(7))
        .body("protocol.scale.disagree.high", equalTo(3))
        .body("protocol.rule.type", equalTo("COMET"))
        .body("protocol.rule.agreeThreshold", equalTo(70))
        .body("protocol.rule.disagreeLimit", equalTo(15))
        .body("protocol.quantileMethod", equalTo("TYPE_7"))
        .body("protocol.denominatorPolicy", equalTo("EXCLUDE"))
        .body("protocol.maximumRounds", equalTo(3))
        .body("createdAt", notNullValue());
  }

  @Test
  void aStudyIsCreatedWithItsOwnProtocol() {
    Map<String, Object> protocol =
        Map.of(
            "scale",
            Map.of(
                "min",
                1,
                "max",
                5,
                "agree",
                Map.of("low", 4, "high", 5),
                "disagree",
                Map.of("low", 1, "high", 2),
                "unableToRateAllowed",
                false),
            "rule",
            Map.of("type", "PERCENT_AGREEMENT", "threshold", 80, "comparison", "MORE_THAN"),
            "quantileMethod",
            "TYPE_6",
            "denominatorPolicy",
            "INCLUDE_AS_DISAGREE",
            "everyGroupRequired",
            true,
            "minimumGroupSize",
            4);
    long id =
        asCoordinator()
            .contentType(ContentType.JSON)
            .body(Map.of("title", "Five points", "protocol", protocol))
            .post("/api/studies")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    asCoordinator()
        .get("/api/studies/" + id + "/protocol")
        .then()
        .statusCode(200)
        .body(
            "scale.labels",
            equalTo(
                List.of(
                    "Strongly disagree",
                    "Disagree",
                    "Neither agree nor disagree",
                    "Agree",
                    "Strongly agree")))
        .body("scale.unableToRateAllowed", equalTo(false))
        .body("rule.type", equalTo("PERCENT_AGREEMENT"))
        .body("rule.threshold", equalTo(80))
        .body("rule.comparison", equalTo("MORE_THAN"))
        .body("quantileMethod", equalTo("TYPE_6"))
        .body("denominatorPolicy", equalTo("INCLUDE_AS_DISAGREE"))
        .body("everyGroupRequired", equalTo(true))
        .body("minimumGroupSize", equalTo(4));
  }

  @Test
  void studiesAreListedAndChanged() {
    long id = Api.createStudy("Listed");
    asCoordinator()
        .queryParam("size", 500)
        .get("/api/studies")
        .then()
        .statusCode(200)
        .body("items.title", hasItem("Listed"))
        .body("size", equalTo(500))
        .body("page", equalTo(0));
    asCoordinator().queryParam("size", 1).get("/api/studies").then().body("items", hasSize(1));
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("description", "Now described"))
        .patch("/api/studies/" + id)
        .then()
        .statusCode(200)
        .body("title", equalTo("Listed"))
        .body("description", equalTo("Now described"));
  }

  @Test
  void aValidProtocolChangeKeepsWhatWasNotSent() {
    long id = Api.createStudy("Median rule");
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("rule", Map.of("type", "MEDIAN_IQR", "maxIqr", 1.5), "minimumN", 10))
        .patch("/api/studies/" + id + "/protocol")
        .then()
        .statusCode(200)
        .body("rule.type", equalTo("MEDIAN_IQR"))
        .body("rule.maxIqr", equalTo(1.5f))
        .body("minimumN", equalTo(10))
        .body("scale.max", equalTo(9))
        // the rule shows its own parameters only: COMET's went with COMET
        .body("rule", not(hasKey("agreeThreshold")))
        .body("rule", not(hasKey("threshold")));
  }

  /** {"type": "COMET", "threshold": 80} is a mistake, not a COMET rule: refused, not ignored. */
  @Test
  void aParameterOfAnotherRuleIsRefusedByNameAndChangesNothing() {
    long id = Api.createStudy("Strict rule");
    String before = asCoordinator().get("/api/studies/" + id + "/protocol").asString();
    List<Object[]> cases =
        List.of(
            new Object[] {Map.of("type", "COMET", "threshold", 80), "protocol.rule.threshold"},
            new Object[] {
              Map.of("type", "PERCENT_AGREEMENT", "threshold", 80, "maxIqr", 1.5),
              "protocol.rule.maxIqr"
            },
            new Object[] {
              Map.of("type", "RAND_UCLA", "disagreeLimit", 10), "protocol.rule.disagreeLimit"
            },
            // without a type, the study's rule (COMET) decides what belongs
            new Object[] {Map.of("comparison", "MORE_THAN"), "protocol.rule.comparison"});
    for (Object[] c : cases) {
      asCoordinator()
          .contentType(ContentType.JSON)
          .body(Map.of("rule", c[0]))
          .patch("/api/studies/" + id + "/protocol")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", hasItem((String) c[1]))
          .body("detail", containsString("is not a parameter of the"))
          .body(
              "detail",
              containsString(
                  "PERCENT_AGREEMENT takes rule.threshold and rule.comparison; COMET takes"
                      + " rule.agreeThreshold and rule.disagreeLimit; MEDIAN_IQR takes"
                      + " rule.maxIqr; RAND_UCLA takes no parameters."));
    }
    asCoordinator().get("/api/studies/" + id + "/protocol").then().body(equalTo(before));
  }

  @Test
  void aStudyIsNotCreatedWithAParameterOfAnotherRule() {
    long before = asCoordinator().get("/api/studies").jsonPath().getLong("total");
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "title",
                "Mixed rule",
                "protocol",
                Map.of("rule", Map.of("type", "MEDIAN_IQR", "agreeThreshold", 70))))
        .post("/api/studies")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("protocol.rule.agreeThreshold"));
    asCoordinator().get("/api/studies").then().body("total", equalTo((int) before));
  }

  /** A changed type starts the new rule from its defaults, never from an older rule's values. */
  @Test
  void aNewRuleTypeStartsFromItsDefaultsAndNothingOfTheOldRuleCarriesOver() {
    long id = Api.createStudy("Switching rules");
    String protocol = "/api/studies/" + id + "/protocol";
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "rule",
                Map.of("type", "PERCENT_AGREEMENT", "threshold", 80, "comparison", "MORE_THAN")))
        .patch(protocol)
        .then()
        .statusCode(200)
        .body("rule.threshold", equalTo(80));
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("rule", Map.of("type", "COMET", "disagreeLimit", 10)))
        .patch(protocol)
        .then()
        .statusCode(200)
        .body("rule.type", equalTo("COMET"))
        .body("rule.agreeThreshold", equalTo(70))
        .body("rule.disagreeLimit", equalTo(10))
        .body("rule", not(hasKey("threshold")))
        .body("rule", not(hasKey("comparison")));
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("rule", Map.of("type", "PERCENT_AGREEMENT")))
        .patch(protocol)
        .then()
        .statusCode(200)
        .body("rule.threshold", equalTo(75))
        .body("rule.comparison", equalTo("AT_LEAST"))
        .body("rule", not(hasKey("disagreeLimit")));
    // What GET shows can be sent back as it is.
    String shown = asCoordinator().get(protocol).asString();
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(shown)
        .patch(protocol)
        .then()
        .statusCode(200)
        .body(equalTo(shown));
  }

  /** Each invalid protocol: 400, the field named, a readable message, and nothing changed. */
  @Test
  void anInvalidProtocolIsRefusedWithAMessageAndChangesNothing() {
    long id = Api.createStudy("Guarded protocol");
    String before = asCoordinator().get("/api/studies/" + id + "/protocol").asString();
    List<Object[]> cases =
        List.of(
            new Object[] {
              Map.of("scale", Map.of("agree", Map.of("low", 3, "high", 9))),
              "protocol.scale.disagree",
              "overlap"
            },
            new Object[] {
              Map.of("scale", Map.of("agree", Map.of("low", 7, "high", 10))),
              "protocol.scale.agree",
              "inside the scale"
            },
            new Object[] {
              Map.of("scale", Map.of("agree", Map.of("low", 9, "high", 7))),
              "protocol.scale.agree",
              "starts at 9"
            },
            new Object[] {
              Map.of("rule", Map.of("type", "PERCENT_AGREEMENT", "threshold", 101)),
              "protocol.rule.threshold",
              "percentage"
            },
            new Object[] {
              Map.of("rule", Map.of("disagreeLimit", -1)),
              "protocol.rule.disagreeLimit",
              "percentage"
            },
            new Object[] {
              Map.of(
                  "scale",
                  Map.of(
                      "min",
                      1,
                      "max",
                      5,
                      "agree",
                      Map.of("low", 4, "high", 5),
                      "disagree",
                      Map.of("low", 1, "high", 2)),
                  "rule",
                  Map.of("type", "RAND_UCLA")),
              "protocol.rule.type",
              "1–9 scale only"
            },
            new Object[] {
              Map.of("scale", Map.of("labels", List.of("Low", "High"))),
              "protocol.scale.labels",
              "one label per scale point"
            },
            new Object[] {
              Map.of("scale", Map.of("min", 1, "max", 1)), "protocol.scale.max", "between 2 and"
            },
            new Object[] {Map.of("maximumRounds", 0), "protocol.maximumRounds", "1 to 10"},
            new Object[] {
              Map.of("stabilityThreshold", 150), "protocol.stabilityThreshold", "percentage"
            },
            new Object[] {Map.of("minimumGroupSize", 0), "protocol.minimumGroupSize", "1 or more"});
    for (Object[] c : cases) {
      asCoordinator()
          .contentType(ContentType.JSON)
          .body(c[0])
          .patch("/api/studies/" + id + "/protocol")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("type", endsWith("/invalid-input"))
          .body("errors.field", hasItem((String) c[1]))
          .body("detail", containsString((String) c[2]));
    }
    asCoordinator().get("/api/studies/" + id + "/protocol").then().body(equalTo(before));
  }

  @Test
  void aPercentThresholdThatCouldBeInAndOutAtOnceIsRefused() {
    long id = Api.createStudy("Half");
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("rule", Map.of("type", "PERCENT_AGREEMENT", "threshold", 50)))
        .patch("/api/studies/" + id + "/protocol")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("protocol.rule.threshold"))
        .body("detail", containsString("51 to 100"));
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "rule",
                Map.of("type", "PERCENT_AGREEMENT", "threshold", 50, "comparison", "MORE_THAN")))
        .patch("/api/studies/" + id + "/protocol")
        .then()
        .statusCode(200);
  }

  @Test
  void anInvalidProtocolAtCreationStoresNoStudy() {
    long before = asCoordinator().get("/api/studies").jsonPath().getLong("total");
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("title", "Bad", "protocol", Map.of("rule", Map.of("agreeThreshold", 0))))
        .post("/api/studies")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("protocol.rule.agreeThreshold"));
    asCoordinator().get("/api/studies").then().body("total", equalTo((int) before));
  }
}
