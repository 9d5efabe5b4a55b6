package org.concord.study;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.concord.TestStudies;
import org.concord.web.ConsoleSession;
import org.junit.jupiter.api.Test;

/** The protocol editor: every field, its refusals beside the field, the sentence, and the lock. */
@QuarkusTest
class ProtocolPagesTest {

  private static String page(long study) {
    return "/console/studies/" + study + "/protocol";
  }

  private static String api(long study) {
    return "/api/studies/" + study + "/protocol";
  }

  /** The form as the page fills it for {@code protocol}: every field, as a browser sends it. */
  private static Map<String, String> form(Protocol protocol) {
    Map<String, String> form = new HashMap<>();
    ProtocolForm.values(protocol).forEach((name, values) -> form.put(name, values.get(0)));
    return form;
  }

  /** The form of a study made by {@link TestStudies}: the defaults with its small-panel guards. */
  private static Map<String, String> smallPanelForm() {
    Protocol protocol = new Protocol();
    protocol.minimumN = 0;
    protocol.minimumResponsePercent = 0;
    return form(protocol);
  }

  private static long study(String title, Map<String, Object> protocol) {
    return TestStudies.study(title).protocol(protocol).create().study();
  }

  @Test
  void thePageShowsEveryGroupWithTheSavedValuesAndTheSentence() {
    long id =
        study(
            "Protocol shown",
            Map.of(
                "rule",
                Map.of("type", "PERCENT_AGREEMENT", "threshold", 80, "comparison", "MORE_THAN"),
                "minimumN",
                7,
                "everyGroupRequired",
                true,
                "stabilityThreshold",
                12));
    ConsoleSession.coordinator()
        .get(page(id))
        .then()
        .statusCode(200)
        .body(containsString("<h1>Protocol</h1>"))
        .body(containsString("aria-current=\"page\">Protocol"))
        .body(containsString("<legend><h2>Scale</h2></legend>"))
        .body(containsString("<legend><h2>Answers panelists can give</h2></legend>"))
        .body(containsString("<legend><h2>Consensus rule</h2></legend>"))
        .body(containsString("<legend><h2>Guards: minimum n and minimum response</h2></legend>"))
        .body(containsString("<legend><h2>Stakeholder groups</h2></legend>"))
        .body(containsString("<legend><h2>Feedback between rounds</h2></legend>"))
        .body(containsString("<legend><h2>Later rounds and stopping</h2></legend>"))
        // one label per point
        .body(containsString("id=\"label0\" name=\"label0\" value=\"Strongly disagree\""))
        .body(containsString("id=\"label8\" name=\"label8\" value=\"Strongly agree\""))
        .body(not(containsString("name=\"label9\"")))
        .body(containsString("id=\"agreeLow\" name=\"agreeLow\" value=\"7\""))
        .body(containsString("id=\"disagreeHigh\" name=\"disagreeHigh\" value=\"3\""))
        .body(
            containsString("id=\"ruleType\" name=\"ruleType\" value=\"PERCENT_AGREEMENT\" checked"))
        .body(
            containsString(
                "id=\"comparison-MORE_THAN\" name=\"comparison\" value=\"MORE_THAN\" checked"))
        .body(containsString("id=\"threshold\" name=\"threshold\" value=\"80\""))
        .body(containsString("id=\"minimumN\" name=\"minimumN\" value=\"7\""))
        .body(containsString("id=\"stabilityThreshold\" name=\"stabilityThreshold\" value=\"12\""))
        .body(containsString("name=\"everyGroupRequired\" value=\"yes\" checked"))
        .body(containsString("name=\"showGroupBreakdown\" value=\"yes\">"))
        .body(containsString("name=\"eligibility\" value=\"SUBMITTED_PREVIOUS_ROUND\" checked"))
        // each rule's settings in a group saying whose they are
        .body(containsString("data-rule=\"COMET\""))
        .body(containsString("COMET/GRADE: its settings"))
        .body(containsString("Used only when the rule is median and interquartile range."))
        .body(
            containsString(
                "A statement reaches consensus in when more than 80% of those who rate it rate"
                    + " 7–9 (%agree &gt; 80%)"))
        .body(containsString("fewer than 7 panelists (n &lt; 7) cannot reach consensus"))
        .body(containsString("Consensus also needs every stakeholder group with at least 3"))
        .body(containsString("Save the protocol"))
        .body(containsString("name=\"action\" value=\"preview\""))
        .body(containsString("<script src=\"/js/protocol.js\" defer></script>"))
        // no reason is asked for before round 1
        .body(not(containsString("name=\"reason\"")));
  }

  @Test
  void aValidChangeIsSavedAndTheApiShowsIt() {
    long id = study("Protocol saved", Map.of());
    ConsoleSession browser = ConsoleSession.coordinator();
    Map<String, String> form = smallPanelForm();
    form.put("ruleType", "MEDIAN_IQR");
    form.put("maxIqr", "1.5");
    form.put("minimumN", "8");
    form.put("showGroupBreakdown", "yes");
    form.remove("showComments");
    form.put("eligibility", "ALL_ACTIVE");
    form.put("label8", "Agree completely");
    // the settings of the rules not chosen are not read, whatever they hold
    form.put("threshold", "150");
    form.put("agreeThreshold", "many");
    browser
        .post(page(id), form)
        .then()
        .statusCode(303)
        .header("Location", endsWith(page(id) + "?saved=true"));
    browser
        .get(page(id) + "?saved=true")
        .then()
        .statusCode(200)
        .body(containsString("The protocol is saved."))
        .body(containsString("id=\"maxIqr\" name=\"maxIqr\" value=\"1.5\""))
        .body(containsString("the interquartile range (IQR = Q3 − Q1) is at most 1.5"));
    asCoordinator()
        .get(api(id))
        .then()
        .statusCode(200)
        .body("rule.type", equalTo("MEDIAN_IQR"))
        .body("rule.maxIqr", equalTo(1.5f))
        .body("minimumN", equalTo(8))
        .body("feedback.groupBreakdown", equalTo(true))
        .body("feedback.comments", equalTo(false))
        .body("eligibility", equalTo("ALL_ACTIVE"))
        .body("scale.labels[8]", equalTo("Agree completely"));
  }

  @Test
  void anInvalidChangeComesBackBesideItsFieldsAndChangesNothing() {
    long id = study("Protocol refused", Map.of());
    String before = asCoordinator().get(api(id)).asString();
    ConsoleSession browser = ConsoleSession.coordinator();
    Map<String, String> form = smallPanelForm();
    form.put("agreeHigh", "10");
    form.put("ruleType", "PERCENT_AGREEMENT");
    form.put("threshold", "150");
    form.put("label3", "Typed and kept");
    browser
        .post(page(id), form)
        .then()
        .statusCode(400)
        .body(containsString("There is a problem"))
        .body(containsString("href=\"#agreeLow\""))
        .body(
            containsString(
                "<p class=\"field-error\" id=\"agreeLow-error\">The agree band 7–10 must lie"
                    + " inside the scale 1–9.</p>"))
        .body(containsString("href=\"#threshold\""))
        .body(
            containsString(
                "<p class=\"field-error\" id=\"threshold-error\">The percentage that must agree is"
                    + " a percentage: 51 to 100, not 150.</p>"))
        .body(containsString("aria-invalid=\"true\""))
        // what was typed stays in the form
        .body(containsString("value=\"Typed and kept\""))
        .body(containsString("id=\"agreeHigh\" name=\"agreeHigh\" value=\"10\""));
    asCoordinator().get(api(id)).then().body(equalTo(before));

    form = smallPanelForm();
    form.put("minimumN", "a few");
    form.remove("maximumRounds");
    browser
        .post(page(id), form)
        .then()
        .statusCode(400)
        .body(containsString("The minimum n must be a whole number."))
        .body(containsString("The maximum number of rounds is needed: give a whole number."));
    asCoordinator().get(api(id)).then().body(equalTo(before));
  }

  @Test
  void aScaleWithOtherPointsAsksForItsLabelsBeforeSaving() {
    long id = study("Protocol five points", Map.of());
    ConsoleSession browser = ConsoleSession.coordinator();
    Map<String, String> form = smallPanelForm();
    form.put("scaleMax", "5");
    form.put("agreeLow", "4");
    form.put("agreeHigh", "5");
    form.put("disagreeLow", "1");
    form.put("disagreeHigh", "2");
    browser
        .post(page(id), form)
        .then()
        .statusCode(400)
        .body(containsString("The scale now has 5 points, so it needs 5 labels"))
        .body(containsString("id=\"label4\" name=\"label4\" value=\"Strongly agree\""))
        .body(not(containsString("name=\"label5\"")));
    asCoordinator().get(api(id)).then().body("scale.max", equalTo(9));

    for (int i = 5; i < 9; i++) {
      form.remove("label" + i);
    }
    List<String> labels = Protocol.agreementLabels(5);
    for (int i = 0; i < 5; i++) {
      form.put("label" + i, labels.get(i));
    }
    browser.post(page(id), form).then().statusCode(303);
    asCoordinator()
        .get(api(id))
        .then()
        .body("scale.max", equalTo(5))
        .body("scale.labels", equalTo(labels));
  }

  @Test
  void previewShowsTheSentenceOfTheValuesTypedAndSavesNothing() {
    long id = study("Protocol previewed", Map.of());
    String before = asCoordinator().get(api(id)).asString();
    ConsoleSession browser = ConsoleSession.coordinator();
    Map<String, String> form = smallPanelForm();
    form.put("action", "preview");
    form.put("ruleType", "PERCENT_AGREEMENT");
    form.put("threshold", "90");
    form.put("denominatorPolicy", "INCLUDE_AS_DISAGREE");
    browser
        .post(page(id), form)
        .then()
        .statusCode(200)
        .body(containsString("For the values typed below: nothing is saved yet."))
        .body(
            containsString(
                "A statement reaches consensus in when at least 90% of those who rate it rate"
                    + " 7–9"))
        .body(containsString("counts in n and as disagreement."))
        .body(containsString("id=\"threshold\" name=\"threshold\" value=\"90\""));
    asCoordinator().get(api(id)).then().body(equalTo(before));

    form.put("threshold", "40");
    browser
        .post(page(id), form)
        .then()
        .statusCode(400)
        .body(containsString("id=\"threshold-error\""))
        .body(containsString("For the saved protocol."));
    asCoordinator().get(api(id)).then().body(equalTo(before));
  }

  @Test
  void theSentenceRouteSaysTheRuleOfTheValuesGivenAsPlainText() {
    long id = study("Protocol sentence", Map.of());
    ConsoleSession browser = ConsoleSession.coordinator();
    browser
        .get(page(id) + "/sentence")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/plain"))
        .body(
            startsWith(
                "A statement reaches consensus in when at least 70% of those who rate it rate 7–9"
                    + " and fewer than 15% rate 1–3 (%agree ≥ 70% and %disagree < 15%)"));
    Map<String, String> form = smallPanelForm();
    form.put("ruleType", "COMET");
    form.put("agreeThreshold", "80");
    form.put("disagreeLimit", "10");
    form.put("minimumN", "6");
    browser
        .request()
        .queryParams(form)
        .get(page(id) + "/sentence")
        .then()
        .statusCode(200)
        .body(containsString("at least 80% of those who rate it rate 7–9 and fewer than 10%"))
        .body(containsString("(n < 6)"));
    form.put("agreeThreshold", "0");
    browser
        .request()
        .queryParams(form)
        .get(page(id) + "/sentence")
        .then()
        .statusCode(400)
        .body(containsString("The percentage that must agree is a percentage: 1 to 100, not 0."));
    asCoordinator().get(api(id)).then().body("minimumN", equalTo(0));
  }

  @Test
  void afterRoundOneOpensAChangeNeedsAReasonWhichTheAuditLogKeeps() {
    long id = TestStudies.study("Protocol locked").sections(2).panelists(3).openRound().study();
    String before = asCoordinator().get(api(id)).asString();
    ConsoleSession browser = ConsoleSession.coordinator();
    browser
        .get(page(id))
        .then()
        .statusCode(200)
        .body(containsString("The protocol locked when round 1 opened"))
        .body(containsString("name=\"reason\""))
        .body(containsString("Reason for the change"));
    // Saving the form as it came changes nothing, so it needs no reason and is not audited.
    browser
        .post(page(id), smallPanelForm())
        .then()
        .statusCode(303)
        .header("Location", endsWith(page(id) + "?unchanged=true"));
    browser
        .get(page(id) + "?unchanged=true")
        .then()
        .body(containsString("Nothing changed: the form held the protocol as it was saved."));
    asCoordinator()
        .get("/api/studies/" + id + "/audit")
        .then()
        .body("action", not(hasItem("protocol-changed")));

    Map<String, String> form = smallPanelForm();
    form.put("agreeThreshold", "80");
    browser
        .post(page(id), form)
        .then()
        .statusCode(400)
        .body(containsString("href=\"#reason\""))
        .body(
            containsString(
                "<p class=\"field-error\" id=\"reason-error\">Say why the protocol changes"));
    asCoordinator().get(api(id)).then().body(equalTo(before));

    form.put("reason", "x".repeat(2001));
    browser
        .post(page(id), form)
        .then()
        .statusCode(400)
        .body(containsString("The reason must be at most 2,000 characters; it has 2,001."));
    asCoordinator().get(api(id)).then().body(equalTo(before));

    form.put("reason", "The steering group asked for a stricter threshold.");
    browser.post(page(id), form).then().statusCode(303);
    browser
        .get(page(id) + "?saved=true")
        .then()
        .body(containsString("the change and its reason are in the audit log"));
    asCoordinator().get(api(id)).then().body("rule.agreeThreshold", equalTo(80));
    asCoordinator()
        .get("/api/studies/" + id + "/audit")
        .then()
        .statusCode(200)
        .body("action", hasItem("protocol-changed"))
        .body(
            "detail",
            hasItem(
                allOf(
                    containsString("Reason: The steering group asked for a stricter threshold."),
                    containsString("\"agreeThreshold\":80"))));
  }

  @Test
  void theAnalystReadsTheProtocolButCannotSaveOrPreview() {
    long id = study("Protocol read only", Map.of());
    ConsoleSession analyst = ConsoleSession.analyst();
    analyst
        .get(page(id))
        .then()
        .statusCode(200)
        .body(containsString("<legend><h2>Consensus rule</h2></legend>"))
        .body(containsString("A statement reaches consensus in when"))
        .body(not(containsString("Save the protocol")))
        .body(not(containsString("Preview the sentence")));
    Map<String, String> form = smallPanelForm();
    form.put("agreeThreshold", "80");
    analyst.post(page(id), form).then().statusCode(403);
    form.put("action", "preview");
    analyst.post(page(id), form).then().statusCode(403);
    asCoordinator().get(api(id)).then().body("rule.agreeThreshold", equalTo(70));
    analyst.get(page(id) + "/sentence").then().statusCode(200);
  }

  @Test
  void anUnknownStudyIsTheErrorPage() {
    ConsoleSession.coordinator()
        .get(page(999999))
        .then()
        .statusCode(404)
        .contentType(containsString("text/html"));
    ConsoleSession.coordinator().get(page(999999) + "/sentence").then().statusCode(404);
  }
}
