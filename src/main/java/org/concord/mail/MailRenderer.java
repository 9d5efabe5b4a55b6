package org.concord.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.concord.common.ConcordConfig;
import org.concord.panel.Panelist;
import org.concord.panel.TokenService;
import org.concord.round.Round;
import org.concord.round.RoundRepository;
import org.concord.round.RoundService;
import org.concord.round.TimeEstimate;
import org.concord.study.Study;
import org.concord.study.StudyTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Renders an outbox email from its kind's type-safe templates at the moment it is sent, with a
 * Message-ID derived from its outbox row.
 */
@ApplicationScoped
public class MailRenderer {

  /** The languages the emails are written in (messages/mail_*.properties). */
  private static final Set<String> SUPPORTED = Set.of("en", "cy");

  /**
   * What every email may say; each kind's templates (.html and .txt) use what they need. {@code
   * previousRound} is 0 in round 1; {@code minutes} is 0 for no round; {@code closes} is empty when
   * the round has no closing time; {@code information}, the address of the information sheet, is
   * empty when the study has none.
   */
  public record MailContent(
      String lang,
      String subject,
      String name,
      String study,
      int roundNumber,
      int previousRound,
      int minutes,
      String closes,
      String message,
      String link,
      String organisation,
      String contact,
      boolean replyable,
      String information) {}

  /** templates/mail/{kind}.html and .txt, checked against {@link MailContent} at build time. */
  @CheckedTemplate(basePath = "mail", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
  static class Templates {
    static native TemplateInstance invitation(MailContent email);

    static native TemplateInstance reminder(MailContent email);

    static native TemplateInstance thankYou(MailContent email);

    static native TemplateInstance linkReissue(MailContent email);
  }

  @Inject EntityManager em;
  @Inject RoundRepository rounds;
  @Inject TokenService tokens;
  @Inject ConcordConfig config;

  @ConfigProperty(name = "quarkus.mailer.from")
  String fromAddress;

  @Transactional
  public Mail render(long outboxId) {
    OutboxEmail email = em.find(OutboxEmail.class, outboxId);
    return render(email, tokens.tokenFor(email.panelist), new HashMap<>());
  }

  /**
   * Renders several emails in one transaction, by outbox id in their order: their rows, studies,
   * rounds and panelists in one query, the panelists' links in one more, each round's length
   * counted once.
   */
  @Transactional
  public Map<Long, Mail> renderAll(List<Long> outboxIds) {
    List<OutboxEmail> emails =
        em.createQuery(
                "select e from OutboxEmail e join fetch e.study left join fetch e.round"
                    + " left join fetch e.panelist where e.id in :ids order by e.id",
                OutboxEmail.class)
            .setParameter("ids", outboxIds)
            .getResultList();
    Map<Long, String> links =
        tokens.tokensOf(emails.stream().map(email -> email.panelist).distinct().toList());
    Map<Long, Integer> minutesByRound = new HashMap<>();
    Map<Long, Mail> mails = new LinkedHashMap<>();
    for (OutboxEmail email : emails) {
      mails.put(email.id, render(email, links.get(email.panelist.id), minutesByRound));
    }
    return mails;
  }

  private Mail render(OutboxEmail email, String token, Map<Long, Integer> minutesByRound) {
    Round round = email.round;
    Study study = email.study;
    String lang = language(email.panelist, study);
    String title = studyTitle(study, lang);
    String link = tokens.link(token);
    // A new link belongs to no round; it still says how long the open round takes, and when it
    // closes, when the panelist is invited to it.
    Round timed =
        round != null
            ? round
            : rounds
                .openRound(study.id)
                .filter(r -> rounds.invitation(r.id, email.panelist.id).isPresent())
                .orElse(null);
    int minutes =
        timed == null
            ? 0
            : minutesByRound.computeIfAbsent(
                timed.id,
                id -> {
                  RoundRepository.ItemCount count = rounds.countItems(id);
                  return TimeEstimate.minutes((int) count.items(), (int) count.carried());
                });
    String subject = subject(email, title, lang);
    MailContent content =
        new MailContent(
            lang,
            subject,
            email.panelist.name,
            title,
            timed == null ? 0 : timed.number,
            round == null ? 0 : round.number - 1,
            minutes,
            timed == null || timed.closesAt == null
                ? ""
                : StudyTime.dateTime(timed.closesAt, study.timeZone, lang),
            round == null || round.personalMessage == null ? "" : round.personalMessage,
            link,
            study.organisation == null ? "" : study.organisation,
            contact(study),
            study.contactEmail != null && !study.contactEmail.isBlank(),
            study.informationSheet == null && study.dataProtection == null
                ? ""
                : link + "/information");
    TemplateInstance template =
        switch (email.kind) {
          case INVITATION -> Templates.invitation(content);
          case REMINDER -> Templates.reminder(content);
          case THANK_YOU -> Templates.thankYou(content);
          case LINK_REISSUE -> Templates.linkReissue(content);
        };
    template.setLocale(Locale.forLanguageTag(lang));
    String html = render(template, Variant.TEXT_HTML);
    String text = render(template, Variant.TEXT_PLAIN);
    Mail mail =
        Mail.withHtml(email.recipient, subject, html)
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

  /**
   * The language an email to the panelist is written in: theirs, else the study's, else English;
   * only languages the emails are translated into count.
   */
  static String language(Panelist panelist, Study study) {
    for (String lang : new String[] {panelist == null ? null : panelist.language, study.language}) {
      if (lang != null && SUPPORTED.contains(Locale.forLanguageTag(lang).getLanguage())) {
        return Locale.forLanguageTag(lang).getLanguage();
      }
    }
    return "en";
  }

  /**
   * The study's title as an email in {@code lang} names it: the one place every email gets it from,
   * so that a translated title can be put here.
   */
  static String studyTitle(Study study, String lang) {
    return study.title;
  }

  /**
   * The subject in the panelist's language: the built-in subjects are translated; a subject the
   * team wrote for the invitation is theirs and stays as written, its reminder prefixed in the
   * panelist's language.
   */
  private static String subject(OutboxEmail email, String title, String lang) {
    MailMessages msg = messages(lang);
    Round round = email.round;
    String invitation =
        round == null || round.invitationSubject == null
            ? null
            : round.invitationSubject.equals(
                    RoundService.defaultInvitationSubject(round.number, email.study.title))
                ? msg.invitationSubject(round.number, title)
                : round.invitationSubject;
    String subject =
        switch (email.kind) {
          case INVITATION -> invitation;
          case REMINDER -> invitation == null ? null : msg.reminderSubject(invitation);
          case THANK_YOU -> round == null ? null : msg.thankYouSubject(round.number, title);
          case LINK_REISSUE -> msg.newLinkSubject(title);
        };
    return subject == null ? email.subject : OutboxService.withStudyTitle(subject, title);
  }

  static MailMessages messages(String lang) {
    return "cy".equals(lang)
        ? MessageBundles.get(MailMessages.class, Localized.Literal.of("cy"))
        : MessageBundles.get(MailMessages.class);
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
