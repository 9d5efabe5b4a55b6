package org.concord.round;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.concord.common.BaseEntity;
import org.concord.guidance.Statement;

/** What happened to a statement between two rounds, for the report's flow of statements. */
@Entity
@Table(name = "round_change")
public class RoundChange extends BaseEntity {

  public enum Kind {
    RETIRED_IN,
    RETIRED_OUT,
    CARRIED,
    REWORDED,
    ADDED
  }

  /** The round the change leads into. */
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "round_id")
  public Round round;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "statement_id")
  public Statement statement;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  public Kind kind;

  @Column(nullable = false, length = 2000)
  public String reason;
}
