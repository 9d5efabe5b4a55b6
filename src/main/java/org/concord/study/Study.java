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

  /** The organisation running the study, as panelists know it. */
  @Column(length = 300)
  public String organisation;

  @Column(name = "contact_name", length = 200)
  public String contactName;

  @Column(name = "contact_email", length = 320)
  public String contactEmail;

  @Column(name = "contact_phone", length = 50)
  public String contactPhone;

  /** The name emails come from ("Connecting People study team"); the address is the server's. */
  @Column(name = "sender_name", length = 200)
  public String senderName;

  /** Markdown, shown to panelists before they consent. */
  @Column(name = "information_sheet", length = 100000)
  public String informationSheet;

  /** How panelists' data are kept and used, shown beside the information sheet. */
  @Column(name = "data_protection", length = 20000)
  public String dataProtection;

  /** The IANA zone closing dates and times are shown in to panelists and the team. */
  @Column(name = "time_zone", nullable = false, length = 64)
  public String timeZone = "UTC";

  /**
   * The language tag ("en", "cy") the study's own texts (title, guidance, sheet) are written in.
   */
  @Column(nullable = false, length = 35)
  public String language = "en";

  /** Set when round 1 opens; from then on a protocol change needs a reason. */
  @Column(name = "protocol_locked_at")
  public Instant protocolLockedAt;

  @Version public long version;
}
