package org.concord.response;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.concord.common.BaseEntity;
import org.concord.round.RoundItem;

/** A panelist's answer to one statement: a scale point, or unable to rate. */
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

  @Column(name = "reason_for_change", length = 2000)
  public String reasonForChange;
}
