package org.concord.mail;

import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * Fails an email as the dispatcher does when the mail server refuses its recipient for good (a 550
 * reply), without a scripted SMTP server: for tests of what the team sees and does about it.
 */
@ApplicationScoped
public class OutboxFaults {

  @Inject MailDispatcher dispatcher;

  public void refuseRecipient(long emailId) {
    dispatcher.failed(
        emailId,
        SendFailure.of(
            new CompletionException(
                new SMTPException(
                    "recipient address not accepted",
                    550,
                    List.of("550 5.1.1 mailbox unavailable"),
                    true))));
  }
}
