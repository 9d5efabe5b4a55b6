package org.concord.round;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.concord.common.BaseEntity;
import org.concord.consensus.StoppingRule;
import org.concord.study.Study;

/** One round of rating: draft, then open to the invited panelists, then closed with results. */
@Entity
@Table(name = "round")
public class Round extends BaseEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "study_id")
  public Study study;

  @Column(nullable = false)
  public int number;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public RoundState state = RoundState.DRAFT;

  @Column(name = "opened_at")
  public Instant openedAt;

  /** When the scheduler closes the round; none: the team closes it. */
  @Column(name = "closes_at")
  public Instant closesAt;

  @Column(name = "closed_at")
  public Instant closedAt;

  /** Days before closing on which non-respondents are reminded, e.g. "7,3". */
  @Column(name = "reminder_days", nullable = false, length = 100)
  public String reminderDays = "7,3";

  @Column(name = "invitation_subject", nullable = false, length = 300)
  public String invitationSubject;

  /** A short note from the team, shown in the emails of this round. */
  @Column(name = "personal_message", length = 4000)
  public String personalMessage;

  /** Why the round opened although the stopping rule said stop. */
  @Column(name = "override_reason", length = 2000)
  public String overrideReason;

  /** What the stopping rule said when this round closed, in words. */
  @Column(name = "stop_reason", length = 2000)
  public String stopReason;

  /** The stopping rule's verdict when this round closed, as a value. */
  @Enumerated(EnumType.STRING)
  @Column(name = "stop_verdict", length = 20)
  public StoppingRule.Reason stopVerdict;

  /** Panelists invited to this round and those who had submitted when it closed. */
  @Column(name = "invited_at_close")
  public Integer invitedAtClose;

  @Column(name = "responses_at_close")
  public Integer responsesAtClose;

  /** Why the round closed below the protocol's minimum response. */
  @Column(name = "below_minimum_reason", length = 2000)
  public String belowMinimumReason;

  @Version public long version;

  public List<Integer> reminderDayList() {
    if (reminderDays == null || reminderDays.isBlank()) {
      return List.of();
    }
    return Arrays.stream(reminderDays.split(",")).map(String::strip).map(Integer::valueOf).toList();
  }
}
