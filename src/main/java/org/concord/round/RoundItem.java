package org.concord.round;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.concord.common.BaseEntity;
import org.concord.guidance.Statement;
import org.concord.guidance.StatementVersion;

/** One statement, in one exact wording, rated in one round. */
@Entity
@Table(name = "round_item")
public class RoundItem extends BaseEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "round_id")
  public Round round;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "statement_id")
  public Statement statement;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "statement_version_id")
  public StatementVersion version;

  @Column(nullable = false)
  public int position;

  /** The same statement's item in the round before, whose results are the feedback. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "previous_item_id")
  public RoundItem previous;
}
