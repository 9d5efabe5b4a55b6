package org.concord;

import static org.concord.Api.asCoordinator;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;

/** Studies set up through the API, ready for a round. */
public final class TestStudies {

  private TestStudies() {}

  /**
   * The tests' panels are a handful of people, so the guards a real study needs (a minimum n per
   * statement, a minimum response per round) are off unless a test sets them; {@code
   * ResultsGuardsTest} tests the guards themselves.
   */
  public static final Map<String, Object> SMALL_PANEL =
      Map.of("minimumN", 0, "minimumResponsePercent", 0);

  /**
   * A study with one section of {@code statements} statements and {@code panelists} panelists
   * (first half Practitioners, the rest Carers), with round 1 created as a draft. Returns {study,
   * round}.
   */
  public static long[] withDraftRound(
      String title, int statements, int panelists, Map<String, Object> protocol) {
    long study =
        asCoordinator()
            .contentType(ContentType.JSON)
            .body(Map.of("title", title, "protocol", smallPanel(protocol)))
            .post("/api/studies")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    StringBuilder guidance = new StringBuilder("## Section one\n");
    for (int i = 1; i <= statements; i++) {
      guidance.append("- Statement number ").append(i).append('\n');
    }
    asCoordinator()
        .contentType("text/markdown")
        .body(guidance.toString())
        .post("/api/studies/" + study + "/guidance")
        .then()
        .statusCode(200);
    if (panelists > 0) {
      StringBuilder panel = new StringBuilder("name,email,group\n");
      for (int i = 1; i <= panelists; i++) {
        panel
            .append("P")
            .append(i)
            .append(",p")
            .append(i)
            .append("-")
            .append(study)
            .append("@example.org,")
            .append(i <= (panelists + 1) / 2 ? "Practitioners" : "Carers")
            .append('\n');
      }
      asCoordinator()
          .contentType("text/csv")
          .body(panel.toString())
          .post("/api/studies/" + study + "/panel")
          .then()
          .statusCode(200);
    }
    long round =
        asCoordinator()
            .contentType(ContentType.JSON)
            .body("{}")
            .post("/api/studies/" + study + "/rounds")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    return new long[] {study, round};
  }

  public static Map<String, Object> smallPanel(Map<String, Object> protocol) {
    Map<String, Object> merged = new HashMap<>(SMALL_PANEL);
    if (protocol != null) {
      merged.putAll(protocol);
    }
    return merged;
  }

  public static void open(long round) {
    asCoordinator()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/rounds/" + round + "/open")
        .then()
        .statusCode(200);
  }
}
