package org.concord.response;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.concord.common.BaseEntity;
import org.concord.round.Invitation;
import org.concord.round.RoundItem;

/**
 * Where one statement stood in a round as one invited panelist was shown it, when the protocol
 * shows statements in a random order: drawn and written once, when they first open the round, so
 * that every page, the JSON API and the export agree on it.
 */
@Entity
@Table(name = "shown_position")
public class ShownPosition extends BaseEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "invitation_id")
  public Invitation invitation;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "round_item_id")
  public RoundItem item;

  /** From 1 through the round, sections in their order: the number the statement carried. */
  @Column(nullable = false)
  public int position;
}
