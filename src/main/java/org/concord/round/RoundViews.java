package org.concord.round;

import java.time.Instant;
import java.util.List;
import org.concord.consensus.StoppingRule;

/** What the API shows of rounds. */
public final class RoundViews {

  private RoundViews() {}

  public record RoundSettings(
      Instant closesAt, String reminderDays, String invitationSubject, String personalMessage) {}

  public record ItemView(
      Long id,
      int position,
      Long statementId,
      Long sectionId,
      String section,
      int version,
      String text,
      Long previousItemId) {
    static ItemView of(RoundItem i) {
      return new ItemView(
          i.id,
          i.position,
          i.statement.id,
          i.statement.section.id,
          i.statement.section.title,
          i.version.number,
          i.version.text,
          i.previous == null ? null : i.previous.id);
    }
  }

  public record StopView(boolean stop, StoppingRule.Reason reason, String explanation) {}

  public record RoundView(
      Long id,
      Long studyId,
      int number,
      RoundState state,
      Instant openedAt,
      Instant closesAt,
      Instant closedAt,
      String reminderDays,
      String invitationSubject,
      String personalMessage,
      String overrideReason,
      String stopReason,
      StopView stoppingRuleBeforeOpening,
      List<ItemView> items) {}

  public record ProgressCounts(
      long invited, long opened, long inProgress, long submitted, double responseRate) {}

  public record GroupProgress(Long groupId, String group, ProgressCounts counts) {}

  public record ProgressView(ProgressCounts overall, List<GroupProgress> groups) {}
}
