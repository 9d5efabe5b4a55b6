package org.concord.panel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Locale;
import org.concord.common.BaseEntity;
import org.concord.study.Study;

/** A named part of the panel, e.g. Carers; results are also reported per group. */
@Entity
@Table(name = "stakeholder_group")
public class StakeholderGroup extends BaseEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "study_id")
  public Study study;

  @Column(nullable = false, length = 100)
  public String name;

  /** The name compared without case, so "carers" and "Carers" are one group. */
  @Column(name = "name_key", nullable = false, length = 100)
  public String nameKey;

  @Column(nullable = false)
  public int position;

  public void rename(String newName) {
    name = newName.strip();
    nameKey = key(newName);
  }

  public static String key(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
