package org.concord.mail;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.ext.mail.MailMessage;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.web.ConsoleSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the emails say: who sends them and to whom a reply goes, how long the round takes and when
 * it closes (in the study's zone), what a later round is about, in the panelist's language.
 */
@QuarkusTest
class EmailContentTest {

  @Inject MockMailbox mailbox;
  @Inject MailDispatcher dispatcher;
  @Inject EntityManager em;

  @BeforeEach
  void clearMail() {
    mailbox.clear();
  }

  private static String address(long study, int panelist) {
    return "p" + panelist + "-" + study + "@example.org";
  }

  /** A study with its details, in Europe/London, round 1 due to close on 12 March 2027. */
  private TestStudies.Ids study(String title, int panelists, int... sections) {
    TestStudies.Ids ids =
        TestStudies.study(title).sections(sections).panelists(panelists).draftRound();
    Map<String, String> form = new HashMap<>();
    form.put("title", title);
    form.put("organisation", "University of Example");
    form.put("contactName", "Dana Contact");
    form.put("contactEmail", "team@cp.example");
    form.put("senderName", "Connecting People study team");
    form.put("timeZone", "Europe/London");
    form.put("dataProtection", "We keep your answers for five years.");
    ConsoleSession.coordinator()
        .post("/console/studies/" + ids.study() + "/details", form)
        .then()
        .statusCode(303);
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("closesAt", "2027-03-12T17:00:00Z"))
        .patch("/api/rounds/" + ids.round())
        .then()
        .statusCode(200);
    return ids;
  }

  private void language(long study, int panelist, String lang) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createQuery("update Panelist p set p.language = :lang where p.email = :email")
                    .setParameter("lang", lang)
                    .setParameter("email", address(study, panelist))
                    .executeUpdate());
  }

  private static void submitAll(String token, int value) {
    List<Map<String, Object>> ratings =
        RestAssured.given()
            .get("/p/" + token + "/api/round")
            .jsonPath()
            .getList("sections.items.flatten().itemId", Long.class)
            .stream()
            .map(i -> Map.<String, Object>of("itemId", i, "value", value))
            .toList();
    RestAssured.given()
        .contentType(ContentType.JSON)
        .body(Map.of("consent", true, "ratings", ratings))
        .put("/p/" + token + "/api/response")
        .then()
        .statusCode(200);
    RestAssured.given().post("/p/" + token + "/api/response/submit").then().statusCode(200);
  }

  @Test
  void theInvitationComesFromTheStudySaysHowLongAndUntilWhenAndWrapsItsLink() {
    TestStudies.Ids ids = study("Mail content study", 1, 4);
    TestStudies.open(ids.round());
    dispatcher.dispatchDue();
    MailMessage message = mailbox.getMailMessagesSentTo(address(ids.study(), 1)).get(0);
    assertThat(message.getFrom(), equalTo("Connecting People study team <concord@localhost>"));
    assertThat(message.getHeaders().get("Reply-To"), equalTo("team@cp.example"));
    Mail mail = mailbox.getMailsSentTo(address(ids.study(), 1)).get(0);
    String html = mail.getHtml();
    assertThat(html, containsString("<title>Round 1 of Mail content study</title>"));
    assertThat(html, containsString("<html lang=\"en\">"));
    assertThat(html, containsString("overflow-wrap: anywhere; word-break: break-all;"));
    assertThat(
        mail.getText(), containsString("The information sheet, and how your data are used:\nhttp"));
    assertThat(mail.getText(), containsString("/p/" + Links.tokenIn(mail) + "/information\n"));
    for (String body : List.of(mail.getText(), html)) {
      // 4 statements × 20 s = 80 s: 2 minutes
      assertThat(body, containsString("It takes about 2 minutes."));
      assertThat(body, containsString("The round closes on Friday 12 March 2027, 17:00 GMT."));
      assertThat(
          body,
          containsString(
              "University of Example runs this study. Questions? Contact Dana Contact,"
                  + " team@cp.example. You can also reply to this email."));
    }
  }

  @Test
  void everyKindSaysWhenTheRoundClosesInTheStudysZone() {
    TestStudies.Ids ids = study("Every kind study", 2, 1);
    TestStudies.open(ids.round());
    dispatcher.dispatchDue();
    String token = Links.tokenIn(mailbox.getMailsSentTo(address(ids.study(), 1)).get(0));
    submitAll(token, 8);
    asCoordinator().post("/api/rounds/" + ids.round() + "/remind").then().statusCode(200);
    dispatcher.dispatchDue();
    Mail thanks = mailbox.getMailsSentTo(address(ids.study(), 1)).get(1);
    Mail reminder = mailbox.getMailsSentTo(address(ids.study(), 2)).get(1);
    assertThat(thanks.getSubject(), containsString("Thank you for your answers to round 1"));
    assertThat(reminder.getSubject(), containsString("Reminder: Round 1 of Every kind study"));
    for (Mail mail : List.of(thanks, reminder)) {
      assertThat(mail.getHtml(), containsString("<title>" + mail.getSubject() + "</title>"));
      assertThat(mail.getText(), containsString("Friday 12 March 2027, 17:00 GMT"));
      assertThat(mail.getHtml(), containsString("University of Example runs this study."));
    }
    assertThat(reminder.getText(), containsString("It takes about 1 minute."));
  }

  @Test
  void theRoundTwoInvitationSaysWhatIsDifferentAndCountsTimeToReadTheFeedback() {
    TestStudies.Ids ids = study("Second round mail study", 2, 3);
    TestStudies.open(ids.round());
    dispatcher.dispatchDue();
    submitAll(Links.tokenIn(mailbox.getMailsSentTo(address(ids.study(), 1)).get(0)), 5);
    submitAll(Links.tokenIn(mailbox.getMailsSentTo(address(ids.study(), 2)).get(0)), 6);
    asCoordinator().post("/api/rounds/" + ids.round() + "/close").then().statusCode(200);
    long next =
        asCoordinator()
            .post("/api/rounds/" + ids.round() + "/next")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    mailbox.clear();
    TestStudies.open(next);
    dispatcher.dispatchDue();
    Mail mail =
        mailbox.getMailsSentTo(address(ids.study(), 1)).stream()
            .filter(m -> m.getSubject().startsWith("Round 2"))
            .findFirst()
            .orElseThrow();
    for (String body : List.of(mail.getText(), mail.getHtml())) {
      assertThat(body, containsString("You are invited to round 2 of Second round mail study."));
      assertThat(
          body,
          containsString("These are the statements the panel did not yet agree on in round 1."));
      assertThat(body, containsString("You may keep your rating or change it."));
      // 3 statements with feedback × 50 s = 150 s: 3 minutes
      assertThat(body, containsString("It takes about 3 minutes."));
      assertThat(body, not(containsString("There are no right or wrong answers")));
    }
  }

  @Test
  void aWelshPanelistGetsWelshEmailsAndAStudyInWelshWritesToEveryoneInWelsh() {
    TestStudies.Ids ids = study("Welsh mail study", 2, 1);
    language(ids.study(), 1, "cy");
    TestStudies.open(ids.round());
    dispatcher.dispatchDue();
    Mail welsh = mailbox.getMailsSentTo(address(ids.study(), 1)).get(0);
    assertThat(welsh.getSubject(), equalTo("Rownd 1 o Welsh mail study"));
    assertThat(welsh.getHtml(), containsString("<html lang=\"cy\">"));
    for (String body : List.of(welsh.getText(), welsh.getHtml().replace("&#39;", "'"))) {
      assertThat(body, containsString("Annwyl P1,"));
      assertThat(body, containsString("Rydych yn cael eich gwahodd i rownd 1 o Welsh mail study."));
      assertThat(
          body, containsString("Mae'r rownd yn cau ar Dydd Gwener 12 Mawrth 2027, 17:00 GMT."));
      assertThat(body, containsString("University of Example sy'n cynnal yr astudiaeth hon."));
      assertThat(body, not(containsString("Dear")));
    }
    Mail english = mailbox.getMailsSentTo(address(ids.study(), 2)).get(0);
    assertThat(english.getText(), containsString("Dear P2,"));

    // the study's language decides for a panelist who has none
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createQuery("update Study s set s.language = 'cy' where s.id = :id")
                    .setParameter("id", ids.study())
                    .executeUpdate());
    long second =
        asCoordinator()
            .get("/api/studies/" + ids.study() + "/panelists?size=500")
            .jsonPath()
            .getLong("items.find { it.email == '" + address(ids.study(), 2) + "' }.id");
    asCoordinator().post("/api/panelists/" + second + "/link").then().statusCode(200);
    dispatcher.dispatchDue();
    Mail link = mailbox.getMailsSentTo(address(ids.study(), 2)).get(1);
    assertThat(link.getSubject(), equalTo("Eich dolen newydd ar gyfer Welsh mail study"));
    assertThat(link.getText(), containsString("Annwyl P2,"));
    // a new link says how long the open round takes and when it closes, too
    assertThat(
        link.getText(),
        containsString(
            "Mae rownd 1 ar agor. Mae'n cymryd tua 1 munud. Mae'r rownd yn cau ar Dydd Gwener 12"
                + " Mawrth 2027, 17:00 GMT."));
  }

  @Test
  void aStudyTitleWithMarkupIsEscapedOnceInTheHtmlAndKeptInThePlainText() {
    TestStudies.Ids ids = study("Care <b>&</b> support", 1, 1);
    TestStudies.open(ids.round());
    dispatcher.dispatchDue();
    Mail mail = mailbox.getMailsSentTo(address(ids.study(), 1)).get(0);
    assertThat(mail.getHtml(), containsString("round 1 of Care &lt;b&gt;&amp;&lt;/b&gt; support."));
    assertThat(mail.getText(), containsString("round 1 of Care <b>&</b> support."));
  }

  @Test
  void everyEmailTextHasAWelshTranslationAndNothingElse() throws Exception {
    Properties welsh = new Properties();
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("messages/mail_cy.properties")) {
      welsh.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    Set<String> keys =
        Arrays.stream(MailMessages.class.getDeclaredMethods())
            .map(m -> m.getName())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(new TreeSet<>(welsh.stringPropertyNames()), equalTo(keys));
  }
}
