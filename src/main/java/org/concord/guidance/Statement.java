package org.concord.guidance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.concord.common.BaseEntity;
import org.concord.study.Study;

/**
 * One ratable item of guidance. Its wording lives in {@link StatementVersion}s: a rewording adds a
 * version, so every round can say exactly which text was rated.
 */
@Entity
@Table(name = "statement")
public class Statement extends BaseEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "study_id")
  public Study study;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "section_id")
  public Section section;

  @Column(nullable = false)
  public int position;

  /** The team's own reference (e.g. "A3"), kept through imports and exports. */
  @Column(name = "external_id", length = 100)
  public String externalId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public StatementStatus status = StatementStatus.ACTIVE;
}
