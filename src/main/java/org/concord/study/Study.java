package org.concord.study;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.concord.common.BaseEntity;

/** One Delphi consultation: its protocol, and (in other features) guidance, panel and rounds. */
@Entity
@Table(name = "study")
public class Study extends BaseEntity {

  @Column(nullable = false, length = 300)
  public String title;

  @Column(length = 10000)
  public String description;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public StudyState state = StudyState.DRAFT;

  @Embedded public Protocol protocol = new Protocol();

  /** Set when round 1 opens; from then on a protocol change needs a reason. */
  @Column(name = "protocol_locked_at")
  public Instant protocolLockedAt;

  @Version public long version;
}
