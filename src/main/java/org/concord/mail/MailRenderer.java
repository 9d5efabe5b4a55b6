package org.concord.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.concord.common.ConcordConfig;
import org.concord.panel.TokenService;
import org.concord.round.Round;

/**
 * Renders an outbox email from templates/mail/{kind}.html and .txt at the moment it is sent, with a
 * Message-ID derived from its outbox row.
 */
@ApplicationScoped
public class MailRenderer {

  static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm 'UTC'", Locale.UK)
          .withZone(ZoneId.of("UTC"));

  @Inject EntityManager em;
  @Inject Engine qute;
  @Inject TokenService tokens;
  @Inject ConcordConfig config;

  @Transactional
  public Mail render(long outboxId) {
    OutboxEmail email = em.find(OutboxEmail.class, outboxId);
    Round round = email.round;
    String link = config.baseUrl().replaceAll("/+$", "") + "/p/" + tokens.tokenFor(email.panelist);
    Map<String, Object> data =
        Map.of(
            "name",
            email.panelist.name,
            "study",
            email.study.title,
            "roundNumber",
            round == null ? 0 : round.number,
            "closes",
            round == null || round.closesAt == null ? "" : DATE.format(round.closesAt),
            "message",
            round == null || round.personalMessage == null ? "" : round.personalMessage,
            "link",
            link);
    String name = "mail/" + email.kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    String html = qute.getTemplate(name + ".html").data(data).render();
    String text = qute.getTemplate(name + ".txt").data(data).render();
    return Mail.withHtml(email.recipient, email.subject, html)
        .setText(text)
        .addHeader("Message-ID", messageId(email.id, email.study.id, host()));
  }

  /**
   * The same on every send of one outbox row, so that a resend (see {@link MailDispatcher}) is
   * recognisable as the message already delivered rather than a new one.
   */
  static String messageId(long outboxId, long studyId, String host) {
    return "<outbox-" + outboxId + "." + studyId + "@" + host + ">";
  }

  private String host() {
    String host = URI.create(config.baseUrl()).getHost();
    return host == null ? "concord.invalid" : host;
  }
}
