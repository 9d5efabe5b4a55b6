package org.concord.round;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.concord.common.ConcordException;
import org.concord.common.Problem.FieldError;
import org.concord.common.Texts;
import org.concord.consensus.Outcome;
import org.concord.consensus.StoppingRule;
import org.concord.guidance.GuidanceRepository;
import org.concord.guidance.GuidanceService;
import org.concord.guidance.Section;
import org.concord.guidance.Statement;
import org.concord.guidance.StatementStatus;
import org.concord.guidance.StatementVersion;
import org.concord.mail.EmailKind;
import org.concord.mail.OutboxService;
import org.concord.panel.Panelist;
import org.concord.panel.PanelistStatus;
import org.concord.panel.TokenService;
import org.concord.round.RoundViews.Fate;
import org.concord.round.RoundViews.ItemView;
import org.concord.round.RoundViews.ProposalView;
import org.concord.round.RoundViews.ProposedStatement;
import org.concord.round.RoundViews.RoundSettings;
import org.concord.round.RoundViews.RoundView;
import org.concord.round.RoundViews.StopView;
import org.concord.study.AuditLog;
import org.concord.study.Eligibility;
import org.concord.study.ProtocolValidator;
import org.concord.study.Study;
import org.concord.study.StudyRepository;
import org.concord.study.StudyState;

/** The round lifecycle: draft → open (invitations) → closed (results) → the next draft. */
@ApplicationScoped
public class RoundService {

  @Inject RoundRepository rounds;
  @Inject StudyRepository studies;
  @Inject GuidanceRepository guidance;
  @Inject GuidanceService guidanceService;
  @Inject ClosedRoundResults results;
  @Inject TokenService tokens;
  @Inject OutboxService outbox;
  @Inject AuditLog audit;
  @Inject CommentedVersions commentedVersions;

  public List<RoundView> list(long studyId) {
    studies.require(studyId);
    return rounds.ofStudy(studyId).stream().map(r -> view(r, false)).toList();
  }

  public RoundView get(long roundId) {
    return view(rounds.require(roundId), true);
  }

  /** Round 1, from the study's current statements. */
  @Transactional
  public RoundView createFirst(long studyId, RoundSettings settings) {
    Study study = studies.require(studyId);
    if (rounds.latest(studyId).isPresent()) {
      throw ConcordException.conflict(
          "This study has rounds already; build the next one from the last closed round.");
    }
    Round round = newRound(study, 1, settings);
    addCurrentStatements(round);
    return view(round, true);
  }

  /**
   * Round 1 rates the guidance as it stands: its items are the study's current statements in
   * guidance order. The guidance can still change while round 1 is a draft, so the items are built
   * again as it opens.
   */
  private void addCurrentStatements(Round round) {
    int position = 1;
    for (var current : guidance.currentStatements(round.study.id, null, 0, Integer.MAX_VALUE)) {
      RoundItem item = new RoundItem();
      item.round = round;
      item.statement = current.statement();
      item.version = current.version();
      item.position = position++;
      rounds.persistItem(item);
    }
  }

  @Transactional
  public RoundView update(long roundId, RoundSettings settings) {
    Round round = rounds.require(roundId);
    if (round.state == RoundState.CLOSED) {
      throw ConcordException.conflict(
          "Round " + round.number + " has closed; its settings are final.");
    }
    apply(round, settings);
    return view(round, true);
  }

  /**
   * Sets a round's schedule as the console's form shows it, all three at once: no closing time
   * means the team closes the round, blank reminder days mean no scheduled reminders, a blank
   * message none. (The API's update leaves out what a request leaves out.)
   */
  @Transactional
  public RoundView schedule(
      long roundId, Instant closesAt, String reminderDays, String personalMessage) {
    Round round = rounds.require(roundId);
    if (round.state == RoundState.CLOSED) {
      throw ConcordException.conflict(
          "Round " + round.number + " has closed; its settings are final.");
    }
    round.reminderDays = reminderDays(reminderDays == null ? "" : reminderDays);
    round.closesAt = closesAt;
    round.personalMessage =
        personalMessage == null || personalMessage.isBlank() ? null : personalMessage.strip();
    return view(round, true);
  }

  /** How many panelists opening this draft would invite, as {@link #open} chooses them. */
  public long invitees(long roundId) {
    Round round = rounds.require(roundId);
    Long previousRoundId = null;
    if (round.number > 1
        && round.study.protocol.eligibility == Eligibility.SUBMITTED_PREVIOUS_ROUND) {
      previousRoundId =
          rounds.byNumber(round.study.id, round.number - 1).map(r -> r.id).orElse(null);
      if (previousRoundId == null) {
        return 0;
      }
    }
    return rounds.countEligible(round.study.id, previousRoundId);
  }

  /**
   * Opens a draft round: checks it can run, locks the protocol, invites the eligible panelists and
   * queues their invitations, all in one transaction.
   */
  @Transactional
  public RoundView open(long roundId, String overrideReason, String actor) {
    Round round = rounds.lockExclusive(roundId);
    Study study = round.study;
    if (round.state != RoundState.DRAFT) {
      throw ConcordException.conflict(
          "Round " + round.number + " is " + round.state.name().toLowerCase() + ", not a draft.");
    }
    rounds
        .openRound(study.id)
        .ifPresent(
            open -> {
              throw ConcordException.conflict(
                  "Round " + open.number + " is still open; close it first.");
            });
    List<FieldError> protocolErrors = ProtocolValidator.validate(study.protocol);
    if (!protocolErrors.isEmpty()) {
      throw ConcordException.invalid(
          "The protocol is not valid: " + protocolErrors.get(0).message(), protocolErrors);
    }
    if (round.number == 1) {
      rounds.deleteItems(roundId);
      addCurrentStatements(round);
    }
    if (rounds.items(roundId).isEmpty()) {
      throw ConcordException.conflict("Round " + round.number + " has no statements to rate.");
    }
    if (round.closesAt != null && !round.closesAt.isAfter(Instant.now())) {
      throw ConcordException.invalid("closesAt", "The closing time is in the past.");
    }
    StopView stopping = stoppingBeforeOpening(round);
    boolean beyondMaximum = round.number > study.protocol.maximumRounds;
    boolean blank = overrideReason == null || overrideReason.isBlank();
    if ((beyondMaximum || (stopping != null && stopping.stop())) && blank) {
      String why =
          beyondMaximum
              ? "The protocol allows at most " + study.protocol.maximumRounds + " rounds."
              : stopping.explanation();
      throw ConcordException.conflict(
          why
              + " To open round "
              + round.number
              + " anyway, give an override reason; it is written to the report.");
    }
    Long previousRoundId = null;
    if (round.number > 1 && study.protocol.eligibility == Eligibility.SUBMITTED_PREVIOUS_ROUND) {
      previousRoundId = rounds.byNumber(study.id, round.number - 1).orElseThrow().id;
    }
    List<Panelist> invited = rounds.eligible(study.id, previousRoundId);
    if (invited.isEmpty()) {
      throw ConcordException.conflict(
          round.number == 1
              ? "The panel is empty: add panelists before opening round 1."
              : "No panelist can be invited: nobody eligible submitted round "
                  + (round.number - 1)
                  + ".");
    }
    Instant now = Instant.now();
    if (study.protocolLockedAt == null) {
      study.protocolLockedAt = now;
      study.state = StudyState.RUNNING;
      audit.record(study, actor, "protocol-locked", "The protocol locked as round 1 opened.");
    }
    if (!blank) {
      round.overrideReason = overrideReason.strip();
      audit.record(
          study,
          actor,
          "stopping-rule-overridden",
          "Round " + round.number + " opened against the stopping rule: " + round.overrideReason);
    }
    round.state = RoundState.OPEN;
    round.openedAt = now;
    tokens.ensureTokens(invited);
    List<OutboxService.Pending> invitations = new ArrayList<>();
    for (Panelist panelist : invited) {
      Invitation invitation = new Invitation();
      invitation.round = round;
      invitation.panelist = panelist;
      rounds.persistEntity(invitation);
      if (panelist.status == PanelistStatus.ADDED) {
        panelist.status = PanelistStatus.INVITED;
      }
      invitations.add(
          new OutboxService.Pending(
              EmailKind.INVITATION,
              panelist,
              round,
              round.invitationSubject,
              "invitation:" + round.id + ":" + panelist.id));
    }
    outbox.enqueueAll(invitations);
    return view(round, true);
  }

  /**
   * Closes an open round and stores every item's result. The exclusive lock on the round waits for
   * the saves in flight and turns away later ones (they become late saves), so the results count
   * exactly the answers that were acknowledged before the close; a second close waits and is told
   * the round has closed.
   */
  @Transactional
  public RoundView close(long roundId, String belowMinimumReason, String actor) {
    Round round = rounds.lockAgainstAnswers(roundId);
    if (round.state != RoundState.OPEN) {
      throw ConcordException.conflict(
          "Only an open round can close; round "
              + round.number
              + " is "
              + round.state.name().toLowerCase()
              + ".");
    }
    return closeLocked(round, belowMinimumReason, actor);
  }

  /**
   * Closes the round if it is still open and its closing time has come; false when another instance
   * (or the team) closed it first or its closing time was moved.
   */
  @Transactional
  public boolean closeOnSchedule(long roundId, Instant now) {
    Round round = rounds.lockAgainstAnswers(roundId);
    if (round.state != RoundState.OPEN || round.closesAt == null || round.closesAt.isAfter(now)) {
      return false;
    }
    closeLocked(round, "Closed at its scheduled time, " + round.closesAt + ".", "scheduler");
    return true;
  }

  /**
   * Closes a locked, open round. Below the protocol's minimum response the results would claim
   * consensus on a handful of answers, so the close needs a reason, which goes to the audit trail
   * and the report; a scheduled close gives its schedule as the reason (panelists were told when
   * the round ends).
   */
  private RoundView closeLocked(Round round, String belowMinimumReason, String actor) {
    Study study = round.study;
    RoundRepository.Turnout turnout = rounds.turnout(round.id);
    long invited = turnout.invited();
    long submitted = turnout.submitted();
    int minimum = study.protocol.minimumResponsePercent;
    if (100 * submitted < (long) minimum * invited) {
      String shortfall =
          "Round "
              + round.number
              + " has "
              + submitted
              + " submitted of "
              + invited
              + " invited, below the protocol's minimum response of "
              + minimum
              + "%.";
      if (belowMinimumReason == null || belowMinimumReason.isBlank()) {
        throw ConcordException.conflict(
            shortfall
                + " To close it anyway, give a reason; it is written to the audit trail and the"
                + " report.");
      }
      round.belowMinimumReason = Texts.fit(belowMinimumReason.strip(), 2000);
      audit.record(
          study,
          actor,
          "closed-below-minimum-response",
          shortfall + " Reason: " + round.belowMinimumReason);
    }
    round.state = RoundState.CLOSED;
    round.closedAt = Instant.now();
    round.invitedAtClose = (int) invited;
    round.responsesAtClose = (int) submitted;
    StoppingRule.StopDecision verdict = results.store(round);
    round.stopVerdict = verdict.reason();
    round.stopReason = Texts.fit(verdict.explanation(), 2000);
    return view(round, true);
  }

  /**
   * What building the next round from a closed round would do, without doing it: each statement's
   * fate in guidance order, who would be invited and what the stopping rule said.
   */
  public ProposalView proposal(long roundId) {
    Round closed = rounds.require(roundId);
    Study study = closed.study;
    if (closed.state != RoundState.CLOSED) {
      throw ConcordException.conflict(
          "Round " + closed.number + " must close before the next round is proposed.");
    }
    List<ProposedStatement> statements =
        plan(closed).stream()
            .sorted(
                Comparator.comparingInt((Planned p) -> p.statement().section.position)
                    .thenComparingInt(p -> p.statement().position))
            .map(
                p ->
                    new ProposedStatement(
                        p.previous() == null ? null : p.previous().id,
                        p.statement().id,
                        p.statement().section.id,
                        p.statement().section.title,
                        p.version().text,
                        p.fate(),
                        p.reason()))
            .toList();
    Long previousRoundId =
        study.protocol.eligibility == Eligibility.SUBMITTED_PREVIOUS_ROUND ? closed.id : null;
    return new ProposalView(
        closed.id,
        study.id,
        closed.number,
        rounds.byNumber(study.id, closed.number + 1).map(r -> r.id).orElse(null),
        statements,
        study.protocol.eligibility,
        rounds.countEligible(study.id, previousRoundId),
        closed.stopVerdict == null
            ? null
            : new StopView(
                closed.stopVerdict != StoppingRule.Reason.CONTINUE,
                closed.stopVerdict,
                closed.stopReason),
        study.protocol.maximumRounds);
  }

  /** Builds the draft of the next round from a closed round's results. */
  @Transactional
  public RoundView next(long roundId) {
    // Locked, so that two requests at once build one next round and the other is told it exists.
    Round closed = rounds.lockExclusive(roundId);
    Study study = closed.study;
    if (closed.state != RoundState.CLOSED) {
      throw ConcordException.conflict(
          "Round " + closed.number + " must close before the next round is built.");
    }
    if (rounds.byNumber(study.id, closed.number + 1).isPresent()) {
      throw ConcordException.conflict("Round " + (closed.number + 1) + " exists already.");
    }
    List<Planned> plan = plan(closed);
    Round next = newRound(study, closed.number + 1, null);
    List<RoundItem> items = new ArrayList<>();
    for (Planned planned : plan) {
      if (planned.fate() == Fate.LEFT_OUT) {
        continue;
      }
      if (planned.fate() == Fate.CARRIED || planned.fate() == Fate.ADDED) {
        RoundItem item = new RoundItem();
        item.round = next;
        item.statement = planned.statement();
        item.version = planned.version();
        item.previous = planned.previous();
        items.add(item);
      }
      RoundChange change = new RoundChange();
      change.round = next;
      change.statement = planned.statement();
      change.kind =
          switch (planned.fate()) {
            case CARRIED -> RoundChange.Kind.CARRIED;
            case RETIRED_IN -> RoundChange.Kind.RETIRED_IN;
            case RETIRED_OUT -> RoundChange.Kind.RETIRED_OUT;
            default -> RoundChange.Kind.ADDED;
          };
      change.reason = Texts.fit(planned.reason(), 2000);
      rounds.persistEntity(change);
    }
    renumber(items).forEach(rounds::persistItem);
    return view(next, true);
  }

  /** One statement's fate in the round after {@code closed}, in the wording it would be rated. */
  private record Planned(
      RoundItem previous,
      Statement statement,
      StatementVersion version,
      Fate fate,
      String reason) {}

  /**
   * The rule of the next round (DESIGN §4): a statement without consensus is carried in its latest
   * wording, one with consensus retires with its outcome, and statements never rated are added; the
   * closed round's statements first, in its order, then the additions.
   */
  private List<Planned> plan(Round closed) {
    Study study = closed.study;
    var outcomes = results.decisions(closed.id);
    var latestVersions = guidance.currentVersionsById(study.id);
    Set<Long> everRated = rounds.ratedStatementIds(study.id);
    List<Planned> plan = new ArrayList<>();
    for (RoundItem previous : rounds.items(closed.id)) {
      var decision = outcomes.get(previous.id);
      if (previous.statement.status != StatementStatus.ACTIVE) {
        plan.add(
            new Planned(
                previous,
                previous.statement,
                previous.version,
                Fate.LEFT_OUT,
                "Removed from the guidance."));
      } else if (decision.outcome() == Outcome.NO_CONSENSUS) {
        plan.add(
            new Planned(
                previous,
                previous.statement,
                latestVersions.getOrDefault(previous.statement.id, previous.version),
                Fate.CARRIED,
                "No consensus in round " + closed.number + ": " + decision.reason()));
      } else {
        plan.add(
            new Planned(
                previous,
                previous.statement,
                previous.version,
                decision.outcome() == Outcome.CONSENSUS_IN ? Fate.RETIRED_IN : Fate.RETIRED_OUT,
                decision.reason()));
      }
    }
    for (var current : guidance.currentStatements(study.id, null, 0, Integer.MAX_VALUE)) {
      if (!everRated.contains(current.statement().id)) {
        plan.add(
            new Planned(
                null,
                current.statement(),
                current.version(),
                Fate.ADDED,
                "Added by the team after round " + closed.number + "."));
      }
    }
    return plan;
  }

  /** Rewords a statement of a draft round: a new version, linked to the wording rated before. */
  @Transactional
  public ItemView reword(long roundId, long itemId, String text, String reason) {
    Round round = draftAfterFirst(roundId);
    RoundItem item = rounds.requireItem(round.id, itemId);
    StatementVersion version = guidanceService.newWording(item.statement, text, reason);
    item.version = version;
    RoundChange change = new RoundChange();
    change.round = round;
    change.statement = item.statement;
    change.kind = RoundChange.Kind.REWORDED;
    change.reason = reason == null || reason.isBlank() ? "Reworded by the team." : reason.strip();
    rounds.persistEntity(change);
    return ItemView.of(item);
  }

  /** Adds a statement to a draft round, optionally written from panelists' comments. */
  @Transactional
  public ItemView addStatement(long roundId, long sectionId, String text, List<Long> commentIds) {
    Round round = draftAfterFirst(roundId);
    Section section = guidance.requireSection(sectionId);
    if (!section.study.id.equals(round.study.id)) {
      throw ConcordException.invalid(
          "sectionId", "Section " + sectionId + " belongs to another study.");
    }
    List<StatementVersion> commentedOn =
        commentIds == null ? List.of() : commentedVersions.of(round.study.id, commentIds);
    String reason =
        commentIds == null || commentIds.isEmpty()
            ? "Added by the team before round " + round.number + "."
            : "Written from comments "
                + commentIds.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + ".";
    var created = guidanceService.addBetweenRounds(section, text, reason, commentedOn);
    RoundItem item = new RoundItem();
    item.round = round;
    item.statement = created.statement();
    item.version = created.version();
    List<RoundItem> items = new ArrayList<>(rounds.items(round.id));
    items.add(item);
    renumber(items);
    rounds.persistItem(item);
    RoundChange change = new RoundChange();
    change.round = round;
    change.statement = created.statement();
    change.kind = RoundChange.Kind.ADDED;
    change.reason = reason;
    rounds.persistEntity(change);
    return ItemView.of(item);
  }

  /** Statements in guidance order: section, then position within it. */
  private static List<RoundItem> renumber(List<RoundItem> items) {
    items.sort(
        Comparator.comparingInt((RoundItem i) -> i.statement.section.position)
            .thenComparingInt(i -> i.statement.position));
    for (int i = 0; i < items.size(); i++) {
      items.get(i).position = i + 1;
    }
    return items;
  }

  private Round draftAfterFirst(long roundId) {
    Round round = rounds.require(roundId);
    if (round.state != RoundState.DRAFT || round.number == 1) {
      throw ConcordException.conflict(
          "Statements change between rounds only: in the draft of round 2 or later.");
    }
    return round;
  }

  /** The invitation's subject until the team writes one; emails translate it. */
  public static String defaultInvitationSubject(int number, String title) {
    return Texts.fit("Round " + number + " of " + title, 300);
  }

  private Round newRound(Study study, int number, RoundSettings settings) {
    Round round = new Round();
    round.study = study;
    round.number = number;
    round.invitationSubject = defaultInvitationSubject(number, study.title);
    apply(round, settings);
    rounds.persist(round);
    return round;
  }

  private static void apply(Round round, RoundSettings settings) {
    if (settings == null) {
      return;
    }
    if (settings.closesAt() != null) {
      round.closesAt = settings.closesAt();
    }
    if (settings.reminderDays() != null) {
      round.reminderDays = reminderDays(settings.reminderDays());
    }
    if (settings.invitationSubject() != null) {
      if (settings.invitationSubject().isBlank()) {
        throw ConcordException.invalid(
            "invitationSubject", "The subject of the invitation emails cannot be empty.");
      }
      round.invitationSubject = settings.invitationSubject().strip();
    }
    if (settings.personalMessage() != null) {
      round.personalMessage = settings.personalMessage().strip();
    }
  }

  /** "7, 3" → "7,3"; each a whole number of days from 1 to 60. */
  static String reminderDays(String text) {
    if (text.isBlank()) {
      return "";
    }
    List<Integer> days = new ArrayList<>();
    for (String part : text.split(",")) {
      try {
        int day = Integer.parseInt(part.strip());
        if (day < 1 || day > 60) {
          throw new NumberFormatException();
        }
        days.add(day);
      } catch (NumberFormatException e) {
        throw ConcordException.invalid(
            "reminderDays",
            "Give reminder days as whole numbers from 1 to 60 separated by commas, e.g. \"7,3\".");
      }
    }
    return days.stream()
        .distinct()
        .sorted(Comparator.reverseOrder())
        .map(String::valueOf)
        .collect(Collectors.joining(","));
  }

  /** For a draft of round 2 or later: what the stopping rule said when the round before closed. */
  private StopView stoppingBeforeOpening(Round round) {
    if (round.number == 1 || round.state != RoundState.DRAFT) {
      return null;
    }
    return rounds
        .byNumber(round.study.id, round.number - 1)
        .filter(previous -> previous.state == RoundState.CLOSED && previous.stopVerdict != null)
        .map(
            previous ->
                new StopView(
                    previous.stopVerdict != StoppingRule.Reason.CONTINUE,
                    previous.stopVerdict,
                    previous.stopReason))
        .orElse(null);
  }

  private RoundView view(Round round, boolean withItems) {
    return new RoundView(
        round.id,
        round.study.id,
        round.number,
        round.state,
        round.openedAt,
        round.closesAt,
        round.closedAt,
        round.reminderDays,
        round.invitationSubject,
        round.personalMessage,
        round.overrideReason,
        round.stopReason,
        withItems ? stoppingBeforeOpening(round) : null,
        withItems ? rounds.items(round.id).stream().map(ItemView::of).toList() : null);
  }
}
