package org.concord.panel;

import java.time.Instant;
import java.util.Map;

/** What the API shows of the panel. */
public final class PanelViews {

  private PanelViews() {}

  public record GroupView(Long id, String name, int position, long activePanelists) {
    static GroupView of(StakeholderGroup g, long activePanelists) {
      return new GroupView(g.id, g.name, g.position, activePanelists);
    }
  }

  public record PanelistView(
      Long id,
      String name,
      String email,
      Long groupId,
      String group,
      PanelistStatus status,
      Map<String, String> attributes,
      Instant withdrawnAt,
      Instant createdAt) {
    static PanelistView of(Panelist p) {
      return new PanelistView(
          p.id,
          p.name,
          p.email,
          p.group.id,
          p.group.name,
          p.status,
          p.attributes,
          p.withdrawnAt,
          p.createdAt);
    }
  }

  public record PanelImportSummary(int panelistsCreated, int groupsCreated) {}
}
