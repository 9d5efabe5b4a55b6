package org.concord.mail;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.concord.SmtpProfile;
import org.concord.TestStudies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
@TestProfile(SmtpProfile.class)
class OutboxDeliveryTest {

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(new ServerSetup(SmtpProfile.PORT, "127.0.0.1", "smtp"));

  @Inject MailDispatcher dispatcher;
  @Inject OutboxDrain outboxDrain;

  /** The SMTP server goes down after the first batch and comes back: each email arrives once. */
  @Test
  void anSmtpOutageDelaysEmailsButNeverLosesOrDoublesThem() throws Exception {
    outboxDrain.drain(); // earlier tests' emails, so the batches below are this test's
    smtp.purgeEmailFromAllMailboxes();
    long[] ids = TestStudies.withDraftRound("Outage", 2, 12, null);
    TestStudies.open(ids[1]);
    String outbox = "/api/studies/" + ids[0] + "/outbox";
    asCoordinator()
        .get(outbox)
        .then()
        .body("total", equalTo(12))
        .body("items[0].status", equalTo("PENDING"));

    // The first batch: five claimed; all but a send that met a stale pooled connection arrive.
    int[] first = dispatcher.dispatchBatch();
    assertThat(first[0], equalTo(5));
    assertThat(first[1], greaterThanOrEqualTo(4));
    List<String> delivered = new ArrayList<>(recipients());
    int left = 12 - first[1];

    smtp.stop();
    assertThat(dispatcher.dispatchDue(), equalTo(0));
    asCoordinator()
        .queryParam("status", "PENDING")
        .get(outbox)
        .then()
        .body("total", equalTo(left))
        .body(
            "items.findAll { it.attempts >= 1 && it.lastError != null }.size()",
            greaterThanOrEqualTo(5));

    smtp.start();
    assertThat(outboxDrain.drain(), equalTo(left));
    assertThat(dispatcher.dispatchDue(), equalTo(0));
    delivered.addAll(recipients());

    assertThat(delivered.size(), equalTo(12));
    assertThat(new HashSet<>(delivered).size(), equalTo(12));
    asCoordinator().queryParam("status", "SENT").get(outbox).then().body("total", equalTo(12));
    asCoordinator()
        .queryParam("status", "SENT")
        .queryParam("size", 500)
        .get(outbox)
        .then()
        .body("items.findAll { it.attempts >= 2 }.size()", greaterThanOrEqualTo(5));
  }

  @Test
  void dispatchingAgainNeverSendsAnEmailTwice() throws Exception {
    long[] ids = TestStudies.withDraftRound("Dedupe", 1, 2, null);
    TestStudies.open(ids[1]);
    asCoordinator()
        .post("/api/rounds/" + ids[1] + "/remind")
        .then()
        .statusCode(200)
        .body("queued", equalTo(2));
    outboxDrain.drain();
    asCoordinator()
        .get("/api/studies/" + ids[0] + "/outbox")
        .then()
        .body("items.status", everyItem(equalTo("SENT")));
    assertThat(recipients().size(), equalTo(4));
    assertThat(dispatcher.dispatchDue(), equalTo(0));
    assertThat(recipients().size(), equalTo(4));
  }

  private static List<String> recipients() throws Exception {
    List<String> to = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      to.add(m.getAllRecipients()[0].toString());
    }
    return to;
  }
}
