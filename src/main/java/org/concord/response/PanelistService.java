package org.concord.response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.concord.common.ConcordException;
import org.concord.common.Languages;
import org.concord.common.Problem;
import org.concord.common.Problem.FieldError;
import org.concord.consensus.DenominatorPolicy;
import org.concord.guidance.Section;
import org.concord.mail.EmailKind;
import org.concord.mail.OutboxService;
import org.concord.panel.Panelist;
import org.concord.panel.PanelistStatus;
import org.concord.panel.TokenService;
import org.concord.response.PanelistViews.AnswerView;
import org.concord.response.PanelistViews.CommentInput;
import org.concord.response.PanelistViews.CommentView;
import org.concord.response.PanelistViews.FarFromMedian;
import org.concord.response.PanelistViews.Feedback;
import org.concord.response.PanelistViews.GroupFeedback;
import org.concord.response.PanelistViews.ItemView;
import org.concord.response.PanelistViews.RatingInput;
import org.concord.response.PanelistViews.ResponseView;
import org.concord.response.PanelistViews.RoundPage;
import org.concord.response.PanelistViews.SaveRequest;
import org.concord.response.PanelistViews.ScaleView;
import org.concord.response.PanelistViews.SectionView;
import org.concord.response.PanelistViews.StudyInfo;
import org.concord.round.ClosedRoundResults;
import org.concord.round.ClosedRoundResults.ItemSummary;
import org.concord.round.Invitation;
import org.concord.round.Round;
import org.concord.round.RoundItem;
import org.concord.round.RoundRepository;
import org.concord.round.RoundState;
import org.concord.study.Protocol;
import org.concord.study.Study;
import org.concord.study.translation.TextKind;
import org.concord.study.translation.Translations;
import org.concord.study.translation.Translations.Lookup;
import org.concord.study.translation.Translations.Shown;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/** What a panelist does through their personal link; it reaches their own response only. */
@ApplicationScoped
public class PanelistService {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject TokenService tokens;
  @Inject ResponseRepository responses;
  @Inject RoundRepository rounds;
  @Inject ClosedRoundResults results;
  @Inject OutboxService outbox;
  @Inject LateSaves lateSaves;
  @Inject Translations translations;
  @Inject Session session;

  /** The same answer for an unknown, revoked or withdrawn link: nothing to tell them apart. */
  public static class InactiveLink extends ConcordException {
    InactiveLink() {
      super(
          Problem.of(
              "inactive-link",
              "Link not active",
              404,
              "This link is not active. If you need a new one, reply to the email that brought it."));
    }
  }

  /** An active link, but no round has invited the panelist yet. */
  public static class NoRoundToAnswer extends ConcordException {
    NoRoundToAnswer() {
      super(
          Problem.of(
              "no-round",
              "No round",
              404,
              "There is no round for you to answer at the moment. We will email you when there is."));
    }
  }

  /** A save or submission that reached a round after it closed; kept for the team, not counted. */
  public static class TooLate extends ConcordException.Conflict {
    /** What to keep for the team, once the refused answer's transaction has ended. */
    private final transient Round round;

    private final transient Panelist panelist;
    private final String payload;

    TooLate(Round round, Panelist panelist, String what, String payload) {
      super(
          "Round "
              + round.number
              + " closed on "
              + round.closedAt
              + "; this "
              + what
              + " arrived too late to count. The study team can see it.");
      this.round = round;
      this.panelist = panelist;
      this.payload = payload;
    }
  }

  /**
   * Runs an answer in a transaction and, when the round had closed, keeps the refused answer for
   * the team in a transaction of its own after the answer's has ended. Kept inside, each of a crowd
   * of refused saves would hold its connection while asking the pool for a second one, and a crowd
   * larger than the pool would wait on itself until the pool gave up.
   */
  private <T> T answering(Supplier<T> answer) {
    try {
      return QuarkusTransaction.joiningExisting().call(answer::get);
    } catch (TooLate late) {
      lateSaves.keep(late.round, late.panelist, late.payload);
      throw late;
    }
  }

  public Panelist panelist(String token) {
    return tokens.resolve(token).orElseThrow(InactiveLink::new);
  }

  private Invitation invitation(Panelist panelist) {
    return responses.currentInvitation(panelist).orElseThrow(NoRoundToAnswer::new);
  }

  /** The round page in the panelist's own language (stored, else the study's). */
  @Transactional
  public RoundPage page(String token) {
    return page(token, null, List.of());
  }

  /**
   * The round page: statements, the protocol's feedback and the panelist's own answers so far, in
   * the language {@link Languages#choose} picks from {@code explicit} (the address), the panelist's
   * stored language, {@code accepted} (the browser's) and the study's.
   */
  @Transactional
  public RoundPage page(String token, String explicit, List<Locale> accepted) {
    Panelist panelist = panelist(token);
    Invitation invitation = invitation(panelist);
    Round round = invitation.round;
    if (round.state == RoundState.OPEN && invitation.openedAt == null) {
      if (round.study.protocol.randomOrder) {
        drawOrder(invitation);
      }
      responses.markOpened(invitation, panelist);
    } else {
      readOnly();
    }
    String lang = Languages.choose(explicit, panelist.language, accepted, round.study.language);
    return roundPage(round, panelist, lang, responses.shownPositions(invitation));
  }

  /**
   * Every view after the first writes nothing: what the page reads from here on is loaded without
   * the snapshots kept for dirty checking, and no query flushes first. The page reads several
   * hundred rows (statements, the previous round's results) on every view.
   */
  private void readOnly() {
    session.setDefaultReadOnly(true);
    session.setHibernateFlushMode(FlushMode.MANUAL);
  }

  /**
   * Draws the panelist's order of the round's statements, shuffled within each section, and writes
   * it in one batch. The invitation's row lock makes two first page views at once (two tabs, the
   * page and the API) take turns: the second finds the order the first wrote; the unique keys of
   * shown_position stand behind it.
   */
  private void drawOrder(Invitation invitation) {
    rounds.lockInvitation(invitation);
    if (!responses.shownPositions(invitation).isEmpty()) {
      return;
    }
    Map<Long, List<RoundItem>> bySection = new LinkedHashMap<>();
    for (RoundItem item : rounds.items(invitation.round.id)) {
      bySection.computeIfAbsent(item.statement.section.id, id -> new ArrayList<>()).add(item);
    }
    int position = 0;
    for (List<RoundItem> section : bySection.values()) {
      Collections.shuffle(section, ThreadLocalRandom.current());
      for (RoundItem item : section) {
        ShownPosition shown = new ShownPosition();
        shown.invitation = invitation;
        shown.item = item;
        shown.position = ++position;
        responses.persist(shown);
      }
    }
  }

  /**
   * Who runs the panelist's study and how to reach them, whatever state their rounds are in: the
   * information page and the withdraw page need it also when no round is open.
   */
  @Transactional
  public StudyInfo studyInfo(String token, String lang) {
    Study study = panelist(token).study;
    return studyInfo(study, translations.lookup(study, lang));
  }

  /** The study's details, with its title, sheet and statement in {@code texts}' language. */
  private static StudyInfo studyInfo(Study study, Lookup texts) {
    return new StudyInfo(
        texts.text(TextKind.STUDY_TITLE, study.title).text(),
        study.organisation,
        study.contactName,
        study.contactEmail,
        study.contactPhone,
        texts.text(TextKind.INFORMATION_SHEET, study.informationSheet).text(),
        texts.text(TextKind.DATA_PROTECTION, study.dataProtection).text(),
        study.timeZone,
        study.language);
  }

  /** The language of a panelist's pages where there is no round page (e.g. withdrawing). */
  @Transactional
  public String language(String token, String explicit, List<Locale> accepted) {
    Panelist panelist = panelist(token);
    return Languages.choose(explicit, panelist.language, accepted, panelist.study.language);
  }

  /**
   * Stores the language the panelist chose on the language switch: their pages and emails come in
   * it from now on.
   */
  @Transactional
  public void chooseLanguage(String token, String language) {
    Panelist panelist = panelist(token);
    if (!Languages.isSupported(language)) {
      throw ConcordException.invalid("language", "Concord does not speak \"" + language + "\".");
    }
    panelist.language = language;
  }

  /**
   * The round page as an invited panelist sees it before answering, for the study team's preview:
   * the same statements and feedback, with no panelist's own rating and no answers.
   */
  @Transactional
  public RoundPage preview(long roundId) {
    Round round = rounds.require(roundId);
    readOnly();
    return roundPage(round, null, round.study.language, Map.of());
  }

  /**
   * The round page of {@code panelist}, or of nobody in particular when null, with the study's
   * texts in {@code lang} where translated (one query for all of them) and each text's language;
   * the statements in the order drawn for the panelist ({@code shown}, by item id), else in the
   * round's own order.
   */
  private RoundPage roundPage(
      Round round, Panelist panelist, String lang, Map<Long, Integer> shown) {
    Protocol protocol = round.study.protocol;
    List<RoundItem> items = rounds.items(round.id);
    if (!shown.isEmpty()) {
      items = new ArrayList<>(items);
      items.sort(
          Comparator.comparingInt((RoundItem i) -> i.statement.section.position)
              .thenComparingInt(i -> shown.getOrDefault(i.id, i.position)));
    }
    Map<Long, Feedback> feedback = feedback(round, panelist, protocol);
    Lookup texts = translations.lookup(round.study, lang);
    Map<Long, SectionBuilder> sections = new LinkedHashMap<>();
    for (RoundItem item : items) {
      Section section = item.statement.section;
      Shown wording = texts.statement(item.statement.id, item.version.number, item.version.text);
      sections
          .computeIfAbsent(section.id, id -> new SectionBuilder(section, texts))
          .items
          .add(
              new ItemView(
                  item.id,
                  wording.text(),
                  item.previous == null ? null : feedback.get(item.previous.id),
                  wording.lang()));
    }
    Shown title = texts.text(TextKind.STUDY_TITLE, round.study.title);
    Shown description = texts.text(TextKind.STUDY_DESCRIPTION, round.study.description);
    Response response = panelist == null ? null : responses.response(round, panelist).orElse(null);
    // The link shows the open round it is invited to, else its last round: an open round of the
    // study seen from a closed one is a round this panelist was not invited to.
    Integer laterRound =
        panelist == null || round.state == RoundState.OPEN
            ? null
            : rounds.openRound(round.study.id).map(r -> r.number).orElse(null);
    return new RoundPage(
        title.text(),
        description.text(),
        round.number,
        round.state,
        round.closesAt,
        round.closedAt,
        round.number == 1 && (response == null || response.consentedAt == null),
        protocol.partialSubmissionAllowed,
        scaleView(protocol, texts),
        sections.values().stream().map(SectionBuilder::build).toList(),
        responseView(response, items.size()),
        studyInfo(round.study, texts),
        laterRound,
        lang,
        title.lang(),
        description.lang());
  }

  /**
   * The scale in the page's language. The protocol's own default labels are Concord's words ({@code
   * defaultLabels}: the pages give them in every language from the messages files); labels the
   * study wrote are study text, translated when every point has a translation, else all shown in
   * the original so that one scale never mixes two languages.
   */
  private static ScaleView scaleView(Protocol protocol, Lookup texts) {
    int points = protocol.scaleMax - protocol.scaleMin + 1;
    boolean defaultLabels = protocol.scaleLabels.equals(Protocol.agreementLabels(points));
    List<String> labels = List.copyOf(protocol.scaleLabels);
    String labelsLang = texts.original();
    if (!defaultLabels && texts.allLabels(protocol.scaleMin, protocol.scaleMax)) {
      List<String> translated = new ArrayList<>();
      for (int v = protocol.scaleMin; v <= protocol.scaleMax; v++) {
        translated.add(
            texts.text(TextKind.SCALE_LABEL, v, labels.get(v - protocol.scaleMin)).text());
      }
      labels = List.copyOf(translated);
      labelsLang = texts.language();
    }
    boolean defaultUnable = Protocol.UNABLE_TO_RATE_LABEL.equals(protocol.unableToRateLabel);
    Shown unable =
        defaultUnable
            ? new Shown(protocol.unableToRateLabel, texts.original())
            : texts.text(TextKind.UNABLE_LABEL, protocol.unableToRateLabel);
    return new ScaleView(
        protocol.scaleMin,
        protocol.scaleMax,
        labels,
        protocol.unableToRateAllowed,
        unable.text(),
        protocol.scale().agree().text(),
        protocol.scale().disagree().text(),
        defaultLabels,
        labelsLang,
        defaultUnable,
        unable.lang());
  }

  /**
   * Orders an answer against everything else: the panelist's invitation is locked (two saves of one
   * panelist, from two tabs or the autosave racing a click, run one after the other, so the last
   * one wins per answer and nothing is inserted twice) and the round's state read afresh, so a
   * close waits for this answer or this answer sees the round closed ({@link
   * RoundRepository#lockAgainstAnswers}).
   */
  private void lockForAnswer(Invitation invitation) {
    rounds.lockInvitation(invitation);
  }

  /**
   * Saves any subset of answers. A save to a closed round is refused, and kept for the team; a save
   * that is answered "saved" is in the round's results if it closes afterwards.
   */
  public ResponseView save(String token, SaveRequest posted) {
    return answering(() -> saveOpen(token, withLineBreaksAsOne(posted)));
  }

  private ResponseView saveOpen(String token, SaveRequest request) {
    Panelist panelist = panelist(token);
    Invitation invitation = invitation(panelist);
    Map<Long, Long> sectionOfItem = rounds.sectionsOfItems(invitation.round.id);
    lockForAnswer(invitation);
    Round round = invitation.round;
    if (round.state != RoundState.OPEN) {
      throw new TooLate(round, panelist, "save", json(request));
    }
    validate(request, sectionOfItem, round.study.protocol);
    Response response =
        responses.response(round, panelist).orElseGet(() -> newResponse(invitation));
    if (Boolean.TRUE.equals(request.consent()) && response.consentedAt == null) {
      response.consentedAt = Instant.now();
    }
    responses.writeRatings(response.id, ratingWrites(nonNull(request.ratings())));
    List<ResponseComment> comments = new ArrayList<>(responses.comments(response));
    for (CommentInput input : nonNull(request.comments())) {
      ResponseComment comment =
          comments.stream()
              .filter(
                  c ->
                      input.itemId() != null
                          ? c.item != null && c.item.id.equals(input.itemId())
                          : c.section != null && c.section.id.equals(input.sectionId()))
              .findFirst()
              .orElse(null);
      String text = input.text() == null ? "" : input.text().strip();
      if (text.isEmpty()) {
        if (comment != null) {
          responses.remove(comment);
          comments.remove(comment);
        }
        continue;
      }
      if (comment == null) {
        comment = new ResponseComment();
        comment.response = response;
        if (input.itemId() != null) {
          comment.item = responses.reference(RoundItem.class, input.itemId());
        } else {
          comment.section = responses.reference(Section.class, input.sectionId());
        }
        comment.text = text;
        responses.persist(comment);
        comments.add(comment);
      }
      comment.text = text;
    }
    return responseView(response, responses.answers(response.id), comments, sectionOfItem.size());
  }

  /**
   * The rows a save leaves, one per statement, in the order the answers came: a later answer to the
   * same statement wins, a reason stays unless one is given (blank clears it), and an answer given
   * after its removal in the same save starts afresh, without the stored reason.
   */
  private static List<ResponseRepository.RatingWrite> ratingWrites(List<RatingInput> inputs) {
    Map<Long, ResponseRepository.RatingWrite> writes = new LinkedHashMap<>();
    for (RatingInput input : inputs) {
      boolean unable = Boolean.TRUE.equals(input.unableToRate());
      ResponseRepository.RatingWrite before = writes.get(input.itemId());
      if (input.value() == null && !unable) {
        writes.put(
            input.itemId(),
            new ResponseRepository.RatingWrite(input.itemId(), true, null, false, false, null));
        continue;
      }
      boolean reasonGiven = input.reasonForChange() != null;
      String reason =
          reasonGiven && !input.reasonForChange().isBlank()
              ? input.reasonForChange().strip()
              : null;
      if (!reasonGiven && before != null) {
        // the earlier answer's reason, or none after a removal: the row is written afresh
        reasonGiven = before.remove() || before.reasonGiven();
        reason = before.remove() ? null : before.reason();
      }
      writes.put(
          input.itemId(),
          new ResponseRepository.RatingWrite(
              input.itemId(), false, unable ? null : input.value(), unable, reasonGiven, reason));
    }
    return List.copyOf(writes.values());
  }

  /**
   * The request with every line break of its comments and reasons written as one LF. A form post
   * sends each line break as CRLF, while the box's maxlength counted it as one character: without
   * this a 2,000-character comment with line breaks that the box accepted would be refused here.
   * The JSON API gets the same rule, so both paths store and count the same text.
   */
  private static SaveRequest withLineBreaksAsOne(SaveRequest request) {
    List<RatingInput> ratings =
        request.ratings() == null
            ? null
            : request.ratings().stream()
                .map(
                    r ->
                        r == null
                            ? null
                            : new RatingInput(
                                r.itemId(),
                                r.value(),
                                r.unableToRate(),
                                lineBreaksAsOne(r.reasonForChange())))
                .toList();
    List<CommentInput> comments =
        request.comments() == null
            ? null
            : request.comments().stream()
                .map(
                    c ->
                        c == null
                            ? null
                            : new CommentInput(
                                c.itemId(), c.sectionId(), lineBreaksAsOne(c.text())))
                .toList();
    return new SaveRequest(request.consent(), ratings, comments);
  }

  /** CRLF and a lone CR as LF: the line break a browser's text box counts as one character. */
  static String lineBreaksAsOne(String text) {
    return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n');
  }

  /** Submits the response: complete, or with items skipped where the protocol allows it. */
  public ResponseView submit(String token) {
    return answering(() -> submitOpen(token));
  }

  private ResponseView submitOpen(String token) {
    Panelist panelist = panelist(token);
    Invitation invitation = invitation(panelist);
    lockForAnswer(invitation);
    Round round = invitation.round;
    if (round.state != RoundState.OPEN) {
      throw new TooLate(round, panelist, "submission", "{\"submit\":true}");
    }
    Response response =
        responses.response(round, panelist).orElseGet(() -> newResponse(invitation));
    if (response.state == ResponseState.SUBMITTED) {
      throw ConcordException.conflict(
          "You have submitted this round already. Changes you save still count until the round closes.");
    }
    if (round.number == 1 && response.consentedAt == null) {
      throw ConcordException.invalid(
          "consent", "Please confirm that you agree to take part before you submit.");
    }
    List<AnswerView> answers = responses.answers(response.id);
    int total = (int) rounds.countItems(round.id).items();
    if (answers.size() < total && !round.study.protocol.partialSubmissionAllowed) {
      int missing = total - answers.size();
      throw ConcordException.invalid(
          "ratings",
          missing
              + (missing == 1 ? " statement is" : " statements are")
              + " not answered yet. Please answer every statement (or choose \""
              + round.study.protocol.unableToRateLabel
              + "\" where offered).");
    }
    response.state = ResponseState.SUBMITTED;
    response.submittedAt = Instant.now();
    responses.markSubmitted(response.id);
    invitation.submittedAt = response.submittedAt;
    outbox.enqueue(
        EmailKind.THANK_YOU,
        panelist,
        round,
        "Thank you for your answers to round " + round.number + " of " + round.study.title,
        "thank-you:" + round.id + ":" + panelist.id);
    return responseView(response, answers, responses.comments(response), total);
  }

  /** The panelist leaves the study: never contacted again; what they answered stays. */
  @Transactional
  public void withdraw(String token) {
    Panelist panelist = panelist(token);
    panelist.status = PanelistStatus.WITHDRAWN;
    panelist.withdrawnAt = Instant.now();
  }

  /** Checks a save against the round's items ({@code sectionOfItem}: item id → section id). */
  private void validate(SaveRequest request, Map<Long, Long> sectionOfItem, Protocol protocol) {
    List<FieldError> errors = new ArrayList<>();
    List<RatingInput> ratings = nonNull(request.ratings());
    for (int i = 0; i < ratings.size(); i++) {
      RatingInput r = ratings.get(i);
      String field = "ratings[" + i + "]";
      if (r == null || r.itemId() == null || !sectionOfItem.containsKey(r.itemId())) {
        errors.add(FieldError.field(field + ".itemId", "This statement is not part of the round."));
        continue;
      }
      boolean unable = Boolean.TRUE.equals(r.unableToRate());
      if (unable && !protocol.unableToRateAllowed) {
        errors.add(
            FieldError.field(
                field + ".unableToRate", "This study asks for a rating on every statement."));
      }
      if (unable && r.value() != null) {
        errors.add(
            FieldError.field(
                field + ".value", "Give a rating or choose unable to rate, not both."));
      }
      if (r.value() != null && (r.value() < protocol.scaleMin || r.value() > protocol.scaleMax)) {
        errors.add(
            FieldError.field(
                field + ".value",
                "A rating must be from " + protocol.scaleMin + " to " + protocol.scaleMax + "."));
      }
      if (r.reasonForChange() != null
          && r.reasonForChange().length() > ResponseComment.MAX_LENGTH) {
        errors.add(
            FieldError.field(
                field + ".reasonForChange",
                "A reason can be at most " + ResponseComment.MAX_LENGTH + " characters."));
      }
    }
    List<CommentInput> comments = nonNull(request.comments());
    for (int i = 0; i < comments.size(); i++) {
      CommentInput c = comments.get(i);
      String field = "comments[" + i + "]";
      if (c == null || (c.itemId() == null) == (c.sectionId() == null)) {
        errors.add(
            FieldError.field(
                field, "A comment is on a statement (itemId) or on a section (sectionId)."));
        continue;
      }
      if (c.itemId() != null && !sectionOfItem.containsKey(c.itemId())) {
        errors.add(FieldError.field(field + ".itemId", "This statement is not part of the round."));
      }
      if (c.sectionId() != null && !sectionOfItem.containsValue(c.sectionId())) {
        errors.add(
            FieldError.field(field + ".sectionId", "This section is not part of the round."));
      }
      if (c.text() != null && c.text().length() > ResponseComment.MAX_LENGTH) {
        errors.add(
            FieldError.field(
                field + ".text",
                "A comment can be at most "
                    + ResponseComment.MAX_LENGTH
                    + " characters; this one has "
                    + c.text().length()
                    + "."));
      }
    }
    if (!errors.isEmpty()) {
      throw ConcordException.invalid(
          errors.get(0).message()
              + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "")
              + " Nothing was saved.",
          errors);
    }
  }

  /**
   * Feedback per item of the previous round, by that item's id; three queries in all. Without a
   * panelist (the team's preview) there is no own earlier rating to show.
   */
  private Map<Long, Feedback> feedback(Round round, Panelist panelist, Protocol protocol) {
    Map<Long, Feedback> feedback = new HashMap<>();
    if (round.number == 1) {
      return feedback;
    }
    Round previous = rounds.byNumber(round.study.id, round.number - 1).orElse(null);
    if (previous == null) {
      return feedback;
    }
    Map<Long, Rating> own = new HashMap<>();
    if (protocol.showOwnPrevious && panelist != null) {
      responses.submittedRatings(previous, panelist).forEach(r -> own.put(r.item.id, r));
    }
    Map<Long, List<String>> comments = new HashMap<>();
    if (protocol.showComments) {
      for (ResponseComment c : responses.releasedComments(previous)) {
        comments.computeIfAbsent(c.item.id, k -> new ArrayList<>()).add(c.text);
      }
    }
    Map<Long, ItemSummary> overall = new HashMap<>();
    Map<Long, List<GroupFeedback>> groups = new HashMap<>();
    for (ItemSummary s : results.summaries(previous.id)) {
      if (s.group() == null) {
        overall.put(s.itemId(), s);
      } else if (protocol.showGroupBreakdown) {
        groups
            .computeIfAbsent(s.itemId(), k -> new ArrayList<>())
            .add(
                new GroupFeedback(
                    s.group(), s.rated(), s.unable(), s.counts(), s.median(), s.q1(), s.q3()));
      }
    }
    overall.forEach(
        (itemId, s) -> {
          Rating mine = own.get(itemId);
          List<Double> percents =
              s.counts().stream()
                  .map(c -> s.rated() == 0 ? 0.0 : Math.round(1000.0 * c / s.rated()) / 10.0)
                  .toList();
          feedback.put(
              itemId,
              new Feedback(
                  previous.number,
                  mine == null ? null : mine.value,
                  mine == null ? null : mine.unableToRate,
                  protocol.showDistribution ? s.rated() : null,
                  protocol.showDistribution ? s.unable() : null,
                  protocol.showDistribution
                      ? protocol.denominatorPolicy != DenominatorPolicy.EXCLUDE
                      : null,
                  protocol.showDistribution ? s.counts() : null,
                  protocol.showDistribution ? percents : null,
                  protocol.showMedianIqr ? s.median() : null,
                  protocol.showMedianIqr ? s.q1() : null,
                  protocol.showMedianIqr ? s.q3() : null,
                  protocol.showMedianIqr ? s.iqr() : null,
                  groups.getOrDefault(itemId, List.of()),
                  comments.getOrDefault(itemId, List.of()),
                  protocol.farFromMedianReason
                          && protocol.farFromMedianDistance != null
                          && s.median() != null
                      ? new FarFromMedian(s.median(), protocol.farFromMedianDistance)
                      : null));
        });
    return feedback;
  }

  /** The response of an invitation locked for an answer; the invitation records the start. */
  private Response newResponse(Invitation invitation) {
    Response response = new Response();
    response.round = invitation.round;
    response.panelist = invitation.panelist;
    responses.persist(response);
    invitation.startedAt = Instant.now();
    return response;
  }

  private ResponseView responseView(Response response, int total) {
    if (response == null) {
      return new ResponseView("NOT_STARTED", null, null, List.of(), List.of(), 0, total);
    }
    return responseView(
        response, responses.answers(response.id), responses.comments(response), total);
  }

  private static ResponseView responseView(
      Response response, List<AnswerView> answers, List<ResponseComment> comments, int total) {
    List<CommentView> commentViews =
        comments.stream()
            .map(
                c ->
                    new CommentView(
                        c.item == null ? null : c.item.id,
                        c.section == null ? null : c.section.id,
                        c.text))
            .toList();
    return new ResponseView(
        response.state.name(),
        response.consentedAt,
        response.submittedAt,
        answers,
        commentViews,
        answers.size(),
        total);
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  private static final class SectionBuilder {
    final Section section;
    final Lookup texts;
    final List<ItemView> items = new ArrayList<>();

    SectionBuilder(Section section, Lookup texts) {
      this.section = section;
      this.texts = texts;
    }

    SectionView build() {
      Shown title = texts.text(TextKind.SECTION_TITLE, section.id, section.title);
      Shown introduction =
          texts.text(TextKind.SECTION_INTRODUCTION, section.id, section.introduction);
      return new SectionView(
          section.id,
          title.text(),
          introduction.text(),
          List.copyOf(items),
          title.lang(),
          introduction.lang());
    }
  }
}
