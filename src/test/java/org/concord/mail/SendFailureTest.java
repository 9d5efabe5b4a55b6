package org.concord.mail;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.vertx.ext.mail.SMTPException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class SendFailureTest {

  private static SendFailure reply(int code, String line) {
    return SendFailure.of(
        new CompletionException(
            new SMTPException("recipient address not accepted", code, List.of(line), true)));
  }

  @Test
  void aRefusedMailboxIsPermanentAndKeepsTheServersReply() {
    SendFailure failure = reply(550, "550 5.1.1 <a@example.org>: mailbox unavailable");
    assertThat(failure.permanent(), equalTo(true));
    assertThat(
        failure.reason(),
        equalTo("recipient address not accepted: 550 5.1.1 <a@example.org>: mailbox unavailable"));
    assertThat(reply(553, "553 5.1.3 mailbox name not allowed").permanent(), equalTo(true));
    assertThat(reply(554, "554 5.7.1 message refused").permanent(), equalTo(true));
  }

  @Test
  void aBusyServerIsRetried() {
    for (int code : new int[] {421, 450, 451, 452}) {
      assertThat(
          code + " is retried", reply(code, code + " try later").permanent(), equalTo(false));
    }
  }

  /** A wrong relay setting fails every email alike: fixed, the queued emails should still go. */
  @Test
  void aSessionLevelRefusalIsRetriedNotFailed() {
    for (int code : new int[] {500, 502, 521, 530, 535}) {
      assertThat(code + " is retried", reply(code, code + " no").permanent(), equalTo(false));
    }
  }

  @Test
  void aDroppedConnectionIsRetriedAndNamedByItsCause() {
    SendFailure failure =
        SendFailure.of(new CompletionException(new ConnectException("Connection refused")));
    assertThat(failure.permanent(), equalTo(false));
    assertThat(failure.reason(), equalTo("ConnectException: Connection refused"));
  }
}
