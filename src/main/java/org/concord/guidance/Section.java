package org.concord.guidance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.concord.common.BaseEntity;
import org.concord.study.Study;

/** An ordered part of the guidance with a title and an introduction panelists read first. */
@Entity
@Table(name = "section")
public class Section extends BaseEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "study_id")
  public Study study;

  @Column(nullable = false)
  public int position;

  @Column(nullable = false, length = 300)
  public String title;

  @Column(length = 10000)
  public String introduction;
}
