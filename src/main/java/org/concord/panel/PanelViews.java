package org.concord.panel;

import java.time.Instant;
import java.util.List;
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
      Long studyId,
      String name,
      String email,
      Long groupId,
      String group,
      PanelistStatus status,
      Map<String, String> attributes,
      Instant withdrawnAt,
      Instant createdAt,
      /** By round number, each round that has opened. */
      Map<Integer, RoundStatus> rounds,
      /** The language of their pages and emails; null: their browser's, else the study's. */
      String language) {
    static PanelistView of(Panelist p, Map<Integer, RoundStatus> rounds) {
      return new PanelistView(
          p.id,
          p.study.id,
          p.name,
          p.email,
          p.group.id,
          p.group.name,
          p.status,
          p.attributes,
          p.withdrawnAt,
          p.createdAt,
          rounds == null ? Map.of() : rounds,
          p.language);
    }
  }

  public record PanelImportSummary(int panelistsCreated, int groupsCreated) {}

  /** One panelist a file would add, before anything is stored. */
  public record PreviewRow(
      int line, String name, String email, String group, Map<String, String> attributes) {}

  /** What a panel file would add: its panelists, and the groups the study does not have yet. */
  public record PanelPreview(List<PreviewRow> rows, List<String> newGroups) {}

  /** A panelist's personal link, for a letter or a mail merge, with the file's extra columns. */
  public record PanelistLink(
      long id,
      String name,
      String email,
      String group,
      String link,
      Map<String, String> attributes) {}
}
