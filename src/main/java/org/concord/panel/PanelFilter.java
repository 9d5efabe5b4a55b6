package org.concord.panel;

import java.util.Locale;

/**
 * Which panelists a list shows: a search in names and emails, a group, a panel status, and a status
 * in one round (by its number). Each part is optional; {@code round} and {@code roundStatus} go
 * together.
 */
public record PanelFilter(
    String q, Long groupId, PanelistStatus status, Integer round, RoundStatus roundStatus) {

  public static final PanelFilter ALL = new PanelFilter(null, null, null, null, null);

  public PanelFilter {
    q = q == null || q.isBlank() ? null : q.strip();
  }

  /** The search as a LIKE pattern in lower case, its wildcards taken literally; null for none. */
  public String pattern() {
    if (q == null) {
      return null;
    }
    String escaped =
        q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }

  public boolean byRound() {
    return round != null && roundStatus != null;
  }
}
