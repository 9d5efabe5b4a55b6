package org.concord.panel;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.concord.common.BaseEntity;
import org.concord.study.Study;

/** A person on the panel. Known to the study team only; other panelists never see who. */
@Entity
@Table(name = "panelist")
public class Panelist extends BaseEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "study_id")
  public Study study;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "group_id")
  public StakeholderGroup group;

  @Column(nullable = false, length = 200)
  public String name;

  @Column(nullable = false, length = 320)
  public String email;

  /** The email compared without case: one person, one place on the panel. */
  @Column(name = "email_key", nullable = false, length = 320)
  public String emailKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public PanelistStatus status = PanelistStatus.ADDED;

  /** Extra columns of the panel file (e.g. region, role), kept for the team's own analysis. */
  @Convert(converter = AttributesConverter.class)
  @Column(nullable = false, length = 4000)
  public Map<String, String> attributes = new LinkedHashMap<>();

  /** The language tag the panelist reads pages and emails in; null: the study's language. */
  @Column(length = 35)
  public String language;

  @Column(name = "withdrawn_at")
  public Instant withdrawnAt;

  @Version public long version;

  public void changeEmail(String newEmail) {
    email = newEmail.strip();
    emailKey = emailKey(newEmail);
  }

  public static String emailKey(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
