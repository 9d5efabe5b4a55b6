package org.concord.panel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.concord.common.BaseEntity;
import org.concord.study.Study;

/** A panelist's personal link, by the SHA-256 of its token; the token itself is not stored. */
@Entity
@Table(name = "access_token")
public class AccessToken extends BaseEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "study_id")
  public Study study;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "panelist_id")
  public Panelist panelist;

  @Column(name = "token_hash", nullable = false, length = 64)
  public String tokenHash;

  /** Raised on every reissue; the token is derived from it, so a reissue changes the link. */
  @Column(nullable = false)
  public int generation;

  @Column(name = "revoked_at")
  public Instant revokedAt;
}
