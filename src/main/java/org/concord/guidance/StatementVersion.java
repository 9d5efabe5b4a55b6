package org.concord.guidance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;
import org.concord.common.BaseEntity;

/** One wording of a statement. Versions are never changed once rated; a new one is added. */
@Entity
@Table(name = "statement_version")
public class StatementVersion extends BaseEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "statement_id")
  public Statement statement;

  /** 1 for the first wording; the highest is the current one. */
  @Column(nullable = false)
  public int number;

  @Column(nullable = false, length = 2000)
  public String text;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public VersionOrigin origin;

  @Column(length = 2000)
  public String reason;

  /** The versions of other statements this one was split from, merged from, and so on. */
  @ManyToMany(fetch = FetchType.LAZY)
  @JoinTable(
      name = "statement_lineage",
      joinColumns = @JoinColumn(name = "version_id"),
      inverseJoinColumns = @JoinColumn(name = "source_version_id"))
  public Set<StatementVersion> sources = new HashSet<>();
}
