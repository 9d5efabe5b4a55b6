package org.concord.study;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.concord.common.BaseEntity;

/**
 * Something the report must be able to tell: who changed what after the protocol locked, and why.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends BaseEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "study_id")
  public Study study;

  @Column(nullable = false, length = 320)
  public String actor;

  @Column(nullable = false, length = 50)
  public String action;

  @Column(nullable = false, length = 4000)
  public String detail;
}
