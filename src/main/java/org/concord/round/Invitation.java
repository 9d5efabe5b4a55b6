package org.concord.round;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.concord.common.BaseEntity;
import org.concord.panel.Panelist;

/** A panelist asked to answer a round; only invited panelists may answer it. */
@Entity
@Table(name = "invitation")
public class Invitation extends BaseEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "round_id")
  public Round round;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "panelist_id")
  public Panelist panelist;

  @Column(name = "opened_at")
  public Instant openedAt;

  /** When the panelist first saved an answer to this round. */
  @Column(name = "started_at")
  public Instant startedAt;

  /** When the panelist submitted this round; kept by the response feature as they submit. */
  @Column(name = "submitted_at")
  public Instant submittedAt;

  @Column(name = "reminders_sent", nullable = false)
  public int remindersSent;

  @Column(name = "last_reminded_at")
  public Instant lastRemindedAt;
}
