package org.concord.response;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.concord.common.BaseEntity;
import org.concord.guidance.Section;
import org.concord.round.RoundItem;

/**
 * A panelist's comment on a statement or a section. Shown to other panelists only when the team
 * releases it, and then without a name.
 */
@Entity
@Table(name = "response_comment")
public class ResponseComment extends BaseEntity {

  public static final int MAX_LENGTH = 2000;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "response_id")
  public Response response;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "round_item_id")
  public RoundItem item;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "section_id")
  public Section section;

  @Column(nullable = false, length = MAX_LENGTH)
  public String text;

  @Column(nullable = false)
  public boolean released;
}
