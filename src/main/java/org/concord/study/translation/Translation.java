package org.concord.study.translation;

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
 * One of a study's own texts in another language than the study's. The original stays where it is;
 * ratings, results and exports know only the original, so answers given in any language pool.
 */
@Entity
@Table(name = "translation")
public class Translation extends BaseEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "study_id")
  public Study study;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  public TextKind kind;

  /** The section or statement id, the scale point, or 0 for the study's own texts. */
  @Column(name = "target_id", nullable = false)
  public long targetId;

  @Column(nullable = false, length = 35)
  public String language;

  @Column(nullable = false, length = 100000)
  public String text;

  /** For a statement: the version number this translates; a later wording outdates it. */
  @Column(name = "source_version")
  public Integer sourceVersion;
}
