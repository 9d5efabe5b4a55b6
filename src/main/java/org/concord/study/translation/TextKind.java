package org.concord.study.translation;

/**
 * Which of a study's own texts a translation is of. The target of a translation is the section or
 * statement for those kinds, the scale point for {@link #SCALE_LABEL}, and none (0) for the study's
 * texts.
 */
public enum TextKind {
  STUDY_TITLE(false, 300),
  STUDY_DESCRIPTION(false, 10000),
  INFORMATION_SHEET(false, 100000),
  DATA_PROTECTION(false, 20000),
  SECTION_TITLE(true, 300),
  SECTION_INTRODUCTION(true, 10000),
  STATEMENT(true, 1000),
  SCALE_LABEL(true, 200),
  UNABLE_LABEL(false, 200);

  private final boolean targeted;
  private final int maxLength;

  TextKind(boolean targeted, int maxLength) {
    this.targeted = targeted;
    this.maxLength = maxLength;
  }

  /** Whether the kind names a section, statement or scale point (else the target is 0). */
  public boolean targeted() {
    return targeted;
  }

  public int maxLength() {
    return maxLength;
  }
}
