package org.concord;

import static org.concord.Api.asCoordinator;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Studies set up through the API as a study team does: the one fixture builder of the tests.
 *
 * <pre>{@code
 * TestStudies.Ids ids = TestStudies.study("Title").sections(3, 2).panelists(10).openRound();
 * }</pre>
 */
public final class TestStudies {

  private TestStudies() {}

  /**
   * The tests' panels are a handful of people, so the guards a real study needs (a minimum n per
   * statement, a minimum response per round) are off unless a test sets them; {@code
   * ResultsGuardsTest} tests the guards themselves.
   */
  public static final Map<String, Object> SMALL_PANEL =
      Map.of("minimumN", 0, "minimumResponsePercent", 0);

  /** What a fixture made: the study and its round 1 (0 when none was made). */
  public record Ids(long study, long round) {}

  public static Builder study(String title) {
    return new Builder(title);
  }

  /** A study under construction; nothing is sent before one of the last three calls. */
  public static final class Builder {
    private final String title;
    private String description;
    private Map<String, Object> protocol = SMALL_PANEL;
    private int[] sections = {1};
    private String statementPrefix = "Statement number ";
    private int panelists;
    private String namePrefix = "P";
    private boolean studyInEmail = true;
    private IntFunction<String> group = i -> "Practitioners";
    private Supplier<RequestSpecification> coordinator = Api::asCoordinator;

    private Builder(String title) {
      this.title = title;
    }

    public Builder description(String text) {
      this.description = text;
      return this;
    }

    /** Protocol fields on top of {@link #SMALL_PANEL}. */
    public Builder protocol(Map<String, Object> fields) {
      this.protocol = smallPanel(fields);
      return this;
    }

    /**
     * One section per argument with that many statements, numbered through the study; sections
     * "Section 1" … with the introduction "About section 1" ….
     */
    public Builder sections(int... statementsPerSection) {
      this.sections = statementsPerSection;
      return this;
    }

    /** Statements worded "{@code prefix}1", "{@code prefix}2" … through the study. */
    public Builder statementsNamed(String prefix) {
      this.statementPrefix = prefix;
      return this;
    }

    /**
     * {@code count} panelists named P1 … with emails {@code p<i>-<study>@example.org}, so that
     * studies in one database have distinct addresses.
     */
    public Builder panelists(int count) {
      this.panelists = count;
      return this;
    }

    /** The group of panelist {@code i} (from 1); Practitioners unless set. */
    public Builder groups(IntFunction<String> groupOfPanelist) {
      this.group = groupOfPanelist;
      return this;
    }

    /** Names "{@code prefix}1" …; and emails without the study's id, for a database of one. */
    public Builder names(String prefix, boolean studyInEmail) {
      this.namePrefix = prefix;
      this.studyInEmail = studyInEmail;
      return this;
    }

    /** Where requests go: a packaged application on its own port, for instance. */
    public Builder as(Supplier<RequestSpecification> coordinator) {
      this.coordinator = coordinator;
      return this;
    }

    /** The study with its guidance and panel, no round. */
    public Ids create() {
      Map<String, Object> body = new HashMap<>();
      body.put("title", title);
      body.put("protocol", protocol);
      if (description != null) {
        body.put("description", description);
      }
      long study =
          coordinator
              .get()
              .contentType(ContentType.JSON)
              .body(body)
              .post("/api/studies")
              .then()
              .statusCode(201)
              .extract()
              .jsonPath()
              .getLong("id");
      coordinator
          .get()
          .contentType("text/markdown")
          .body(guidance())
          .post("/api/studies/" + study + "/guidance")
          .then()
          .statusCode(200);
      if (panelists > 0) {
        coordinator
            .get()
            .contentType("text/csv")
            .body(panel(study))
            .post("/api/studies/" + study + "/panel")
            .then()
            .statusCode(200);
      }
      return new Ids(study, 0);
    }

    /** The study with round 1 as a draft. */
    public Ids draftRound() {
      long study = create().study();
      long round =
          coordinator
              .get()
              .contentType(ContentType.JSON)
              .body("{}")
              .post("/api/studies/" + study + "/rounds")
              .then()
              .statusCode(201)
              .extract()
              .jsonPath()
              .getLong("id");
      return new Ids(study, round);
    }

    /** The study with round 1 open: its invitations are in the outbox. */
    public Ids openRound() {
      Ids ids = draftRound();
      coordinator
          .get()
          .contentType(ContentType.JSON)
          .body("{}")
          .post("/api/rounds/" + ids.round() + "/open")
          .then()
          .statusCode(200);
      return ids;
    }

    private String guidance() {
      StringBuilder text = new StringBuilder();
      int n = 0;
      for (int s = 0; s < sections.length; s++) {
        text.append("## Section ").append(s + 1).append("\n\nAbout section ").append(s + 1);
        text.append("\n\n");
        for (int i = 0; i < sections[s]; i++) {
          text.append("- ").append(statementPrefix).append(++n).append('\n');
        }
        text.append('\n');
      }
      return text.toString();
    }

    private String panel(long study) {
      StringBuilder csv = new StringBuilder("name,email,group\n");
      for (int i = 1; i <= panelists; i++) {
        csv.append(namePrefix).append(i).append(",p").append(i);
        if (studyInEmail) {
          csv.append('-').append(study);
        }
        csv.append("@example.org,").append(group.apply(i)).append('\n');
      }
      return csv.toString();
    }
  }

  /**
   * A study with one section of {@code statements} statements and {@code panelists} panelists
   * (first half Practitioners, the rest Carers), with round 1 created as a draft. Returns {study,
   * round}.
   */
  public static long[] withDraftRound(
      String title, int statements, int panelists, Map<String, Object> protocol) {
    Ids ids =
        study(title)
            .protocol(protocol)
            .sections(statements)
            .panelists(panelists)
            .groups(i -> i <= (panelists + 1) / 2 ? "Practitioners" : "Carers")
            .draftRound();
    return new long[] {ids.study(), ids.round()};
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
