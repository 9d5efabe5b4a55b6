package org.concord.common;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;

/** Id and timestamps shared by every entity. */
@MappedSuperclass
public abstract class BaseEntity {

  /** One sequence for all tables; 50 ids per round trip lets Hibernate batch inserts. */
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "concord_seq")
  @SequenceGenerator(name = "concord_seq", sequenceName = "concord_seq", allocationSize = 50)
  public Long id;

  @Column(name = "created_at", nullable = false, updatable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @PrePersist
  void onCreate() {
    createdAt = Instant.now();
    updatedAt = createdAt;
  }

  @PreUpdate
  void onUpdate() {
    updatedAt = Instant.now();
  }
}
