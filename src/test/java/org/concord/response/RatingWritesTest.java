package org.concord.response;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A save writes its ratings in batched statements: exactly what was sent, once per statement. */
@QuarkusTest
class RatingWritesTest {

  private static final int STATEMENTS = 25;

  @Inject MockMailbox mailbox;
  @Inject MailDispatcher dispatcher;
  @Inject EntityManagerFactory emf;

  long study;
  List<Long> items;

  @BeforeEach
  void openARound() {
    mailbox.clear();
    long[] ids = TestStudies.withDraftRound("Rating writes", STATEMENTS, 3, Map.of());
    study = ids[0];
    TestStudies.open(ids[1]);
    dispatcher.dispatchDue();
    items =
        panelist(token(1)).get("/round").jsonPath().getList("sections[0].items.itemId", Long.class);
  }

  private String token(int panelist) {
    return Links.tokenIn(
        mailbox.getMailsSentTo("p" + panelist + "-" + study + "@example.org").get(0));
  }

  private static RequestSpecification panelist(String token) {
    return RestAssured.given().basePath("/p/" + token + "/api");
  }

  private static Map<String, Object> rating(long itemId, Integer value, String reason) {
    Map<String, Object> rating = new HashMap<>();
    rating.put("itemId", itemId);
    rating.put("value", value);
    if (reason != null) {
      rating.put("reasonForChange", reason);
    }
    return rating;
  }

  private static void save(String token, List<Map<String, Object>> ratings) {
    panelist(token)
        .contentType(ContentType.JSON)
        .body(Map.of("consent", true, "ratings", ratings))
        .put("/response")
        .then()
        .statusCode(200);
  }

  /** The stored answers, by item id: value, unable to rate, reason. */
  private static Map<Long, List<Object>> stored(String token) {
    Map<Long, List<Object>> answers = new HashMap<>();
    List<Map<String, Object>> rows =
        panelist(token).get("/round").jsonPath().getList("response.ratings");
    for (Map<String, Object> row : rows) {
      Long itemId = ((Number) row.get("itemId")).longValue();
      assertThat("one row per statement", answers.containsKey(itemId), equalTo(false));
      answers.put(
          itemId,
          java.util.Arrays.asList(
              row.get("value"), row.get("unableToRate"), row.get("reasonForChange")));
    }
    return answers;
  }

  @Test
  void aSaveStoresExactlyWhatItSentAndALaterSaveReplacesIt() {
    String token = token(1);
    List<Map<String, Object>> first = new ArrayList<>();
    Map<Long, List<Object>> expected = new HashMap<>();
    for (int i = 0; i < STATEMENTS; i++) {
      int value = 1 + i % 9;
      first.add(rating(items.get(i), value, null));
      expected.put(items.get(i), java.util.Arrays.asList(value, false, null));
    }
    save(token, first);
    assertThat(stored(token), equalTo(expected));

    Map<String, Object> unable = new HashMap<>();
    unable.put("itemId", items.get(2));
    unable.put("unableToRate", true);
    save(
        token,
        List.of(
            rating(items.get(0), 9, "  I read more  "),
            rating(items.get(1), null, null),
            unable,
            rating(items.get(3), 4, null),
            rating(items.get(3), 5, null)));
    expected.put(items.get(0), java.util.Arrays.asList(9, false, "I read more"));
    expected.remove(items.get(1));
    expected.put(items.get(2), java.util.Arrays.asList(null, true, null));
    expected.put(items.get(3), java.util.Arrays.asList(5, false, null));
    assertThat(stored(token), equalTo(expected));

    // a value without a reason keeps the stored reason; a blank one clears it
    save(token, List.of(rating(items.get(0), 8, null), rating(items.get(1), 3, "")));
    expected.put(items.get(0), java.util.Arrays.asList(8, false, "I read more"));
    expected.put(items.get(1), java.util.Arrays.asList(3, false, null));
    assertThat(stored(token), equalTo(expected));
    save(token, List.of(rating(items.get(0), 8, " ")));
    expected.put(items.get(0), java.util.Arrays.asList(8, false, null));
    assertThat(stored(token), equalTo(expected));
  }

  @Test
  void theStatementsOfASaveDoNotGrowWithItsRatings() {
    long[] one = cost(token(2), 1);
    long[] all = cost(token(3), STATEMENTS);
    assertThat(
        "entities loaded and inserted", all[1] + "/" + all[2], equalTo(one[1] + "/" + one[2]));
    // the rating ids come from the sequence 50 at a time: a save may draw one block more
    assertThat("statements", all[0] - one[0] <= 1, equalTo(true));
  }

  /**
   * SQL statements prepared, entities loaded and entities inserted by a first save of n ratings.
   */
  private long[] cost(String token, int n) {
    List<Map<String, Object>> ratings = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ratings.add(rating(items.get(i), 5, null));
    }
    Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
    long prepared = statistics.getPrepareStatementCount();
    long loaded = statistics.getEntityLoadCount();
    long inserted = statistics.getEntityInsertCount();
    save(token, ratings);
    return new long[] {
      statistics.getPrepareStatementCount() - prepared,
      statistics.getEntityLoadCount() - loaded,
      statistics.getEntityInsertCount() - inserted
    };
  }
}
