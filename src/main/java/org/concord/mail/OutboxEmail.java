package org.concord.mail;

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
import org.concord.common.BaseEntity;
import org.concord.panel.Panelist;
import org.concord.round.Round;
import org.concord.study.Study;

/**
 * An email to send, written in the transaction of the change that caused it. The body is rendered
 * when it is sent, so the personal link never rests in this table.
 */
@Entity
@Table(name = "outbox_email")
public class OutboxEmail extends BaseEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "study_id")
  public Study study;

  /**
   * One email per cause (e.g. the invitation of one panelist to one round), however often asked.
   */
  @Column(name = "dedupe_key", nullable = false, length = 200)
  public String dedupeKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  public EmailKind kind;

  @Column(nullable = false, length = 320)
  public String recipient;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "panelist_id")
  public Panelist panelist;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "round_id")
  public Round round;

  @Column(nullable = false, length = 300)
  public String subject;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  public OutboxStatus status = OutboxStatus.PENDING;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  public Instant nextAttemptAt = Instant.now();

  /** While set in the future, one dispatcher owns this email. */
  @Column(name = "claimed_until")
  public Instant claimedUntil;

  @Column(name = "last_error", length = 2000)
  public String lastError;

  @Column(name = "sent_at")
  public Instant sentAt;

  @Version public long version;
}
