package org.concord.response.pages;

import static org.concord.Api.asCoordinator;
import static org.concord.response.pages.OptionStudies.answerAndSubmit;
import static org.concord.response.pages.OptionStudies.flat;
import static org.concord.response.pages.OptionStudies.round;
import static org.concord.response.pages.OptionStudies.sections;
import static org.concord.response.pages.OptionStudies.tokens;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.concord.TestStudies;
import org.concord.panel.TokenService;
import org.concord.response.PanelistViews.FarFromMedian;
import org.concord.response.PanelistViews.Feedback;
import org.concord.response.PanelistViews.ScaleView;
import org.junit.jupiter.api.Test;

/**
 * The protocol's reason for a rating far from the panel's median: from round 2, a rating at least D
 * points from the stored median of the round before invites a reason, in neutral words, stored and
 * exported as the reasons for a change of band are.
 */
@QuarkusTest
class FarFromMedianReasonTest {

  private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_form\" value=\"([^\"]+)\"");

  /** The label of a box there for the distance alone, as the page escapes it. */
  private static final String FAR_LABEL =
      " is some way from the panel&#39;s middle rating (the median) in the last round. You may say"
          + " why, if you wish. (optional)</label>";

  @Inject TokenService tokens;
  @Inject EntityManager em;

  /** Round 1 answered (panelist 1 rates both statements 1, the others 6: median 6) and closed. */
  private record RoundTwo(long study, long round, List<String> links, long a, long b) {}

  private RoundTwo roundTwo(String title, Map<String, Object> protocol) {
    TestStudies.Ids ids =
        TestStudies.study(title).protocol(protocol).sections(2).panelists(3).openRound();
    List<String> links = tokens(ids.study(), tokens, em);
    List<Long> items = flat(sections(round(links.get(0))));
    // In round 1 no rating asks for a reason, however far it lies from anything.
    post(links.get(0), Map.of("rating-" + items.get(0), "1", "rating-" + items.get(1), "9"))
        .statusCode(303)
        .header("Location", not(containsString("reasons=true")));
    for (int p = 0; p < 3; p++) {
      Map<Long, Integer> ratings = new LinkedHashMap<>();
      for (long item : items) {
        ratings.put(item, p == 0 ? 1 : 6);
      }
      answerAndSubmit(links.get(p), ratings);
    }
    long next = OptionStudies.nextRound(ids.round());
    List<Long> carried = flat(sections(round(links.get(0))));
    return new RoundTwo(ids.study(), next, links, carried.get(0), carried.get(1));
  }

  private static ValidatableResponse post(String token, Map<String, String> fields) {
    String html = RestAssured.given().get("/p/" + token + "/sections/1").asString();
    Matcher m = FORM_TOKEN.matcher(html);
    assertThat("a form token on the page", m.find(), equalTo(true));
    RequestSpecification request =
        RestAssured.given()
            .redirects()
            .follow(false)
            .contentType("application/x-www-form-urlencoded; charset=UTF-8")
            .formParam("_form", m.group(1));
    fields.forEach(request::formParam);
    return request.post("/p/" + token + "/sections/1").then();
  }

  private static String reasonsStep(String token) {
    return RestAssured.given()
        .get("/p/" + token + "/sections/1?saved=true&reasons=true")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  private static String label(long item) {
    return "<label for=\"reason-" + item + "\">";
  }

  @Test
  void aRatingExactlyDFromTheMedianInvitesAReasonAndOneAtDMinusOneDoesNot() throws Exception {
    RoundTwo r =
        roundTwo(
            "Far from the median", Map.of("farFromMedianReason", true, "farFromMedianDistance", 4));
    String token = r.links().get(0);
    // Both stay in the disagree band of the earlier rating 1: no change of band. |2 − 6| = 4 = D
    // asks; |3 − 6| = 3 = D − 1 does not.
    post(token, Map.of("rating-" + r.a(), "2", "rating-" + r.b(), "3"))
        .statusCode(303)
        .header("Location", containsString("/sections/1?saved=true&reasons=true"));
    String step = reasonsStep(token);
    assertThat(
        step, containsString("Some of your ratings are some way from the panel&#39;s middle"));
    assertThat(step, containsString("You do not need to change your ratings."));
    assertThat(step, containsString(label(r.a()) + "Your rating of statement "));
    assertThat(step, containsString(FAR_LABEL));
    assertThat(step, not(containsString(label(r.b()))));
    assertThat(step, not(containsString("Why did you change your rating of statement")));

    post(token, Map.of("rating-" + r.a(), "2", "reason-" + r.a(), "I have seen it fail"))
        .statusCode(303)
        .header("Location", endsWith("/review?saved=true"));
    assertThat(
        round(token)
            .getString("response.ratings.find { it.itemId == " + r.a() + " }.reasonForChange"),
        equalTo("I have seen it fail"));

    // A change of band and a distance on one page: each box says why it is there.
    post(token, Map.of("rating-" + r.a(), "2", "rating-" + r.b(), "5"))
        .statusCode(303)
        .header("Location", containsString("reasons=true"));
    step = reasonsStep(token);
    assertThat(step, containsString("or some way from the panel&#39;s middle rating"));
    assertThat(step, containsString(label(r.a()) + "Your rating of statement "));
    assertThat(step, containsString(FAR_LABEL));
    assertThat(step, containsString(label(r.b()) + "Why did you change your rating of statement"));

    // The median is the stored result of the round before, not worked out again from ratings.
    post(token, Map.of("rating-" + r.b(), "3")).statusCode(303);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "update item_result set median = 7 where group_id is null and"
                            + " round_item_id = (select previous_item_id from round_item where id"
                            + " = ?1)")
                    .setParameter(1, r.b())
                    .executeUpdate());
    post(token, Map.of("rating-" + r.b(), "3"))
        .statusCode(303)
        .header("Location", containsString("reasons=true"));
    assertThat(reasonsStep(token), containsString(label(r.b()) + "Your rating of statement "));

    // Reasons are exported as the reasons for a change are.
    answerAndSubmit(r.links().get(1), Map.of(r.a(), 6, r.b(), 6));
    RestAssured.given().post("/p/" + token + "/api/response/submit").then().statusCode(200);
    asCoordinator().post("/api/rounds/" + r.round() + "/close").then().statusCode(200);
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .build()
            .parse(
                new StringReader(
                    asCoordinator()
                        .get("/api/studies/" + r.study() + "/exports/ratings.csv")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString()))
            .getRecords();
    CSVRecord reasoned =
        rows.stream()
            .filter(
                row ->
                    row.get("panelist").equals("P001")
                        && row.get("round").equals("2")
                        && row.get("item_id").equals(Long.toString(r.a())))
            .findFirst()
            .orElseThrow();
    assertThat(reasoned.get("reason_for_change_given"), equalTo("1"));
    asCoordinator()
        .get("/api/studies/" + r.study() + "/report?format=json")
        .then()
        .body(
            "method.paragraphs",
            org.hamcrest.Matchers.hasItem(
                containsString(
                    "a panelist whose new rating lay 4 points or more from the panel's median of"
                        + " the previous round (|rating − median| ≥ 4) was also invited to give a"
                        + " reason")));
  }

  @Test
  void offByDefaultAFarRatingInTheSameBandAsksNothing() {
    RoundTwo r = roundTwo("Not far enough to ask", Map.of());
    asCoordinator()
        .get("/api/studies/" + r.study() + "/protocol")
        .then()
        .body("farFromMedianReason", equalTo(false))
        .body("$", not(org.hamcrest.Matchers.hasKey("farFromMedianDistance")));
    post(r.links().get(0), Map.of("rating-" + r.a(), "1", "rating-" + r.b(), "2"))
        .statusCode(303)
        .header("Location", endsWith("/review?saved=true"));
    String page =
        RestAssured.given()
            .get("/p/" + r.links().get(0) + "/sections/1")
            .then()
            .extract()
            .asString();
    assertThat(page, not(containsString("for=\"reason-")));
  }

  private static Feedback feedback(Integer own, Double median, Integer distance) {
    return new Feedback(
        1,
        own,
        false,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        List.of(),
        median == null ? null : new FarFromMedian(median, distance));
  }

  @Test
  void theRuleMeasuresFromTheMedianAsStoredHalvesIncluded() {
    ScaleView scale =
        new ScaleView(
            1, 9, List.of(), true, "I cannot rate this", "7–9", "1–3", false, "en", true, "en");
    // median 6.5, D = 3: 3 lies 3.5 away and asks; 4 lies 2.5 away and does not; 9.5 is no rating
    Feedback half = feedback(null, 6.5, 3);
    assertThat(BandRule.farFromMedian(half, "3"), equalTo(true));
    assertThat(BandRule.farFromMedian(half, "4"), equalTo(false));
    assertThat(BandRule.farFromMedian(half, "9"), equalTo(false));
    // above the median as below it: |9 − 6| = 3
    assertThat(BandRule.farFromMedian(feedback(null, 6.0, 3), "9"), equalTo(true));
    // "unable to rate", no answer, no median stored, or the option off: nothing to measure
    assertThat(BandRule.farFromMedian(half, SectionForm.UNABLE), equalTo(false));
    assertThat(BandRule.farFromMedian(half, null), equalTo(false));
    assertThat(BandRule.farFromMedian(null, "1"), equalTo(false));
    assertThat(BandRule.farFromMedian(feedback(null, null, null), "1"), equalTo(false));
    // either cause asks: the band rule still works alone
    assertThat(BandRule.asksReason(feedback(8, null, null), "2", scale), equalTo(true));
    assertThat(BandRule.asksReason(feedback(8, null, null), "7", scale), equalTo(false));
    assertThat(BandRule.asksReason(feedback(8, 8.0, 1), "7", scale), equalTo(true));
  }
}
