package org.concord.response.pages;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A panelist's language: from the panel file, the team or their own choice on the language switch;
 * their pages come in it without {@code ?lang=}, with the study's translated texts, Concord's own
 * Welsh scale labels, and untranslated study text marked with its language; answers pool.
 */
@QuarkusTest
class PanelistLanguageTest {

  private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_form\" value=\"([^\"]+)\"");

  @Inject MockMailbox mailbox;
  @Inject MailDispatcher dispatcher;

  @BeforeEach
  void clearMail() {
    mailbox.clear();
  }

  /** What a test works on: the study, its round and each panelist's link. */
  record Run(long study, long round, String welsh, String english) {}

  /**
   * A study whose first statement and section carry Welsh in the guidance file and whose second
   * statement does not; Carys reads Welsh (the panel file says so), Emma has no language set.
   */
  private Run run(String title, Map<String, Object> protocol) {
    return open(draft(title, protocol));
  }

  /** The study with round 1 as a draft: {study, round}. */
  private long[] draft(String title, Map<String, Object> protocol) {
    long study =
        asCoordinator()
            .contentType(ContentType.JSON)
            .body(Map.of("title", title, "protocol", TestStudies.smallPanel(protocol)))
            .post("/api/studies")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    asCoordinator()
        .contentType("text/csv; charset=UTF-8")
        .body(
            "section,statement,id,section_cy,statement_cy\n"
                + "Meeting people,Workers ask what matters to the person.,A1,Cwrdd â phobl,"
                + "Mae gweithwyr yn gofyn beth sy'n bwysig i'r person.\n"
                + "Meeting people,Workers keep in touch after the first meeting.,A2,,\n")
        .post("/api/studies/" + study + "/guidance")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200);
    asCoordinator()
        .contentType("text/csv; charset=UTF-8")
        .body(
            "name,email,group,language\n"
                + "Carys,carys-"
                + study
                + "@example.org,Carers,cy\n"
                + "Emma,emma-"
                + study
                + "@example.org,Carers,\n")
        .post("/api/studies/" + study + "/panel")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200);
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

  private Run open(long[] ids) {
    TestStudies.open(ids[1]);
    dispatcher.dispatchDue();
    return new Run(ids[0], ids[1], token("carys-" + ids[0]), token("emma-" + ids[0]));
  }

  private String token(String who) {
    return Links.tokenIn(mailbox.getMailsSentTo(who + "@example.org").get(0));
  }

  private static RequestSpecification browser() {
    return RestAssured.given().redirects().follow(false);
  }

  private static String formToken(String html) {
    Matcher m = FORM_TOKEN.matcher(html);
    assertThat("a form token on the page", m.find(), equalTo(true));
    return m.group(1);
  }

  @Test
  void aWelshPanelistFromThePanelFileReadsWelshWithoutAskingAndUntranslatedTextIsMarkedEnglish() {
    Run run = run("Iaith one", Map.of());
    String html =
        browser()
            .get("/p/" + run.welsh() + "/sections/1")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(html, containsString("<html lang=\"cy\">"));
    assertThat(html, containsString("<h1>Cwrdd â phobl</h1>"));
    assertThat(
        html,
        containsString(
            "<span class=\"statement-text\">Mae gweithwyr yn gofyn beth sy&#39;n bwysig i&#39;r"
                + " person.</span>"));
    assertThat(
        html,
        containsString(
            "<span class=\"statement-text\" lang=\"en\">Workers keep in touch after the first"
                + " meeting.</span>"));
    // Concord's own default labels, in Welsh from the messages file, not marked as another language
    assertThat(html, containsString("<span class=\"point-label\">Cytuno&#39;n gryf</span>"));
    assertThat(html, containsString("<span class=\"point-label\">Ni allaf roi sgôr i hyn</span>"));
    assertThat(html, not(containsString("Strongly agree")));
    // the study's name has no Welsh: it is marked English in the Welsh header
    assertThat(html, containsString("<span lang=\"en\">Iaith one</span>"));

    // the JSON API gives the same texts, each with its language
    var api = RestAssured.given().get("/p/" + run.welsh() + "/api/round").jsonPath();
    assertThat(api.getString("lang"), equalTo("cy"));
    assertThat(api.getString("sections[0].title"), equalTo("Cwrdd â phobl"));
    assertThat(api.getString("sections[0].items[0].lang"), equalTo("cy"));
    assertThat(api.getString("sections[0].items[1].lang"), equalTo("en"));
    assertThat(
        RestAssured.given()
            .get("/p/" + run.welsh() + "/api/round?lang=en")
            .jsonPath()
            .getString("sections[0].title"),
        equalTo("Meeting people"));

    String english = browser().get("/p/" + run.english() + "/sections/1").asString();
    assertThat(english, containsString("<html lang=\"en\">"));
    assertThat(english, containsString("<h1>Meeting people</h1>"));
    assertThat(english, containsString("<span class=\"point-label\">Strongly agree</span>"));
    assertThat(english, not(containsString("lang=\"cy\">Mae")));
  }

  @Test
  void aStatementRewordedAfterItsTranslationIsShownInItsNewWordingMarkedEnglish() {
    long[] ids = draft("Iaith reworded", Map.of());
    long first =
        asCoordinator()
            .get("/api/studies/" + ids[0] + "/statements")
            .jsonPath()
            .getLong("items[0].id");
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("text", "Workers ask what matters most to the person."))
        .patch("/api/statements/" + first)
        .then()
        .statusCode(200);
    Run run = open(ids);
    browser()
        .get("/p/" + run.welsh() + "/sections/1")
        .then()
        .body(
            containsString(
                "<span class=\"statement-text\" lang=\"en\">Workers ask what matters most to the"
                    + " person.</span>"))
        .body(not(containsString("Mae gweithwyr yn gofyn")));
  }

  @Test
  void theAddressOutranksTheStoredLanguageAndTheStudysLanguageComesBeforeEnglish() {
    Run run = run("Iaith two", Map.of());
    browser()
        .get("/p/" + run.welsh() + "?lang=en")
        .then()
        .body(containsString("<html lang=\"en\">"))
        .body(containsString("Welcome to round 1"));
    // Emma has no language stored and her browser names none: the study's language decides
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("language", "cy"))
        .put("/api/studies/" + run.study() + "/language")
        .then()
        .statusCode(204);
    browser()
        .get("/p/" + run.english())
        .then()
        .body(containsString("<html lang=\"cy\">"))
        .body(containsString("Croeso i rownd 1"));
    // her browser's English comes before the study's Welsh
    browser()
        .header("Accept-Language", "en-GB,en;q=0.8")
        .get("/p/" + run.english())
        .then()
        .body(containsString("<html lang=\"en\">"));
  }

  @Test
  void theLanguageSwitchIsAPostThatIsRememberedOnTheNextPagesAndInThePanelistsRecord() {
    Run run = run("Iaith three", Map.of());
    String html = browser().get("/p/" + run.english() + "/review").asString();
    assertThat(
        html,
        containsString(
            "<button type=\"submit\" name=\"language\" value=\"cy\" lang=\"cy\">Cymraeg</button>"));
    assertThat(html, containsString("<span lang=\"en\" aria-current=\"true\">English</span>"));
    assertThat(html, containsString("<input type=\"hidden\" name=\"back\" value=\"/review\">"));
    // without the form's token nothing changes
    browser()
        .contentType("application/x-www-form-urlencoded")
        .formParam("language", "cy")
        .post("/p/" + run.english() + "/language")
        .then()
        .statusCode(403);
    browser().get("/p/" + run.english()).then().body(containsString("<html lang=\"en\">"));

    browser()
        .contentType("application/x-www-form-urlencoded")
        .formParam("_form", formToken(html))
        .formParam("language", "cy")
        .formParam("back", "/review")
        .post("/p/" + run.english() + "/language")
        .then()
        .statusCode(303)
        .header("Location", endsWith("/p/" + run.english() + "/review"));
    browser()
        .get("/p/" + run.english() + "/sections/1")
        .then()
        .body(containsString("<html lang=\"cy\">"))
        .body(containsString("<h1>Cwrdd â phobl</h1>"));
    List<Map<String, Object>> panel =
        asCoordinator()
            .get("/api/studies/" + run.study() + "/panelists")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items");
    assertThat(
        panel.stream()
            .filter(p -> "Emma".equals(p.get("name")))
            .findFirst()
            .orElseThrow()
            .get("language"),
        equalTo("cy"));
    // a return address outside the link's pages goes back to the start page
    browser()
        .contentType("application/x-www-form-urlencoded")
        .formParam("_form", formToken(html))
        .formParam("language", "en")
        .formParam("back", "//elsewhere.example")
        .post("/p/" + run.english() + "/language")
        .then()
        .statusCode(303)
        .header("Location", not(containsString("elsewhere")));
  }

  @Test
  void theTeamSetsAPanelistsLanguageAndAPanelFileWithAnUnknownLanguageIsRefusedByLine() {
    Run run = run("Iaith four", Map.of());
    long emma =
        asCoordinator()
            .get("/api/studies/" + run.study() + "/panelists")
            .then()
            .extract()
            .jsonPath()
            .getLong("items.find { it.name == 'Emma' }.id");
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("language", "cy"))
        .patch("/api/panelists/" + emma)
        .then()
        .statusCode(200)
        .body("language", equalTo("cy"));
    browser().get("/p/" + run.english()).then().body(containsString("<html lang=\"cy\">"));
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("language", "fr"))
        .patch("/api/panelists/" + emma)
        .then()
        .statusCode(400);
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("language", ""))
        .patch("/api/panelists/" + emma)
        .then()
        .statusCode(200)
        .body("language", nullValue());

    asCoordinator()
        .contentType("text/csv; charset=UTF-8")
        .body(
            "name,email,group,language\n"
                + "Ffion,ffion-"
                + run.study()
                + "@example.org,Carers,cy\n"
                + "Jean,jean-"
                + run.study()
                + "@example.org,Carers,fr\n")
        .post("/api/studies/" + run.study() + "/panel")
        .then()
        .statusCode(422)
        .body("errors.line", hasItem(3))
        .body("errors.column", hasItem(4))
        .body(containsString("\\\"fr\\\" is not a language Concord speaks"));
  }

  @Test
  void studyWrittenLabelsAreStudyTextMarkedUntilEveryPointIsTranslated() {
    Map<String, Object> protocol =
        Map.of(
            "scale",
            Map.of(
                "min",
                1,
                "max",
                3,
                "labels",
                List.of("Not at all", "Partly", "Fully"),
                "agree",
                Map.of("low", 3, "high", 3),
                "disagree",
                Map.of("low", 1, "high", 1),
                "unableToRateAllowed",
                true,
                "unableToRateLabel",
                "Not my area"));
    Run run = run("Iaith five", protocol);
    String html = browser().get("/p/" + run.welsh() + "/sections/1").asString();
    assertThat(html, containsString("<span class=\"point-label\" lang=\"en\">Fully</span>"));
    assertThat(html, containsString("<span class=\"point-label\" lang=\"en\">Not my area</span>"));
    String[] welsh = {"Dim o gwbl", "Yn rhannol", "Yn llwyr"};
    for (int v = 1; v <= 3; v++) {
      translate(run.study(), "SCALE_LABEL", v, welsh[v - 1]);
    }
    translate(run.study(), "UNABLE_LABEL", 0, "Nid fy maes i");
    html = browser().get("/p/" + run.welsh() + "/sections/1").asString();
    assertThat(html, containsString("<span class=\"point-label\">Yn llwyr</span>"));
    assertThat(html, containsString("<span class=\"point-label\">Nid fy maes i</span>"));
    // a point outside the scale is refused
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("kind", "SCALE_LABEL", "target", 4, "language", "cy", "text", "Dim"))
        .put("/api/studies/" + run.study() + "/translations")
        .then()
        .statusCode(400);
  }

  @Test
  void ratingsInWelshAndEnglishPoolInOneResultPerStatement() {
    Run run = run("Iaith six", Map.of());
    List<Long> items =
        RestAssured.given()
            .get("/p/" + run.welsh() + "/api/round")
            .jsonPath()
            .getList("sections.items.flatten().itemId", Long.class);
    assertThat(
        RestAssured.given()
            .get("/p/" + run.english() + "/api/round")
            .jsonPath()
            .getList("sections.items.flatten().itemId", Long.class),
        equalTo(items));
    for (String token : List.of(run.welsh(), run.english())) {
      RestAssured.given()
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "consent",
                  true,
                  "ratings",
                  List.of(
                      Map.of("itemId", items.get(0), "value", 8),
                      Map.of("itemId", items.get(1), "value", 9))))
          .put("/p/" + token + "/api/response")
          .then()
          .statusCode(200);
      RestAssured.given().post("/p/" + token + "/api/response/submit").then().statusCode(200);
    }
    asCoordinator().post("/api/rounds/" + run.round() + "/close").then().statusCode(200);
    var results =
        asCoordinator()
            .get("/api/rounds/" + run.round() + "/results")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(results.getList("items"), org.hamcrest.Matchers.hasSize(2));
    assertThat(results.getLong("items[0].statistics.n"), equalTo(2L));
    assertThat(
        results.getString("items[0].text"), equalTo("Workers ask what matters to the person."));
  }

  private static void translate(long study, String kind, long target, String text) {
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("kind", kind, "target", target, "language", "cy", "text", text))
        .put("/api/studies/" + study + "/translations")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200);
  }
}
