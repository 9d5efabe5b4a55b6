package org.concord.panel;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.concord.mail.OutboxStatus;
import org.concord.web.ConsoleSession;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The panel tab as a coordinator uses it: the panelists with their status in round 1 after some
 * have answered through their links, search and filters, a file added after a preview, one panelist
 * edited, withdrawn and sent a new link, and personal links for letters, each handed out in the
 * audit log. The analyst reaches none of it.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PanelPagesTest {

  @Inject MockMailbox mailbox;
  @Inject MailDispatcher dispatcher;
  @Inject EntityManager em;
  @Inject SessionFactory sessions;

  ConsoleSession coordinator;

  /** A study whose round 1 is open: P1 submitted, P2 saved, P3 opened the link, P4 did nothing. */
  long study;

  Map<Integer, String> tokens = new HashMap<>();
  Map<Integer, Long> ids = new HashMap<>();

  @BeforeEach
  void runPartOfARound() {
    coordinator = ConsoleSession.coordinator();
    if (study != 0) {
      return;
    }
    mailbox.clear();
    study =
        TestStudies.study("Panel pages study")
            .sections(2)
            .panelists(4)
            .groups(i -> i <= 2 ? "Practitioners" : "Carers")
            .openRound()
            .study();
    dispatcher.dispatchDue();
    for (int p = 1; p <= 4; p++) {
      tokens.put(p, Links.tokenIn(mailbox.getMailsSentTo(email(study, p)).get(0)));
    }
    List<Map<String, Object>> panelists =
        asCoordinator().get("/api/studies/" + study + "/panelists").jsonPath().getList("items");
    for (Map<String, Object> panelist : panelists) {
      ids.put(
          Integer.valueOf(((String) panelist.get("name")).substring(1)),
          ((Number) panelist.get("id")).longValue());
    }
    save(tokens.get(1), true);
    save(tokens.get(2), false);
    panelistApi(tokens.get(3)).get("/round").then().statusCode(200);
  }

  @Test
  void theListShowsEachPanelistsStatusInEveryRoundAndTheGroups() {
    String page =
        coordinator
            .get("/console/studies/" + study + "/panel")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(page, containsString("<h1>Panel</h1>"));
    assertThat(page, containsString("4 active panelists in 2 groups"));
    assertThat(
        page, containsString("<th scope=\"row\">Practitioners</th><td class=\"number\">2</td>"));
    assertThat(page, containsString("<th scope=\"col\">Round 1</th>"));
    assertThat(row(page, 1), containsString("<td>submitted</td>"));
    assertThat(row(page, 2), containsString("<td>in progress</td>"));
    assertThat(row(page, 3), containsString("<td>opened</td>"));
    assertThat(row(page, 4), containsString("<td>invited</td>"));
    assertThat(row(page, 4), containsString(email(study, 4)));
    assertThat(page, not(containsString(" style=")));
  }

  @Test
  void theListIsTheSameNumberOfQueriesForThreePanelistsOrForty() {
    long small = TestStudies.study("Small panel").panelists(3).openRound().study();
    long large = TestStudies.study("Large panel").panelists(40).openRound().study();
    coordinator.get("/console/studies/" + small + "/panel").then().statusCode(200);
    long forSmall = statementsFor("/console/studies/" + small + "/panel");
    long forLarge = statementsFor("/console/studies/" + large + "/panel");
    assertThat(forLarge, equalTo(forSmall));
  }

  @Test
  void searchAndTheNotSubmittedFilterNarrowTheList() {
    String found =
        coordinator
            .get("/console/studies/" + study + "/panel?q=" + "P3-" + study)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(found, containsString("1 panelist match"));
    assertThat(found, containsString(">P3</a>"));
    assertThat(found, not(containsString(">P1</a>")));

    String notSubmitted =
        coordinator
            .get("/console/studies/" + study + "/panel?round=1&roundStatus=NOT_SUBMITTED")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(notSubmitted, containsString("3 panelists match"));
    assertThat(notSubmitted, not(containsString(">P1</a>")));
    assertThat(notSubmitted, containsString(">P4</a>"));
    assertThat(notSubmitted, containsString("<option value=\"NOT_SUBMITTED\" selected>"));

    String carersStillToAnswer =
        coordinator
            .get(
                "/console/studies/"
                    + study
                    + "/panel?group="
                    + groupId("Carers")
                    + "&round=1&roundStatus=INVITED")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(carersStillToAnswer, containsString("1 panelist match"));
    assertThat(carersStillToAnswer, containsString(">P4</a>"));
  }

  @Test
  void aFileWithErrorsIsShownByLineAndStoresNothing() {
    long fresh = TestStudies.study("Upload errors").create().study();
    String csv = "name,email,group\nAnn,ann@example.org,Carers\nBob,not-an-email,Carers\n";
    Response refused =
        coordinator.upload(
            "/console/studies/" + fresh + "/panel/preview",
            "file",
            "panel.csv",
            csv.getBytes(StandardCharsets.UTF_8),
            Map.of());
    refused.then().statusCode(400);
    String page = refused.asString();
    assertThat(page, containsString("There is a problem"));
    assertThat(page, containsString("<td class=\"number\">3</td><td class=\"number\">2</td>"));
    assertThat(page, containsString("&quot;not-an-email&quot; is not a valid email address."));
    asCoordinator().get("/api/studies/" + fresh + "/panelists").then().body("total", equalTo(0));
  }

  @Test
  void aFileIsPreviewedThenAddedWhole() {
    long fresh = TestStudies.study("Upload preview").create().study();
    String csv =
        "name,email,group,region\nAnn Upload,ann-"
            + fresh
            + "@example.org,Carers,North\n"
            + "Bob Upload,bob-"
            + fresh
            + "@example.org,Managers,=SUM(A1)\n";
    Response preview =
        coordinator.upload(
            "/console/studies/" + fresh + "/panel/preview",
            "file",
            "",
            new byte[0],
            Map.of("csv", csv));
    preview.then().statusCode(200);
    String page = preview.asString();
    assertThat(page, containsString("Add 2 panelists"));
    assertThat(page, containsString("<th scope=\"row\">Ann Upload</th>"));
    assertThat(page, containsString("region: North"));
    assertThat(page, containsString("<strong>Carers</strong>, <strong>Managers</strong>"));
    asCoordinator().get("/api/studies/" + fresh + "/panelists").then().body("total", equalTo(0));

    Matcher hidden =
        java.util.regex.Pattern.compile("name=\"csv\" value=\"([^\"]*)\"").matcher(page);
    assertThat(hidden.find(), equalTo(true));
    String carried = org.jsoup.parser.Parser.unescapeEntities(hidden.group(1), true);
    coordinator
        .post("/console/studies/" + fresh + "/panel/import", Map.of("csv", carried))
        .then()
        .statusCode(303)
        .header("Location", containsString("/console/studies/" + fresh + "/panel?added=2"));
    asCoordinator()
        .get("/api/studies/" + fresh + "/audit")
        .then()
        .body(
            "find { it.action == 'panel-imported' }.detail",
            equalTo("2 panelists added from a file, with 2 new groups."));
    asCoordinator()
        .get("/api/studies/" + fresh + "/panelists")
        .then()
        .body("items.name", equalTo(List.of("Ann Upload", "Bob Upload")))
        .body("items[0].attributes.region", equalTo("North"));
    coordinator
        .get("/console/studies/" + fresh + "/panel?added=2")
        .then()
        .body(containsString("2 panelists were added to the panel."));
    coordinator
        .get("/console/studies/" + fresh)
        .then()
        .body(containsString("Panel: 2 panelists in 2 stakeholder groups."));
    String[] links =
        coordinator
            .get("/console/studies/" + fresh + "/panel/links.csv")
            .then()
            .statusCode(200)
            .extract()
            .asString()
            .split("\r\n");
    assertThat(links[0], equalTo("name,group,link,email,region"));
    assertThat(links[1], endsWith(",ann-" + fresh + "@example.org,North"));
    // a cell a spreadsheet would read as a formula is neutralised
    assertThat(links[2], endsWith(",bob-" + fresh + "@example.org,'=SUM(A1)"));
  }

  @Test
  void anEditIsRefusedBesideTheFieldAndChangesNothing() {
    long id = ids.get(4);
    Response refused =
        coordinator.post(
            "/console/panelists/" + id,
            Map.of("name", "P4 renamed", "email", email(study, 1), "groupId", groupId("Carers")));
    refused.then().statusCode(400);
    assertThat(refused.asString(), containsString("href=\"#email\""));
    assertThat(refused.asString(), containsString("id=\"email-error\""));
    assertThat(refused.asString(), containsString("is already on the panel."));
    assertThat(refused.asString(), containsString("value=\"P4 renamed\""));
    asCoordinator().get("/api/panelists/" + id).then().body("name", equalTo("P4"));

    coordinator
        .post(
            "/console/panelists/" + id,
            Map.of("name", "", "email", email(study, 4), "groupId", groupId("Carers")))
        .then()
        .statusCode(400)
        .body(containsString("Give the panelist&#39;s name."));

    coordinator
        .post(
            "/console/panelists/" + id,
            Map.of("name", "P4", "email", email(study, 4), "groupId", groupId("Practitioners")))
        .then()
        .statusCode(303)
        .header("Location", containsString("/console/panelists/" + id + "?done=saved"));
    asCoordinator().get("/api/panelists/" + id).then().body("group", equalTo("Practitioners"));
    asCoordinator()
        .get("/api/studies/" + study + "/audit")
        .then()
        .body(
            "find { it.action == 'panelist-changed' }.detail",
            equalTo("Panelist " + id + ": group changed."));
    coordinator
        .post(
            "/console/panelists/" + id,
            Map.of("name", "P4", "email", email(study, 4), "groupId", groupId("Carers")))
        .then()
        .statusCode(303);
  }

  @Test
  void aPanelistIsWithdrawnAfterAConfirmation() {
    TestStudies.Ids ids = TestStudies.study("Withdraw").panelists(2).openRound();
    long id = panelistId(ids.study(), "P2");
    coordinator
        .get("/console/panelists/" + id + "/withdraw")
        .then()
        .statusCode(200)
        .body(containsString("Withdraw P2?"));
    coordinator
        .post("/console/panelists/" + id + "/withdraw", Map.of())
        .then()
        .statusCode(303)
        .header("Location", containsString("?done=withdrawn"));
    asCoordinator().get("/api/panelists/" + id).then().body("status", equalTo("WITHDRAWN"));
    asCoordinator()
        .get("/api/studies/" + ids.study() + "/audit")
        .then()
        .body(
            "find { it.action == 'panelist-withdrawn' }.detail",
            equalTo("Panelist " + id + " withdrawn."))
        .body(
            "find { it.action == 'panelist-withdrawn' }.actor",
            equalTo(org.concord.Api.COORDINATOR));
    coordinator
        .get("/console/panelists/" + id + "?done=withdrawn")
        .then()
        .body(containsString("P2 is withdrawn"))
        .body(containsString("<td>withdrawn</td>"))
        .body(not(containsString("Make a new link")));
    coordinator
        .get("/console/studies/" + ids.study() + "/panel?round=1&roundStatus=WITHDRAWN")
        .then()
        .body(containsString("1 panelist match"));
  }

  @Test
  void aReissuedLinkReplacesTheOldOneAndIsEmailed() {
    mailbox.clear();
    TestStudies.Ids ids = TestStudies.study("Reissue").panelists(1).openRound();
    dispatcher.dispatchDue();
    String address = email(ids.study(), 1);
    String old = Links.tokenIn(mailbox.getMailsSentTo(address).get(0));
    long id = panelistId(ids.study(), "P1");
    coordinator
        .get("/console/panelists/" + id + "/link")
        .then()
        .statusCode(200)
        .body(containsString("stops working at once"));
    coordinator
        .post("/console/panelists/" + id + "/link", Map.of())
        .then()
        .statusCode(303)
        .header("Location", containsString("?done=reissued"));
    dispatcher.dispatchDue();
    List<Mail> mails = mailbox.getMailsSentTo(address);
    assertThat(mails, hasSize(2));
    String fresh = Links.tokenIn(mails.get(1));
    assertThat(fresh, not(equalTo(old)));
    panelistApi(old).get("/round").then().statusCode(404);
    panelistApi(fresh).get("/round").then().statusCode(200);

    String page = coordinator.get("/console/panelists/" + id).then().extract().asString();
    assertThat(page, containsString("<th scope=\"row\">New link</th>"));
    assertThat(page, containsString("<th scope=\"row\">Invitation</th>"));
    assertThat(page, containsString("Your new link for Reissue"));
    assertThat(page, containsString("<td>sent</td>"));
  }

  @Test
  void theEmailsOfOnePanelistAreListedWithTheirStatusAndError() {
    long id = ids.get(3);
    markFailed(id, "550 mailbox unavailable");
    String page =
        coordinator.get("/console/panelists/" + id).then().statusCode(200).extract().asString();
    assertThat(page, containsString("Emails to P3, newest first"));
    assertThat(page, containsString("<th scope=\"row\">Invitation</th>"));
    assertThat(page, containsString("<td>failed</td>"));
    assertThat(page, containsString("550 mailbox unavailable"));
    assertThat(page, containsString("<th scope=\"row\">Round 1</th><td>opened</td>"));
    // the next test's letters go to exactly this panelist
  }

  @Test
  void theLinkCsvHasWorkingLinksAndIsAudited() {
    Response csv = coordinator.get("/console/studies/" + study + "/panel/links.csv?set=ALL");
    csv.then()
        .statusCode(200)
        .contentType(containsString("text/csv"))
        .header("Content-Disposition", containsString("attachment"));
    String[] lines = csv.asString().split("\r\n");
    assertThat(lines[0], equalTo("name,group,link,email"));
    assertThat(lines.length, equalTo(5));
    assertThat(lines[4], startsWith("P4,Carers,http"));
    assertThat(lines[4], endsWith("," + email(study, 4)));
    Matcher link = Links.LINK.matcher(lines[4]);
    assertThat(link.find(), equalTo(true));
    assertThat(link.group(1), equalTo(tokens.get(4)));
    panelistApi(link.group(1)).get("/round").then().statusCode(200);
    asCoordinator()
        .get("/api/studies/" + study + "/audit")
        .then()
        .body(containsString("personal-links-csv"))
        .body(containsString("The personal links of 4 panelists (all active panelists)"));
  }

  @Test
  void lettersForPanelistsEmailCouldNotReachCarryTheirLinkAndAreAudited() {
    long id = ids.get(3);
    markFailed(id, "550 mailbox unavailable");
    String page =
        coordinator
            .get("/console/studies/" + study + "/panel/letters?set=FAILED")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(page, containsString("1 letter for the panelists an email could not reach"));
    assertThat(page, containsString("Dear P3,"));
    assertThat(page, not(containsString("Dear P4,")));
    assertThat(page, containsString("/p/" + tokens.get(3)));
    assertThat(page, containsString("Panel pages study"));
    String groupLetters =
        coordinator
            .get(
                "/console/studies/" + study + "/panel/letters?set=GROUP&group=" + groupId("Carers"))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(groupLetters, containsString("2 letters for the group Carers"));
    asCoordinator()
        .get("/api/studies/" + study + "/audit")
        .then()
        .body(containsString("personal-links-letters"))
        .body(containsString("The personal links of 1 panelist (those an email could not reach)"));
    coordinator
        .get("/console/studies/" + study + "/audit")
        .then()
        .body(containsString("Letters with personal links shown to print"));
  }

  @Test
  void theAnalystGetsForbiddenOnEveryPanelPage() {
    ConsoleSession analyst = ConsoleSession.analyst();
    long id = ids.get(1);
    for (String path :
        List.of(
            "/console/studies/" + study + "/panel",
            "/console/studies/" + study + "/panel/upload",
            "/console/studies/" + study + "/panel/links",
            "/console/studies/" + study + "/panel/links.csv",
            "/console/studies/" + study + "/panel/letters",
            "/console/panelists/" + id,
            "/console/panelists/" + id + "/withdraw",
            "/console/panelists/" + id + "/link")) {
      analyst.get(path).then().statusCode(403);
    }
    analyst
        .post("/console/panelists/" + id, Map.of("name", "x", "email", "x@example.org"))
        .then()
        .statusCode(403);
    analyst.post("/console/panelists/" + id + "/withdraw", Map.of()).then().statusCode(403);
    analyst.post("/console/panelists/" + id + "/link", Map.of()).then().statusCode(403);
    analyst
        .post("/console/studies/" + study + "/panel/import", Map.of("csv", "name,email,group\n"))
        .then()
        .statusCode(403);
    analyst
        .upload(
            "/console/studies/" + study + "/panel/preview",
            "file",
            "p.csv",
            "name,email,group\n".getBytes(StandardCharsets.UTF_8),
            Map.of())
        .then()
        .statusCode(403);
    asCoordinator().get("/api/panelists/" + id).then().body("status", not(equalTo("WITHDRAWN")));
    asCoordinator()
        .get("/api/studies/" + study + "/audit")
        .then()
        .body(not(containsString(org.concord.Api.ANALYST)));
  }

  private long statementsFor(String path) {
    sessions.getStatistics().clear();
    coordinator.get(path).then().statusCode(200);
    return sessions.getStatistics().getPrepareStatementCount();
  }

  private void markFailed(long panelistId, String error) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createQuery(
                        "update OutboxEmail e set e.status = :failed, e.lastError = :error,"
                            + " e.attempts = 5 where e.panelist.id = :panelist")
                    .setParameter("failed", OutboxStatus.FAILED)
                    .setParameter("error", error)
                    .setParameter("panelist", panelistId)
                    .executeUpdate());
  }

  private String groupId(String name) {
    return asCoordinator()
        .get("/api/studies/" + study + "/groups")
        .jsonPath()
        .getString("items.find { it.name == '" + name + "' }.id");
  }

  private static long panelistId(long study, String name) {
    return asCoordinator()
        .get("/api/studies/" + study + "/panelists?q=" + name)
        .jsonPath()
        .getLong("items.find { it.name == '" + name + "' }.id");
  }

  /** The table row of panelist {@code p}: from their name to the end of the row. */
  private static String row(String page, int p) {
    int start = page.indexOf(">P" + p + "</a>");
    assertThat("row of P" + p, start >= 0, equalTo(true));
    return page.substring(start, page.indexOf("</tr>", start));
  }

  private static String email(long study, int p) {
    return "p" + p + "-" + study + "@example.org";
  }

  private static io.restassured.specification.RequestSpecification panelistApi(String token) {
    return RestAssured.given().basePath("/p/" + token + "/api");
  }

  @SuppressWarnings("unchecked")
  private static void save(String token, boolean submit) {
    List<Map<String, Object>> items =
        panelistApi(token).get("/round").jsonPath().getList("sections[0].items");
    List<Map<String, Object>> ratings = new ArrayList<>();
    ratings.add(Map.of("itemId", items.get(0).get("itemId"), "value", 7));
    if (submit) {
      for (Map<String, Object> item : items.subList(1, items.size())) {
        ratings.add(Map.of("itemId", item.get("itemId"), "value", 8));
      }
    }
    Map<String, Object> body = new HashMap<>();
    body.put("consent", true);
    body.put("ratings", ratings);
    panelistApi(token)
        .contentType(ContentType.JSON)
        .body(body)
        .put("/response")
        .then()
        .statusCode(200);
    if (submit) {
      panelistApi(token).post("/response/submit").then().statusCode(200);
    }
  }
}
