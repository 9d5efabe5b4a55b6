package org.concord.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.concord.common.ConcordConfig;
import org.concord.panel.TokenService;
import org.concord.round.Round;
import org.concord.study.Study;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Renders an outbox email from its kind's type-safe templates at the moment it is sent, with a
 * Message-ID derived from its outbox row.
 */
@ApplicationScoped
public class MailRenderer {

  static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm 'UTC'", Locale.UK)
          .withZone(ZoneId.of("UTC"));

  /** What every email may say; each kind's templates (.html and .txt) use what they need. */
  public record MailContent(
      String name,
      String study,
      int roundNumber,
      String closes,
      String message,
      String link,
      String organisation,
      String contact) {}

  /** templates/mail/{kind}.html and .txt, checked against {@link MailContent} at build time. */
  @CheckedTemplate(basePath = "mail", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
  static class Templates {
    static native TemplateInstance invitation(MailContent mail);

    static native TemplateInstance reminder(MailContent mail);

    static native TemplateInstance thankYou(MailContent mail);

    static native TemplateInstance linkReissue(MailContent mail);
  }

  @Inject EntityManager em;
  @Inject TokenService tokens;
  @Inject ConcordConfig config;

  @ConfigProperty(name = "quarkus.mailer.from")
  String fromAddress;

  @Transactional
  public Mail render(long outboxId) {
    OutboxEmail email = em.find(OutboxEmail.class, outboxId);
    Round round = email.round;
    String link = tokens.link(tokens.tokenFor(email.panelist));
    MailContent content =
        new MailContent(
            email.panelist.name,
            email.study.title,
            round == null ? 0 : round.number,
            round == null || round.closesAt == null ? "" : DATE.format(round.closesAt),
            round == null || round.personalMessage == null ? "" : round.personalMessage,
            link,
            email.study.organisation == null ? "" : email.study.organisation,
            contact(email.study));
    TemplateInstance template =
        switch (email.kind) {
          case INVITATION -> Templates.invitation(content);
          case REMINDER -> Templates.reminder(content);
          case THANK_YOU -> Templates.thankYou(content);
          case LINK_REISSUE -> Templates.linkReissue(content);
        };
    String html = render(template, Variant.TEXT_HTML);
    String text = render(template, Variant.TEXT_PLAIN);
    Mail mail =
        Mail.withHtml(email.recipient, email.subject, html)
            .setText(text)
            .addHeader("Message-ID", messageId(email.id, email.study.id, host()));
    String from = from(email.study.senderName, fromAddress);
    if (from != null) {
      mail.setFrom(from);
    }
    String contact = email.study.contactEmail;
    if (contact != null && !contact.isBlank()) {
      mail.setReplyTo(contact.strip());
    }
    return mail;
  }

  /** Whom a panelist can ask: "Dana Contact, team@example.org, 0114 222 0000"; "" for no one. */
  static String contact(Study study) {
    return Stream.of(study.contactName, study.contactEmail, study.contactPhone)
        .filter(part -> part != null && !part.isBlank())
        .map(String::strip)
        .collect(Collectors.joining(", "));
  }

  /**
   * The From header under the study's sender name, at the server's address; none (the mailer's
   * default) when the study has no sender name, rather than an empty name. The name loses the
   * characters that delimit an address in a header and any line break, which could start a header
   * of its own.
   */
  static String from(String senderName, String configuredFrom) {
    if (senderName == null || configuredFrom == null || configuredFrom.isBlank()) {
      return null;
    }
    String name =
        senderName
            .replaceAll("[\\p{Cntrl}\"<>()\\[\\]\\\\,;:@]", " ")
            .replaceAll("\\s+", " ")
            .strip();
    if (name.isEmpty()) {
      return null;
    }
    String address = configuredFrom.strip();
    int open = address.lastIndexOf('<');
    int close = address.lastIndexOf('>');
    if (open >= 0 && close > open) {
      address = address.substring(open + 1, close).strip();
    }
    return name + " <" + address + ">";
  }

  private static String render(TemplateInstance template, String contentType) {
    return template
        .setAttribute(TemplateInstance.SELECTED_VARIANT, Variant.forContentType(contentType))
        .render();
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
