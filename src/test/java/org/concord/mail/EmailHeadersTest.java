package org.concord.mail;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.ext.mail.MailMessage;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.web.ConsoleSession;
import org.junit.jupiter.api.Test;

/**
 * Every kind of email names its study in the subject, whatever subject the team wrote, and carries
 * no header without a value: the sender name and the reply-to address appear only when the study
 * has them.
 */
@QuarkusTest
class EmailHeadersTest {

  @Inject MockMailbox mailbox;
  @Inject MailDispatcher dispatcher;

  private static String address(long study, int panelist) {
    return "p" + panelist + "-" + study + "@example.org";
  }

  /** Round 1 opened, panelist 1 submits, the others are reminded, panelist 2 gets a new link. */
  private List<MailMessage> everyKind(TestStudies.Ids ids, String invitationSubject) {
    if (invitationSubject != null) {
      asCoordinator()
          .contentType(ContentType.JSON)
          .body(Map.of("invitationSubject", invitationSubject))
          .patch("/api/rounds/" + ids.round())
          .then()
          .statusCode(200);
    }
    TestStudies.open(ids.round());
    dispatcher.dispatchDue();
    String token = Links.tokenIn(mailbox.getMailsSentTo(address(ids.study(), 1)).get(0));
    List<Map<String, Object>> ratings =
        RestAssured.given()
            .basePath("/p/" + token + "/api")
            .get("/round")
            .jsonPath()
            .getList("sections.items.flatten().itemId", Long.class)
            .stream()
            .map(i -> Map.<String, Object>of("itemId", i, "value", 8))
            .toList();
    RestAssured.given()
        .basePath("/p/" + token + "/api")
        .contentType(ContentType.JSON)
        .body(Map.of("consent", true, "ratings", ratings))
        .put("/response")
        .then()
        .statusCode(200);
    RestAssured.given()
        .basePath("/p/" + token + "/api")
        .post("/response/submit")
        .then()
        .statusCode(200);
    asCoordinator().post("/api/rounds/" + ids.round() + "/remind").then().statusCode(200);
    long second =
        asCoordinator()
            .get("/api/studies/" + ids.study() + "/panelists?size=500")
            .jsonPath()
            .getLong("items.find { it.email == '" + address(ids.study(), 2) + "' }.id");
    asCoordinator().post("/api/panelists/" + second + "/link").then().statusCode(200);
    dispatcher.dispatchDue();
    List<MailMessage> sent = new ArrayList<>();
    for (int p = 1; p <= 3; p++) {
      sent.addAll(mailbox.getMailMessagesSentTo(address(ids.study(), p)));
    }
    return sent;
  }

  private static List<String> emptyHeaders(MailMessage message) {
    List<String> empty = new ArrayList<>();
    message
        .getHeaders()
        .forEach(
            header -> {
              if (header.getValue() == null || header.getValue().isBlank()) {
                empty.add(header.getKey());
              }
            });
    return empty;
  }

  @Test
  void everyKindNamesTheStudyEvenUnderASubjectTheTeamWroteWithoutIt() {
    String title = "Plain headers study";
    TestStudies.Ids ids = TestStudies.study(title).sections(2).panelists(3).draftRound();
    List<MailMessage> sent = everyKind(ids, "Please take part in our consultation");

    List<String> subjects = sent.stream().map(MailMessage::getSubject).toList();
    // panelist 1: invitation and thank-you; 2: invitation, reminder, new link; 3: invitation,
    // reminder
    assertThat(subjects, hasSize(7));
    for (String subject : subjects) {
      assertThat(subject, containsString(title));
    }
    assertThat(subjects.contains("Please take part in our consultation – " + title), equalTo(true));
    assertThat(
        subjects.contains("Reminder: Please take part in our consultation – " + title),
        equalTo(true));
    assertThat(
        subjects.contains("Thank you for your answers to round 1 of " + title), equalTo(true));
    assertThat(subjects.contains("Your new link for " + title), equalTo(true));
    for (MailMessage message : sent) {
      assertThat(message.getFrom(), equalTo("concord@localhost"));
      assertThat(emptyHeaders(message), empty());
      assertThat(message.getHeaders().contains("Reply-To"), equalTo(false));
    }
    for (Mail mail : mailbox.getMailsSentTo(address(ids.study(), 2))) {
      assertThat(mail.getReplyTo(), nullValue());
      assertThat(mail.getText(), not(containsString("runs this study")));
      assertThat(mail.getText(), not(containsString("Questions?")));
    }
  }

  @Test
  void emailsComeUnderTheSendersNameWithTheContactAsReplyTo() {
    String title = "Named sender study";
    TestStudies.Ids ids = TestStudies.study(title).sections(1).panelists(3).draftRound();
    ConsoleSession.coordinator()
        .post(
            "/console/studies/" + ids.study() + "/details",
            Map.of(
                "title", title,
                "organisation", "University of Example",
                "contactName", "Dana Contact",
                "contactEmail", "team@cp.example",
                "senderName", "Connecting People study team"))
        .then()
        .statusCode(303);
    List<MailMessage> sent = everyKind(ids, null);
    assertThat(sent, hasSize(7));
    for (MailMessage message : sent) {
      assertThat(message.getSubject(), containsString(title));
      assertThat(message.getFrom(), equalTo("Connecting People study team <concord@localhost>"));
      assertThat(message.getHeaders().get("Reply-To"), equalTo("team@cp.example"));
      assertThat(emptyHeaders(message), empty());
    }
    // every email says who runs the study and whom to ask, in both bodies
    for (Mail mail : mailbox.getMailsSentTo(address(ids.study(), 2))) {
      for (String body : List.of(mail.getText(), mail.getHtml())) {
        assertThat(
            body,
            containsString(
                "University of Example runs this study. Questions? Contact Dana Contact,"
                    + " team@cp.example."));
      }
    }
  }

  @Test
  void anEmptyInvitationSubjectIsRefused() {
    TestStudies.Ids ids = TestStudies.study("Blank subject study").panelists(1).draftRound();
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("invitationSubject", "   "))
        .patch("/api/rounds/" + ids.round())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("invitationSubject"));
    asCoordinator()
        .get("/api/rounds/" + ids.round())
        .then()
        .body("invitationSubject", equalTo("Round 1 of Blank subject study"))
        .body("invitationSubject", not(equalTo("")));
  }

  @Test
  void aSenderNameLosesWhatWouldBreakTheHeader() {
    assertThat(
        MailRenderer.from("Team \"A\" <x@y>\r\nBcc: z@w", "Concord <concord@example.org>"),
        equalTo("Team A x y Bcc z w <concord@example.org>"));
    assertThat(MailRenderer.from(null, "concord@example.org"), nullValue());
    assertThat(MailRenderer.from(" \" ", "concord@example.org"), nullValue());
  }
}
