package org.concord.web;

/**
 * What the console's layout shows around every page: who is signed in, the form token, and where
 * the page sits (the study and its tab). {@code notice} is the one-line result of the last change,
 * shown after its redirect.
 */
public record Chrome(
    String title,
    String user,
    boolean coordinator,
    String formToken,
    StudyNav study,
    String notice) {

  /** The study a page belongs to, and which of its tabs is current. */
  public record StudyNav(long id, String title, String tab) {
    /** Named so in templates: Qute's {@code #if} reads {@code is} as its equality operator. */
    public boolean at(String name) {
      return name.equals(tab);
    }
  }

  public Chrome withNotice(String text) {
    return new Chrome(title, user, coordinator, formToken, study, text);
  }
}
