package org.concord.study;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.concord.Api;
import org.concord.TestStudies;
import org.concord.web.ConsoleSession;
import org.junit.jupiter.api.Test;

/**
 * The protocol's two options for what panelists see, a random order of statements and a reason for
 * a rating far from the median: in the API and the console editor, checked, and locked with the
 * rest of the protocol once round 1 opens.
 */
@QuarkusTest
class PanelistOptionsProtocolTest {

  private static String api(long study) {
    return "/api/studies/" + study + "/protocol";
  }

  private static String page(long study) {
    return "/console/studies/" + study + "/protocol";
  }

  private static io.restassured.response.ValidatableResponse patch(long study, Object body) {
    return asCoordinator().contentType(ContentType.JSON).body(body).patch(api(study)).then();
  }

  /** The form as the editor fills it for a study made by {@link TestStudies}. */
  private static Map<String, String> smallPanelForm() {
    Protocol protocol = new Protocol();
    protocol.minimumN = 0;
    protocol.minimumResponsePercent = 0;
    Map<String, String> form = new HashMap<>();
    ProtocolForm.values(protocol).forEach((name, values) -> form.put(name, values.get(0)));
    return form;
  }

  @Test
  void bothAreOffByDefaultAndTheApiSetsAndShowsThem() {
    long id = Api.createStudy("Options shown");
    asCoordinator()
        .get(api(id))
        .then()
        .statusCode(200)
        .body("randomOrder", equalTo(false))
        .body("farFromMedianReason", equalTo(false))
        .body("$", not(hasKey("farFromMedianDistance")));
    patch(id, Map.of("randomOrder", true, "farFromMedianReason", true, "farFromMedianDistance", 3))
        .statusCode(200)
        .body("randomOrder", equalTo(true))
        .body("farFromMedianReason", equalTo(true))
        .body("farFromMedianDistance", equalTo(3));
    // a change that leaves them out keeps them
    patch(id, Map.of("minimumN", 4))
        .statusCode(200)
        .body("randomOrder", equalTo(true))
        .body("farFromMedianDistance", equalTo(3));
    // the widest distance the scale allows: 8 on 1–9
    patch(id, Map.of("farFromMedianDistance", 8)).statusCode(200);
    // off, the distance goes with it
    patch(id, Map.of("farFromMedianReason", false, "randomOrder", false))
        .statusCode(200)
        .body("farFromMedianReason", equalTo(false))
        .body("randomOrder", equalTo(false))
        .body("$", not(hasKey("farFromMedianDistance")));
  }

  @Test
  void aDistanceIsRefusedByNameWhenItDoesNotBelongOrDoesNotFitTheScale() {
    long id = Api.createStudy("Options refused");
    String before = asCoordinator().get(api(id)).asString();
    // a distance with the option off (the study's) does not belong
    patch(id, Map.of("farFromMedianDistance", 3))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("protocol.farFromMedianDistance"))
        .body("detail", containsString("farFromMedianDistance belongs to farFromMedianReason"));
    patch(id, Map.of("farFromMedianReason", false, "farFromMedianDistance", 3))
        .statusCode(400)
        .body("errors.field", hasItem("protocol.farFromMedianDistance"));
    // on without a distance, or with one outside 1 … max − min
    patch(id, Map.of("farFromMedianReason", true))
        .statusCode(400)
        .body("errors.field", hasItem("protocol.farFromMedianDistance"))
        .body("detail", containsString("1 to 8"));
    for (int wrong : new int[] {0, 9, -2}) {
      patch(id, Map.of("farFromMedianReason", true, "farFromMedianDistance", wrong))
          .statusCode(400)
          .body("errors.field", hasItem("protocol.farFromMedianDistance"))
          .body("detail", containsString("1 to 8 on a 1–9 scale, not " + wrong));
    }
    asCoordinator().get(api(id)).then().body(equalTo(before));

    // a narrower scale that the distance no longer fits is refused at the distance
    patch(id, Map.of("farFromMedianReason", true, "farFromMedianDistance", 6)).statusCode(200);
    patch(
            id,
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
                    Map.of("low", 1, "high", 2))))
        .statusCode(400)
        .body("errors.field", hasItem("protocol.farFromMedianDistance"));

    // and a new study is not made with a distance that does not belong
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("title", "Misplaced", "protocol", Map.of("farFromMedianDistance", 2)))
        .post("/api/studies")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("protocol.farFromMedianDistance"));
  }

  @Test
  void afterRoundOneOpensAChangeOfEitherNeedsAReasonAndIsAudited() {
    long id = TestStudies.study("Options locked").sections(2).panelists(2).openRound().study();
    String before = asCoordinator().get(api(id)).asString();
    patch(id, Map.of("randomOrder", true)).statusCode(409);
    asCoordinator().get(api(id)).then().body(equalTo(before));
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "farFromMedianReason",
                true,
                "farFromMedianDistance",
                4,
                "reason",
                "The steering group wants to hear from those far from the panel."))
        .patch(api(id))
        .then()
        .statusCode(200)
        .body("farFromMedianDistance", equalTo(4));
    asCoordinator()
        .get("/api/studies/" + id + "/audit")
        .then()
        .body(
            "detail",
            hasItem(
                allOf(
                    containsString("Reason: The steering group wants to hear"),
                    containsString("\"farFromMedianReason\":false"),
                    containsString("\"farFromMedianReason\":true,\"farFromMedianDistance\":4"))));

    // the console asks for the reason too
    ConsoleSession browser = ConsoleSession.coordinator();
    Map<String, String> form = smallPanelForm();
    form.put("farFromMedianReason", "yes");
    form.put("farFromMedianDistance", "4");
    form.put("randomOrder", "yes");
    browser
        .post(page(id), form)
        .then()
        .statusCode(400)
        .body(containsString("<p class=\"field-error\" id=\"reason-error\">Say why"));
    asCoordinator().get(api(id)).then().body("randomOrder", equalTo(false));
    form.put("reason", "Order effects worried the steering group.");
    browser.post(page(id), form).then().statusCode(303);
    asCoordinator().get(api(id)).then().body("randomOrder", equalTo(true));
    asCoordinator()
        .get("/api/studies/" + id + "/audit")
        .then()
        .body(
            "detail",
            hasItem(
                allOf(
                    containsString("Reason: Order effects worried the steering group."),
                    containsString("\"randomOrder\":true"))));
  }

  @Test
  void theEditorExplainsBothAndSavesThemBesideTheirFields() {
    long id = TestStudies.study("Options in the editor").create().study();
    ConsoleSession browser = ConsoleSession.coordinator();
    browser
        .get(page(id))
        .then()
        .statusCode(200)
        .body(containsString("<legend><h2>Order of the statements</h2></legend>"))
        .body(
            containsString(
                "id=\"randomOrder\" name=\"randomOrder\" value=\"yes\" aria-describedby"))
        .body(containsString("Each panelist's order is drawn when they first open a round"))
        .body(
            containsString(
                "<label for=\"farFromMedianReason\">Also invite a reason when a new rating is far"
                    + " from the panel's median</label>"))
        .body(containsString("in neutral words: \"You may say why, if you wish\""))
        .body(
            containsString(
                "id=\"farFromMedianDistance\" name=\"farFromMedianDistance\" value=\"\""));

    // ticked without a distance: refused beside the box, nothing saved
    Map<String, String> form = smallPanelForm();
    form.put("farFromMedianReason", "yes");
    browser
        .post(page(id), form)
        .then()
        .statusCode(400)
        .body(containsString("href=\"#farFromMedianDistance\""))
        .body(
            containsString(
                "<p class=\"field-error\" id=\"farFromMedianDistance-error\">The distance from the"
                    + " median is needed: give a whole number.</p>"));
    form.put("farFromMedianDistance", "12");
    browser
        .post(page(id), form)
        .then()
        .statusCode(400)
        .body(
            containsString(
                "<p class=\"field-error\" id=\"farFromMedianDistance-error\">The distance from the"
                    + " median is in scale points: 1 to 8 on a 1–9 scale, not 12.</p>"));
    asCoordinator().get(api(id)).then().body("farFromMedianReason", equalTo(false));

    // unticked, whatever the distance box holds is not read
    form = smallPanelForm();
    form.put("randomOrder", "yes");
    form.put("farFromMedianDistance", "many");
    browser
        .post(page(id), form)
        .then()
        .statusCode(303)
        .header("Location", endsWith(page(id) + "?saved=true"));
    asCoordinator()
        .get(api(id))
        .then()
        .body("randomOrder", equalTo(true))
        .body("farFromMedianReason", equalTo(false));

    form.put("farFromMedianReason", "yes");
    form.put("farFromMedianDistance", "3");
    browser.post(page(id), form).then().statusCode(303);
    asCoordinator().get(api(id)).then().body("farFromMedianDistance", equalTo(3));
    browser
        .get(page(id))
        .then()
        .body(containsString("name=\"randomOrder\" value=\"yes\" checked"))
        .body(containsString("name=\"farFromMedianReason\" value=\"yes\" checked"))
        .body(
            containsString(
                "id=\"farFromMedianDistance\" name=\"farFromMedianDistance\" value=\"3\""));
  }
}
