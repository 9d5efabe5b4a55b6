package org.concord.mail;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.concord.TestStudies;
import org.concord.mail.ScriptedSmtpServer.Accepted;
import org.concord.mail.ScriptedSmtpServer.Fault;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The SMTP server refuses in turns, with 4xx and 5xx, goes silent, drops the connection in the
 * middle of a message and twice stops listening for a while; the outbox still delivers every email
 * it can exactly once and marks the rest failed, with the server's reply.
 */
@QuarkusTest
@TestProfile(ScriptedSmtpProfile.class)
class MailOutageTest {

  private static final Logger LOG = Logger.getLogger(MailOutageTest.class);
  private static final int PANEL = 30;
  private static final Pattern PANELIST = Pattern.compile("^p(\\d+)-");

  @Inject OutboxDrain outboxDrain;

  /**
   * Faults by connection and by message: about one connection in three is refused at the greeting
   * or never greeted, two end in an outage, and four messages in ten meet a transient fault. Every
   * fifth panelist's mailbox is refused for good (the last with 553, the others with 550).
   */
  static final ScriptedSmtpServer.Script SCRIPT =
      new ScriptedSmtpServer.Script() {
        @Override
        public Fault forConnection(int n) {
          if (n == 7 || n == 16) {
            return Fault.OUTAGE;
          }
          if (n % 9 == 5) {
            return Fault.SILENT;
          }
          return n % 4 == 2 ? Fault.GREETING_421 : Fault.NONE;
        }

        @Override
        public Fault forMessage(int m) {
          return switch (m % 10) {
            case 2, 7 -> Fault.RCPT_452;
            case 4 -> Fault.DATA_451;
            case 9 -> Fault.DROP_IN_DATA;
            default -> Fault.NONE;
          };
        }

        @Override
        public String refusal(String recipient) {
          int panelist = panelist(recipient);
          if (panelist == PANEL) {
            return "553 5.1.3 <" + recipient + ">: mailbox name not allowed";
          }
          return panelist % 5 == 0
              ? "550 5.1.1 <" + recipient + ">: Recipient address rejected: mailbox unavailable"
              : null;
        }
      };

  @Test
  void refusalsDropsAndOutagesDeliverEveryEmailOnceAndFailOnlyRefusedMailboxes() throws Exception {
    long[] ids = TestStudies.withDraftRound("Mail outage", 2, PANEL, null);
    long study = ids[0];
    String outbox = "/api/studies/" + study + "/outbox";
    TestStudies.open(ids[1]);
    asCoordinator()
        .post("/api/rounds/" + ids[1] + "/remind")
        .then()
        .statusCode(200)
        .body("queued", equalTo(PANEL));
    int emails = 2 * PANEL;
    asCoordinator().get(outbox + "/summary").then().body("pending", equalTo(emails));

    try (ScriptedSmtpServer server =
        new ScriptedSmtpServer(ScriptedSmtpProfile.PORT, SCRIPT, Duration.ofMillis(1500))) {
      outboxDrain.drain();

      // Each refused mailbox was refused once per email: a permanent refusal is never retried.
      int refusedMailboxes = PANEL / 5;
      int refusedEmails = 2 * refusedMailboxes;
      Map<String, Integer> faults = server.faults();
      assertThat(
          faults.getOrDefault("550", 0) + faults.getOrDefault("553", 0), equalTo(refusedEmails));
      asCoordinator()
          .get(outbox + "/summary")
          .then()
          .statusCode(200)
          .body("pending", equalTo(0))
          .body("sent", equalTo(emails - refusedEmails))
          .body("failed", equalTo(refusedEmails));

      JsonPath failed =
          asCoordinator()
              .queryParam("status", "FAILED")
              .queryParam("size", 100)
              .get(outbox)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      List<String> failedTo = failed.getList("items.recipient");
      assertThat(failedTo.size(), equalTo(refusedEmails));
      assertThat(
          failedTo.stream().map(MailOutageTest::panelist).toList(),
          everyItem(in(List.of(5, 10, 15, 20, 25, 30))));
      assertThat(
          failed.getList("items.lastError"),
          everyItem(
              matchesPattern(
                  "recipient address not accepted: (550 5\\.1\\.1 .*mailbox unavailable"
                      + "|553 5\\.1\\.3 .*mailbox name not allowed)")));

      // Every other email arrived once, under the Message-ID of its outbox row.
      JsonPath sent =
          asCoordinator()
              .queryParam("status", "SENT")
              .queryParam("size", 100)
              .get(outbox)
              .then()
              .extract()
              .jsonPath();
      List<Integer> sentIds = sent.getList("items.id", Integer.class);
      Set<String> expected =
          sentIds.stream()
              .map(id -> "<outbox-" + id + "." + study + "@concord.test.example>")
              .collect(Collectors.toSet());
      List<Accepted> accepted = server.accepted();
      Map<String, Long> timesAccepted =
          accepted.stream()
              .collect(Collectors.groupingBy(Accepted::messageId, Collectors.counting()));
      assertThat(timesAccepted.keySet(), equalTo(expected));
      assertThat(timesAccepted.values().stream().filter(n -> n > 1).toList(), empty());
      assertThat(accepted.size(), equalTo(emails - refusedEmails));
      Map<String, String> recipientById =
          accepted.stream().collect(Collectors.toMap(Accepted::messageId, Accepted::recipient));
      for (int i = 0; i < sentIds.size(); i++) {
        String id = "<outbox-" + sentIds.get(i) + "." + study + "@concord.test.example>";
        assertThat(recipientById.get(id), equalTo(sent.getString("items[" + i + "].recipient")));
      }
      // A message refused after it was read in full came back under the same Message-ID.
      List<String> refusedAfterData = server.refusedAfterData();
      assertThat(refusedAfterData.size(), greaterThan(0));
      assertThat(refusedAfterData, everyItem(in(expected)));

      for (Fault fault : Fault.values()) {
        if (fault != Fault.NONE) {
          assertThat(fault + " happened", faults.getOrDefault(fault.name(), 0), greaterThan(0));
        }
      }
      int attempts =
          sent.getList("items.attempts", Integer.class).stream().mapToInt(Integer::intValue).sum()
              + failed.getList("items.attempts", Integer.class).stream()
                  .mapToInt(Integer::intValue)
                  .sum();
      LOG.infof(
          "Mail outage: %d emails (%d delivered once each, %d failed for good), %d send attempts,"
              + " %d connections accepted, %d messages begun; faults %s",
          emails,
          accepted.size(),
          refusedEmails,
          attempts,
          server.connections(),
          server.messages(),
          faults);
    }
  }

  private static int panelist(String recipient) {
    Matcher m = PANELIST.matcher(recipient);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }
}
