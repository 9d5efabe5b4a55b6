package org.concord.mail;

import io.vertx.ext.mail.SMTPException;
import java.util.Set;

/**
 * Why a send failed, and whether trying again can help.
 *
 * <p>A 5xx reply about the mailbox or the message (RFC 5321 §4.2.3 and RFC 7504: 550 mailbox
 * unavailable, 551 user not local, 552 storage exceeded, 553 mailbox name not allowed, 554
 * transaction failed, 556 domain accepts no mail) will be the same tomorrow: the email fails at
 * once. Every other failure is retried with back-off: a 4xx reply (421, 450, 451, 452), a dropped
 * connection, a timeout, and also the 5xx replies that speak of the session rather than the email
 * (500–504 command errors, 521, 530–538 authentication), because those mean the relay's settings
 * are wrong for every email alike, and once they are fixed the queued emails should still go.
 */
record SendFailure(boolean permanent, String reason) {

  private static final Set<Integer> PERMANENT = Set.of(550, 551, 552, 553, 554, 556);

  static SendFailure of(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SMTPException smtp) {
        return new SendFailure(PERMANENT.contains(smtp.getReplyCode()), oneLine(smtp.getMessage()));
      }
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return new SendFailure(false, root.getClass().getSimpleName() + ": " + root.getMessage());
  }

  /** The mail client puts the server's reply lines after the stage, one per line. */
  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
