package org.concord.response;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.concord.common.BaseEntity;
import org.concord.panel.StakeholderGroup;
import org.concord.round.Round;
import org.concord.round.RoundItem;

/**
 * A panelist's answer to one statement: a scale point, or unable to rate. It carries copies of its
 * response's round and state and of its panelist's group, which a round's close counts by through
 * one index (see V11); {@link ResponseRepository} keeps them equal to the originals.
 */
@Entity
@Table(name = "rating")
public class Rating extends BaseEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "response_id")
  public Response response;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "round_item_id")
  public RoundItem item;

  /** Null when the panelist was unable to rate. */
  @Column(name = "rating_value")
  public Integer value;

  @Column(name = "unable_to_rate", nullable = false)
  public boolean unableToRate;

  /** The response's round. */
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "round_id")
  public Round round;

  /** The panelist's stakeholder group, now. */
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "group_id")
  public StakeholderGroup group;

  /** Whether the response is submitted. */
  @Column(name = "submitted", nullable = false)
  public boolean submitted;

  @Column(name = "reason_for_change", length = 2000)
  public String reasonForChange;
}
