package org.concord.common;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.concord.web.ConsoleSession;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A NUL character (U+0000) in any text that comes in is removed: it means nothing in human text,
 * nobody sees one they pasted, and PostgreSQL cannot store it. Each way in is tried here, on H2 and
 * on PostgreSQL alike: none may answer 5xx, and what is stored is the text without its NUL.
 */
@QuarkusTest
class NulCharacterTest {

  private static final String NUL = "\u0000";
  private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_form\" value=\"([^\"]+)\"");

  @Inject MockMailbox mailbox;
  @Inject MailDispatcher dispatcher;
  @Inject EntityManagerFactory entityManagerFactory;

  @BeforeEach
  void clearMail() {
    mailbox.clear();
  }

  @Test
  void aJsonTextIsStoredWithoutItsNul() {
    long study =
        asCoordinator()
            .contentType(ContentType.JSON)
            .body(Map.of("title", "Nul" + NUL + " in the title", "description", NUL + "About"))
            .post("/api/studies")
            .then()
            .statusCode(201)
            .body("title", equalTo("Nul in the title"))
            .extract()
            .jsonPath()
            .getLong("id");
    asCoordinator()
        .get("/api/studies/" + study)
        .then()
        .statusCode(200)
        .body("title", equalTo("Nul in the title"))
        .body("description", equalTo("About"));
  }

  @Test
  void aTextOfNothingButNulIsEmptyAndRefusedAsEmpty() {
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("title", NUL + NUL))
        .post("/api/studies")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("title"));
  }

  @Test
  void aJsonMapKeyAndValueLoseTheirNul() {
    long study = TestStudies.study("Nul attributes").create().study();
    long group =
        asCoordinator()
            .contentType(ContentType.JSON)
            .body(Map.of("name", "Car" + NUL + "ers"))
            .post("/api/studies/" + study + "/groups")
            .then()
            .statusCode(201)
            .body("name", equalTo("Carers"))
            .extract()
            .jsonPath()
            .getLong("id");
    long panelist =
        asCoordinator()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "name",
                    "Ann" + NUL + " Lee",
                    "email",
                    "ann-" + study + "@example.org",
                    "groupId",
                    group,
                    "attributes",
                    Map.of("reg" + NUL + "ion", "No" + NUL + "rth")))
            .post("/api/studies/" + study + "/panelists")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    asCoordinator()
        .get("/api/panelists/" + panelist)
        .then()
        .statusCode(200)
        .body("name", equalTo("Ann Lee"))
        .body("group", equalTo("Carers"))
        .body("attributes.region", equalTo("North"));
  }

  @Test
  void aPanelistCommentLosesItsNulInJsonAndInAForm() {
    TestStudies.Ids ids =
        TestStudies.study("Nul comments")
            .sections(2)
            .statementsNamed("Statement ")
            .panelists(1)
            .openRound();
    dispatcher.dispatchDue();
    String token =
        Links.tokenIn(mailbox.getMailsSentTo("p1-" + ids.study() + "@example.org").get(0));
    List<Long> items = round(token).getList("sections.items.flatten().itemId", Long.class);

    RestAssured.given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "consent",
                true,
                "comments",
                List.of(Map.of("itemId", items.get(0), "text", "Clear" + NUL + " wording"))))
        .put("/p/" + token + "/api/response")
        .then()
        .statusCode(200);

    Matcher form = FORM_TOKEN.matcher(RestAssured.get("/p/" + token).asString());
    assertThat("a form token on the page", form.find(), equalTo(true));
    RestAssured.given()
        .redirects()
        .follow(false)
        .contentType("application/x-www-form-urlencoded; charset=UTF-8")
        .formParam("_form", form.group(1))
        .formParam("rating-" + items.get(1), "7")
        .formParam("comment-" + items.get(1), "Too" + NUL + " vague")
        .formParam("action", "continue")
        .post("/p/" + token + "/sections/1")
        .then()
        .statusCode(303);

    JsonPath saved = round(token);
    assertThat(
        saved.getString("response.comments.find { it.itemId == " + items.get(0) + " }.text"),
        equalTo("Clear wording"));
    assertThat(
        saved.getString("response.comments.find { it.itemId == " + items.get(1) + " }.text"),
        equalTo("Too vague"));
  }

  @Test
  void uploadedGuidanceAndPanelFilesLoseTheirNul() {
    long study =
        asCoordinator()
            .contentType(ContentType.JSON)
            .body(Map.of("title", "Nul uploads"))
            .post("/api/studies")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    asCoordinator()
        .contentType("text/markdown")
        .body("## Sec" + NUL + "tion\n\n- Mark" + NUL + "down statement\n")
        .post("/api/studies/" + study + "/guidance")
        .then()
        .statusCode(200);
    asCoordinator()
        .contentType("text/csv")
        .body("Section,Statement\nSection,CSV" + NUL + " statement\n")
        .post("/api/studies/" + study + "/guidance")
        .then()
        .statusCode(200);
    // In a JSON file the NUL may also come as an escape, which reading the file as text keeps.
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(
            "{\"sections\": [{\"title\": \"Section\", \"statements\":"
                + " [\"JSON\\u0000 statement\", {\"text\": \"Object\\u0000 statement\"}]}]}")
        .post("/api/studies/" + study + "/guidance")
        .then()
        .statusCode(200);
    asCoordinator()
        .get("/api/studies/" + study + "/statements?size=100")
        .then()
        .statusCode(200)
        .body(
            "items.text",
            equalTo(
                List.of(
                    "Markdown statement", "CSV statement", "JSON statement", "Object statement")));

    asCoordinator()
        .contentType("text/csv")
        .body("name,email,group\nBo" + NUL + "b,bob-" + study + "@example.org,Car" + NUL + "ers\n")
        .post("/api/studies/" + study + "/panel")
        .then()
        .statusCode(200);
    asCoordinator()
        .get("/api/studies/" + study + "/panelists")
        .then()
        .statusCode(200)
        .body("items.name", equalTo(List.of("Bob")))
        .body("items.group", equalTo(List.of("Carers")));
  }

  @Test
  void consoleUploadsAndFormFieldsLoseTheirNul() {
    long study = TestStudies.study("Nul console").create().study();
    ConsoleSession coordinator = ConsoleSession.coordinator();

    String csv = "name,email,group\nCy" + NUL + "ra,cyra-" + study + "@example.org,Carers\n";
    Response preview =
        coordinator.upload(
            "/console/studies/" + study + "/panel/preview",
            "file",
            "panel.csv",
            csv.getBytes(StandardCharsets.UTF_8),
            Map.of());
    preview.then().statusCode(200);
    String page = preview.asString();
    assertThat(page, not(containsString(NUL)));
    assertThat(page, containsString("<th scope=\"row\">Cyra</th>"));
    Matcher hidden = Pattern.compile("name=\"csv\" value=\"([^\"]*)\"").matcher(page);
    assertThat(hidden.find(), equalTo(true));
    coordinator
        .post(
            "/console/studies/" + study + "/panel/import",
            Map.of("csv", Parser.unescapeEntities(hidden.group(1), true)))
        .then()
        .statusCode(303);

    // A text field of a multipart form: the pasted panel.
    String pasted = "name,email,group\nDa" + NUL + "n,dan-" + study + "@example.org,Carers\n";
    Response pastedPreview =
        coordinator.upload(
            "/console/studies/" + study + "/panel/preview",
            "file",
            "",
            new byte[0],
            Map.of("csv", pasted));
    pastedPreview.then().statusCode(200);
    assertThat(pastedPreview.asString(), not(containsString(NUL)));
    assertThat(pastedPreview.asString(), containsString("<th scope=\"row\">Dan</th>"));

    coordinator
        .upload(
            "/console/studies/" + study + "/guidance/preview",
            "file",
            "guidance.md",
            ("## Console" + NUL + " section\n\n- Uploaded" + NUL + " statement\n")
                .getBytes(StandardCharsets.UTF_8),
            Map.of())
        .then()
        .statusCode(200)
        .body(not(containsString(NUL)))
        .body(containsString("Uploaded statement"));

    long panelist =
        asCoordinator()
            .get("/api/studies/" + study + "/panelists")
            .then()
            .body("items.name", equalTo(List.of("Cyra")))
            .extract()
            .jsonPath()
            .getLong("items[0].id");
    long group =
        asCoordinator()
            .get("/api/panelists/" + panelist)
            .then()
            .extract()
            .jsonPath()
            .getLong("groupId");
    coordinator
        .post(
            "/console/panelists/" + panelist,
            Map.of(
                "name", "Cyra" + NUL + " Jones",
                "email", "cyra-" + study + "@example.org" + NUL,
                "groupId", String.valueOf(group)))
        .then()
        .statusCode(303);
    asCoordinator()
        .get("/api/panelists/" + panelist)
        .then()
        .body("name", equalTo("Cyra Jones"))
        .body("email", equalTo("cyra-" + study + "@example.org"));
  }

  @Test
  void aSearchWithNulFindsWhatTheSearchWithoutItFinds() {
    long study = TestStudies.study("Nul search").panelists(2).create().study();
    asCoordinator()
        .queryParam("q", "P" + NUL + "1")
        .get("/api/studies/" + study + "/panelists")
        .then()
        .statusCode(200)
        .body("items.name", equalTo(List.of("P1")));
    asCoordinator()
        .queryParam("q", NUL)
        .get("/api/studies/" + study + "/panelists")
        .then()
        .statusCode(200)
        .body("total", equalTo(2));
    ConsoleSession.coordinator()
        .request()
        .queryParam("q", "P" + NUL + "2")
        .get("/console/studies/" + study + "/panel")
        .then()
        .statusCode(200)
        .body(containsString(">P2</a>"));
  }

  @Test
  void aLinkWithNulIsNotFound() {
    RestAssured.given()
        .redirects()
        .follow(false)
        .get("/p/{token}", NUL)
        .then()
        .statusCode(lessThan(500));
    RestAssured.given().get("/p/{token}/api/round", "x" + NUL).then().statusCode(404);
  }

  /** The close reason is read by its own parser, so only the database layer removes its NUL. */
  @Test
  void aTextNoWayInCleansIsStillStoredWithoutNul() {
    TestStudies.Ids ids =
        TestStudies.study("Nul reason")
            .protocol(Map.of("minimumResponsePercent", 50))
            .panelists(2)
            .openRound();
    asCoordinator()
        .contentType(ContentType.JSON)
        .body("{\"reason\": \"Low\\u0000 turnout\"}")
        .post("/api/rounds/" + ids.round() + "/close")
        .then()
        .statusCode(200);
    asCoordinator()
        .get("/api/studies/" + ids.study() + "/audit")
        .then()
        .statusCode(200)
        .body(
            "find { it.action == 'closed-below-minimum-response' }.detail",
            endsWith("Reason: Low turnout"));
  }

  /** Every text column is written through the NUL-free binding, on whichever database runs. */
  @Test
  void everyTextColumnIsWrittenWithoutNul() {
    SessionFactoryImplementor factory =
        entityManagerFactory.unwrap(SessionFactoryImplementor.class);
    List<String> textColumns = new ArrayList<>();
    List<String> others = new ArrayList<>();
    factory
        .getMappingMetamodel()
        .forEachEntityDescriptor(
            entity ->
                entity.forEachSelectable(
                    (index, column) -> {
                      if (column.getJdbcMapping().getJdbcJavaType().getJavaTypeClass()
                          != String.class) {
                        return;
                      }
                      String name =
                          column.getContainingTableExpression()
                              + "."
                              + column.getSelectionExpression();
                      if (column.getJdbcMapping().getJdbcType()
                          instanceof NulFreeText.NulFreeVarchar) {
                        textColumns.add(name);
                      } else {
                        others.add(name + " " + column.getJdbcMapping().getJdbcType());
                      }
                    }));
    assertThat(textColumns, not(empty()));
    assertThat(textColumns, hasItem("study.title"));
    assertThat(others, empty());
  }

  private static JsonPath round(String token) {
    return RestAssured.given()
        .get("/p/" + token + "/api/round")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
