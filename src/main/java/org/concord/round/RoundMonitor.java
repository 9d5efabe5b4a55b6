package org.concord.round;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.concord.common.ConcordConfig;
import org.concord.common.ConcordException;
import org.concord.mail.EmailKind;
import org.concord.mail.OutboxService;
import org.concord.round.RoundRepository.ProgressRow;
import org.concord.round.RoundViews.GroupProgress;
import org.concord.round.RoundViews.ProgressCounts;
import org.concord.round.RoundViews.ProgressView;
import org.concord.study.AuditLog;
import org.concord.study.StudyRepository;
import org.jboss.logging.Logger;

/**
 * Watching a round: progress, results, comments, late saves; and the scheduled work of closing
 * rounds at their time and sending reminders on their schedule.
 */
@ApplicationScoped
public class RoundMonitor {

  private static final Logger LOG = Logger.getLogger(RoundMonitor.class);

  public record ReminderSummary(int queued, int atCap) {}

  @Inject RoundRepository rounds;
  @Inject RoundService service;
  @Inject OutboxService outbox;
  @Inject AuditLog audit;
  @Inject StudyRepository studies;
  @Inject ConcordConfig config;

  public ProgressView progress(long roundId) {
    rounds.require(roundId);
    List<ProgressRow> rows = rounds.progress(roundId);
    List<GroupProgress> groups =
        rows.stream()
            .map(
                r ->
                    new GroupProgress(
                        r.groupId(),
                        r.group(),
                        counts(r.invited(), r.opened(), r.inProgress(), r.submitted())))
            .toList();
    return new ProgressView(
        counts(
            rows.stream().mapToLong(ProgressRow::invited).sum(),
            rows.stream().mapToLong(ProgressRow::opened).sum(),
            rows.stream().mapToLong(ProgressRow::inProgress).sum(),
            rows.stream().mapToLong(ProgressRow::submitted).sum()),
        groups);
  }

  private static ProgressCounts counts(long invited, long opened, long inProgress, long submitted) {
    double rate = invited == 0 ? 0 : 100.0 * submitted / invited;
    return new ProgressCounts(invited, opened, inProgress, submitted, rate);
  }

  /** Who a reminder now would reach: those who have not submitted, less those at the cap. */
  public record ReminderOutlook(long unanswered, long atCap, int cap) {
    public long wouldGetOne() {
      return unanswered - atCap;
    }
  }

  public ReminderOutlook reminderOutlook(long roundId) {
    rounds.require(roundId);
    int cap = config.reminders().maxPerRound();
    RoundRepository.Unanswered unanswered = rounds.countUnanswered(roundId, cap);
    return new ReminderOutlook(unanswered.count(), unanswered.atCap(), cap);
  }

  /** What a closed round recorded as it closed. */
  public record Closing(Integer invited, Integer submitted, String belowMinimumReason) {}

  public Closing closing(long roundId) {
    Round round = rounds.require(roundId);
    return new Closing(round.invitedAtClose, round.responsesAtClose, round.belowMinimumReason);
  }

  /** Invited and submitted of each of the study's rounds, by round id. */
  public Map<Long, RoundRepository.Tally> tallies(long studyId) {
    return rounds.tallies(studyId);
  }

  /** Reminds every invited panelist who has not submitted, up to the cap per round. */
  @Transactional
  public ReminderSummary remindNow(long roundId) {
    Round round = rounds.lockAgainstAnswers(roundId);
    if (round.state != RoundState.OPEN) {
      throw ConcordException.conflict("Reminders go out for an open round only.");
    }
    return remind(round, "manual-" + Instant.now().toEpochMilli(), null);
  }

  /**
   * Queues a reminder for each invited panelist who has not submitted, is under the cap, and (when
   * {@code remindedSince} is given) was not reminded since then. The caller holds the round's
   * invitations' locks, so a submit either lands first (no reminder) or waits for the reminders.
   */
  private ReminderSummary remind(Round round, String occasion, Instant remindedSince) {
    List<OutboxService.Pending> reminders = new ArrayList<>();
    int atCap = 0;
    for (Invitation invitation : rounds.unanswered(round.id)) {
      if (remindedSince != null
          && invitation.lastRemindedAt != null
          && !invitation.lastRemindedAt.isBefore(remindedSince)) {
        continue;
      }
      if (invitation.remindersSent >= config.reminders().maxPerRound()) {
        atCap++;
        continue;
      }
      invitation.remindersSent++;
      invitation.lastRemindedAt = Instant.now();
      reminders.add(
          new OutboxService.Pending(
              EmailKind.REMINDER,
              invitation.panelist,
              round,
              "Reminder: " + round.invitationSubject,
              "reminder:" + round.id + ":" + invitation.panelist.id + ":" + occasion));
    }
    outbox.enqueueAll(reminders);
    return new ReminderSummary(reminders.size(), atCap);
  }

  /**
   * Closes rounds whose time has come and sends the reminders that are due. Each round is its own
   * transaction: one round that fails is logged and written to its study's audit trail, and the
   * others go on.
   */
  @Scheduled(
      every = "${concord.rounds.check-every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    Instant now = Instant.now();
    for (Round round : rounds.dueToClose(now)) {
      isolated(
          round,
          "scheduled-close-failed",
          "was not closed at its closing time",
          () -> {
            if (service.closeOnSchedule(round.id, now)) {
              LOG.infof(
                  "Closed round %d of study %d at its closing time", round.number, round.study.id);
            }
          });
    }
    sendDueReminders(now);
  }

  /** A reminder "d days before closing" is due once now is past that moment; each is sent once. */
  public void sendDueReminders(Instant now) {
    for (Round open : rounds.openWithClosingTime()) {
      isolated(
          open,
          "scheduled-reminders-failed",
          "could not send its scheduled reminders",
          () ->
              QuarkusTransaction.requiringNew()
                  .run(
                      () -> {
                        Round round = rounds.lockAgainstAnswers(open.id);
                        if (round.state != RoundState.OPEN) {
                          return;
                        }
                        for (int days : round.reminderDayList()) {
                          Instant due = round.closesAt.minus(Duration.ofDays(days));
                          if (!now.isBefore(due)) {
                            remind(round, days + "-days", due);
                          }
                        }
                      }));
    }
  }

  private void isolated(Round round, String action, String failure, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      String detail = "Round " + round.number + " " + failure + ": " + e.getMessage();
      LOG.errorf(e, "Study %d: %s", round.study.id, detail);
      QuarkusTransaction.requiringNew()
          .run(() -> audit.record(studies.require(round.study.id), "scheduler", action, detail));
    }
  }
}
