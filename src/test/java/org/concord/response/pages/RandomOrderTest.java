package org.concord.response.pages;

import static org.concord.Api.asCoordinator;
import static org.concord.response.pages.OptionStudies.flat;
import static org.concord.response.pages.OptionStudies.guidanceOrder;
import static org.concord.response.pages.OptionStudies.round;
import static org.concord.response.pages.OptionStudies.sections;
import static org.concord.response.pages.OptionStudies.tokens;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.concord.TestStudies;
import org.concord.panel.TokenService;
import org.junit.jupiter.api.Test;

/**
 * The protocol's random order: each panelist sees the statements of each section in an order drawn
 * once for them and the round, the same on every page and in the JSON API, recorded once and
 * exported with the ratings; off, everyone sees the guidance's order.
 */
@QuarkusTest
class RandomOrderTest {

  private static final Pattern STATEMENT = Pattern.compile("id=\"statement-(\\d+)\"");

  @Inject TokenService tokens;
  @Inject EntityManager em;

  private static TestStudies.Ids openStudy(String title, Map<String, Object> protocol, int n) {
    return TestStudies.study(title)
        .protocol(protocol)
        .sections(6, 1, 6)
        .statementsNamed("Practice point ")
        .panelists(n)
        .openRound();
  }

  /** The item ids of the section pages, in the order the HTML shows them. */
  private static List<Long> pageOrder(String token, int sections) {
    List<Long> order = new ArrayList<>();
    for (int n = 1; n <= sections; n++) {
      String html =
          RestAssured.given()
              .get("/p/" + token + "/sections/" + n)
              .then()
              .statusCode(200)
              .extract()
              .asString();
      Matcher m = STATEMENT.matcher(html);
      while (m.find()) {
        order.add(Long.parseLong(m.group(1)));
      }
    }
    return order;
  }

  /** How many positions are stored for the panelist of {@code token}'s current invitation. */
  private List<Object[]> storedPositions(long round, String token) {
    long panelist =
        QuarkusTransaction.requiringNew().call(() -> tokens.resolve(token).orElseThrow().id);
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                em.createNativeQuery(
                        "select sp.round_item_id, sp.position from shown_position sp"
                            + " join invitation i on i.id = sp.invitation_id"
                            + " where i.round_id = ?1 and i.panelist_id = ?2"
                            + " order by sp.position",
                        Object[].class)
                    .setParameter(1, round)
                    .setParameter(2, panelist)
                    .getResultList());
  }

  @Test
  void eachPanelistSeesEachSectionShuffledTheSameOnEveryPageAndInTheApi() {
    TestStudies.Ids ids = openStudy("Random order", Map.of("randomOrder", true), 20);
    List<List<Long>> guidance = guidanceOrder(ids.round());
    List<String> links = tokens(ids.study(), tokens, em);
    Set<List<Long>> orders = new HashSet<>();
    for (String token : links) {
      List<List<Long>> shown = sections(round(token));
      // sections keep their order; each is a permutation of its own statements
      assertThat(shown.size(), equalTo(guidance.size()));
      for (int s = 0; s < guidance.size(); s++) {
        assertThat(shown.get(s), containsInAnyOrder(guidance.get(s).toArray()));
      }
      orders.add(flat(shown));
    }
    // 720 × 720 orders each: twenty panelists all drawing the same one does not happen
    assertThat(orders.size(), greaterThan(1));

    String token = links.get(0);
    List<Long> api = flat(sections(round(token)));
    assertThat("a reload shows the same order", flat(sections(round(token))), equalTo(api));
    assertThat("the pages show the API's order", pageOrder(token, 3), equalTo(api));
    // the statement numbers follow the order shown: the first shown is "Statement 1"
    List<String> texts = round(token).getList("sections.items.flatten().text", String.class);
    RestAssured.given()
        .get("/p/" + token + "/sections/1")
        .then()
        .body(
            containsString(
                "Statement 1</span> <span class=\"statement-text\">" + texts.get(0) + "</span>"));

    // the review page lists the statements (none answered yet) in the same order
    String review =
        RestAssured.given()
            .get("/p/" + token + "/review")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    int at = -1;
    for (String text : texts) {
      int next = review.indexOf(text + "<", at + 1);
      assertThat("review shows " + text + " after the one before", next, greaterThan(at));
      at = next;
    }

    // recorded once: one position per statement, 1 … n in the order shown
    List<Object[]> stored = storedPositions(ids.round(), token);
    assertThat(stored.size(), equalTo(api.size()));
    for (int i = 0; i < stored.size(); i++) {
      assertThat(((Number) stored.get(i)[0]).longValue(), equalTo(api.get(i)));
      assertThat(((Number) stored.get(i)[1]).intValue(), equalTo(i + 1));
    }
  }

  @Test
  void firstOpensAtOnceRecordOneOrder() throws Exception {
    TestStudies.Ids ids = openStudy("Random order at once", Map.of("randomOrder", true), 1);
    String token = tokens(ids.study(), tokens, em).get(0);
    int views = 6;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(views);
    try {
      List<Future<List<Long>>> answers = new ArrayList<>();
      for (int i = 0; i < views; i++) {
        boolean page = i % 2 == 0;
        Callable<List<Long>> view =
            () -> {
              start.await();
              if (page) {
                RestAssured.given().get("/p/" + token + "/sections/1").then().statusCode(200);
              }
              return flat(sections(round(token)));
            };
        answers.add(pool.submit(view));
      }
      start.countDown();
      Set<List<Long>> seen = new HashSet<>();
      for (Future<List<Long>> answer : answers) {
        seen.add(answer.get());
      }
      assertThat("every view shows the one order", seen.size(), equalTo(1));
    } finally {
      pool.shutdownNow();
    }
    List<Object[]> stored = storedPositions(ids.round(), token);
    assertThat(stored.size(), equalTo(13));
    assertThat(
        flat(sections(round(token))),
        equalTo(stored.stream().map(r -> ((Number) r[0]).longValue()).toList()));

    // and the database refuses a second position for the same statement or the same place
    Object[] one = stored.get(0);
    long invitation =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ((Number)
                            em.createNativeQuery(
                                    "select invitation_id from shown_position where round_item_id"
                                        + " = ?1")
                                .setParameter(1, one[0])
                                .getSingleResult())
                        .longValue());
    assertThrows(
        PersistenceException.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () ->
                        em.createNativeQuery(
                                "insert into shown_position (id, invitation_id, round_item_id,"
                                    + " position, created_at, updated_at) values (?1, ?2, ?3, 99,"
                                    + " current_timestamp, current_timestamp)")
                            .setParameter(1, -1L)
                            .setParameter(2, invitation)
                            .setParameter(3, one[0])
                            .executeUpdate()));
  }

  @Test
  void theRatingsExportCarriesThePositionEachPanelistSawAndTheReportSaysTheOrderWasRandom()
      throws Exception {
    TestStudies.Ids ids = openStudy("Random order exported", Map.of("randomOrder", true), 2);
    List<String> links = tokens(ids.study(), tokens, em);
    Map<Long, Integer> shownTo1 = new HashMap<>();
    List<Long> order1 = flat(sections(round(links.get(0))));
    for (int i = 0; i < order1.size(); i++) {
      shownTo1.put(order1.get(i), i + 1);
    }
    List<Long> order2 = flat(sections(round(links.get(1))));
    Map<Long, Integer> ratings = new LinkedHashMap<>();
    order1.forEach(item -> ratings.put(item, 5));
    OptionStudies.answerAndSubmit(links.get(0), ratings);
    OptionStudies.answerAndSubmit(links.get(1), ratings);
    asCoordinator().post("/api/rounds/" + ids.round() + "/close").then().statusCode(200);

    List<CSVRecord> rows = csv(ids.study(), "ratings.csv");
    assertThat(rows.size(), equalTo(26));
    for (CSVRecord row : rows) {
      long item = Long.parseLong(row.get("item_id"));
      int expected =
          row.get("panelist").equals("P001") ? shownTo1.get(item) : order2.indexOf(item) + 1;
      assertThat(row.get("shown_position"), equalTo(Integer.toString(expected)));
    }
    List<CSVRecord> codebook = csv(ids.study(), "codebook.csv");
    assertThat(
        codebook.stream()
            .filter(r -> r.get("column_name").equals("shown_position"))
            .map(r -> r.get("description"))
            .toList(),
        hasItem(containsString("it is in this study's protocol")));
    asCoordinator()
        .get("/api/studies/" + ids.study() + "/report?format=json")
        .then()
        .statusCode(200)
        .body(
            "method.paragraphs[0]",
            containsString(
                "Within each section, the statements were shown to each panelist in a random"
                    + " order"));
  }

  @Test
  void offByDefaultEveryoneSeesTheGuidanceOrderAndNothingIsDrawn() throws Exception {
    TestStudies.Ids ids = openStudy("Guidance order", Map.of(), 3);
    asCoordinator()
        .get("/api/studies/" + ids.study() + "/protocol")
        .then()
        .body("randomOrder", equalTo(false));
    List<List<Long>> guidance = guidanceOrder(ids.round());
    List<String> links = tokens(ids.study(), tokens, em);
    for (String token : links) {
      assertThat(sections(round(token)), equalTo(guidance));
      assertThat(pageOrder(token, 3), equalTo(flat(guidance)));
      assertThat(storedPositions(ids.round(), token).size(), equalTo(0));
    }
    Map<Long, Integer> ratings = new LinkedHashMap<>();
    flat(guidance).forEach(item -> ratings.put(item, 7));
    OptionStudies.answerAndSubmit(links.get(0), ratings);
    List<CSVRecord> rows = csv(ids.study(), "ratings.csv");
    assertThat(rows.size(), equalTo(13));
    for (CSVRecord row : rows) {
      assertThat(
          row.get("shown_position"),
          equalTo(
              Integer.toString(flat(guidance).indexOf(Long.parseLong(row.get("item_id"))) + 1)));
    }
    asCoordinator()
        .get("/api/studies/" + ids.study() + "/report?format=json")
        .then()
        .body(
            "method.paragraphs[0]",
            containsString(
                "Every panelist saw the statements in the same order, the order of the guidance."))
        .body("method.paragraphs[0]", not(containsString("random")));
  }

  private static List<CSVRecord> csv(long study, String file) throws Exception {
    String text =
        asCoordinator()
            .get("/api/studies/" + study + "/exports/" + file)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .build()
        .parse(new StringReader(text))
        .getRecords();
  }
}
