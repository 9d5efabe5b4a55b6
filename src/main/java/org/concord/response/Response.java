package org.concord.response;

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

/** One panelist's answers to one round; saved as a draft until submitted. */
@Entity
@Table(name = "response")
public class Response extends BaseEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "round_id")
  public Round round;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "panelist_id")
  public Panelist panelist;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ResponseState state = ResponseState.DRAFT;

  @Column(name = "consented_at")
  public Instant consentedAt;

  @Column(name = "submitted_at")
  public Instant submittedAt;

  @Version public long version;
}
