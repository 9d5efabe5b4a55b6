package org.concord.response;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.concord.common.BaseEntity;
import org.concord.panel.Panelist;
import org.concord.round.Round;

/** A save that arrived after its round closed: refused, and kept so nothing is lost silently. */
@Entity
@Table(name = "late_save")
public class LateSave extends BaseEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "round_id")
  public Round round;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "panelist_id")
  public Panelist panelist;

  @Column(nullable = false, length = 20000)
  public String payload;
}
