package org.concord.round;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.concord.common.BaseEntity;
import org.concord.consensus.Outcome;
import org.concord.panel.StakeholderGroup;

/**
 * The stored result of a round item when its round closed, overall ({@code group} null) or for one
 * stakeholder group. The statistics are kept as JSON for the report and the feedback.
 */
@Entity
@Table(name = "item_result")
public class RoundItemResult extends BaseEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "round_item_id")
  public RoundItem item;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "group_id")
  public StakeholderGroup group;

  @Column(nullable = false)
  public int n;

  @Column(name = "unable_count", nullable = false)
  public int unableCount;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  public Outcome outcome;

  @Column(nullable = false, length = 1000)
  public String reason;

  @Column(nullable = false, length = 4000)
  public String statistics;
}
