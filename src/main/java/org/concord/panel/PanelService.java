package org.concord.panel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.concord.common.ConcordException;
import org.concord.common.Languages;
import org.concord.common.Page;
import org.concord.common.PageRequest;
import org.concord.mail.EmailKind;
import org.concord.mail.OutboxService;
import org.concord.panel.PanelImporter.PanelRow;
import org.concord.panel.PanelViews.GroupView;
import org.concord.panel.PanelViews.PanelImportSummary;
import org.concord.panel.PanelViews.PanelPreview;
import org.concord.panel.PanelViews.PanelistLink;
import org.concord.panel.PanelViews.PanelistView;
import org.concord.panel.PanelViews.PreviewRow;
import org.concord.study.AuditLog;
import org.concord.study.Study;
import org.concord.study.StudyRepository;

@ApplicationScoped
public class PanelService {

  @Inject PanelRepository panel;
  @Inject StudyRepository studies;
  @Inject TokenService tokens;
  @Inject OutboxService outbox;
  @Inject PanelRounds rounds;
  @Inject AuditLog audit;

  public Page<GroupView> groups(long studyId, PageRequest page) {
    studies.require(studyId);
    Map<Long, Long> counts = panel.activeCounts(studyId);
    List<GroupView> items =
        panel.groups(studyId, page.page, page.size).stream()
            .map(g -> GroupView.of(g, counts.getOrDefault(g.id, 0L)))
            .toList();
    return new Page<>(items, page.page, page.size, panel.countGroups(studyId));
  }

  /** The study a group belongs to. */
  public long groupStudy(long groupId) {
    return panel.requireGroup(groupId).study.id;
  }

  @Transactional
  public GroupView createGroup(long studyId, String name, String actor) {
    Study study = studies.require(studyId);
    if (panel.groupByName(studyId, name).isPresent()) {
      throw ConcordException.invalid(
          "name", "The study has a group called \"" + name + "\" already.");
    }
    StakeholderGroup group = newGroup(study, name, (int) panel.countGroups(studyId) + 1);
    audit.record(study, actor, "group-created", "Stakeholder group \"" + group.name + "\" added.");
    return GroupView.of(group, 0);
  }

  @Transactional
  public GroupView renameGroup(long groupId, String name, String actor) {
    StakeholderGroup group = panel.requireGroup(groupId);
    panel
        .groupByName(group.study.id, name)
        .filter(other -> !other.id.equals(group.id))
        .ifPresent(
            other -> {
              throw ConcordException.invalid(
                  "name", "The study has a group called \"" + name + "\" already.");
            });
    String before = group.name;
    group.rename(name);
    if (!before.equals(group.name)) {
      audit.record(
          group.study,
          actor,
          "group-renamed",
          "Stakeholder group \"" + before + "\" renamed \"" + group.name + "\".");
    }
    return GroupView.of(group, panel.activeCounts(group.study.id).getOrDefault(group.id, 0L));
  }

  /**
   * One page of the panel as the filter selects it, each panelist with their status in every round
   * that has opened: four queries for any page.
   */
  public Page<PanelistView> panelists(long studyId, PanelFilter filter, PageRequest page) {
    studies.require(studyId);
    if ((filter.round() == null) != (filter.roundStatus() == null)) {
      throw ConcordException.invalid(
          filter.round() == null ? "round" : "roundStatus",
          "Give both the round and the status in it, such as round=2&roundStatus=NOT_SUBMITTED.");
    }
    List<Panelist> found = rounds.find(studyId, filter, page.page, page.size);
    Map<Long, Map<Integer, RoundStatus>> statuses = rounds.statuses(studyId, found);
    List<PanelistView> items =
        found.stream().map(p -> PanelistView.of(p, statuses.get(p.id))).toList();
    return new Page<>(items, page.page, page.size, rounds.count(studyId, filter));
  }

  /** The numbers of the study's rounds that have opened: the columns of the panel's table. */
  public List<Integer> openedRounds(long studyId) {
    return rounds.openedRounds(studyId);
  }

  public PanelistView panelist(long id) {
    return view(panel.require(id));
  }

  private PanelistView view(Panelist panelist) {
    return PanelistView.of(
        panelist, rounds.statuses(panelist.study.id, List.of(panelist)).get(panelist.id));
  }

  @Transactional
  public PanelistView addPanelist(
      long studyId,
      String name,
      String email,
      long groupId,
      Map<String, String> attributes,
      String actor) {
    Study study = studies.require(studyId);
    StakeholderGroup group = groupOf(studyId, groupId);
    requireValidEmail(email);
    requireAttributesFit(attributes);
    if (panel.emailTaken(studyId, Panelist.emailKey(email), null)) {
      throw ConcordException.invalid("email", email + " is already on the panel.");
    }
    Panelist panelist = newPanelist(study, group, name, email, attributes);
    // the panelist by number only, as for every change: analysts read the audit log
    audit.record(
        study,
        actor,
        "panelist-added",
        "Panelist " + panelist.id + " added to the group \"" + group.name + "\".");
    return view(panelist);
  }

  /**
   * The language of a panelist's pages and emails; empty or null clears it (their browser's, else
   * the study's). The panelist can change it themselves on the language switch.
   */
  @Transactional
  public PanelistView setLanguage(long id, String language, String actor) {
    Panelist panelist = panel.require(id);
    String tag = null;
    if (language != null && !language.isBlank()) {
      tag = Languages.require(language, "language");
    }
    if (!Objects.equals(tag, panelist.language)) {
      panelist.language = tag;
      audit.record(
          panelist.study,
          actor,
          "panelist-changed",
          "Panelist " + panelist.id + ": language changed.");
    }
    return view(panelist);
  }

  @Transactional
  public PanelistView updatePanelist(
      long id,
      String name,
      String email,
      Long groupId,
      Map<String, String> attributes,
      String actor) {
    Panelist panelist = panel.require(id);
    long studyId = panelist.study.id;
    requireAttributesFit(attributes);
    if (email != null) {
      requireValidEmail(email);
      if (panel.emailTaken(studyId, Panelist.emailKey(email), id)) {
        throw ConcordException.invalid("email", email + " is already on the panel.");
      }
    }
    StakeholderGroup group = groupId == null ? null : groupOf(studyId, groupId);
    List<String> changed = new ArrayList<>();
    if (name != null && !name.strip().equals(panelist.name)) {
      changed.add("name");
    }
    if (email != null && !Panelist.emailKey(email).equals(panelist.emailKey)) {
      changed.add("email");
    }
    if (group != null && !group.id.equals(panelist.group.id)) {
      changed.add("group");
      panel.moveRatings(panelist.id, group.id);
    }
    if (attributes != null && !attributes.equals(panelist.attributes)) {
      changed.add("attributes");
    }
    if (name != null) {
      panelist.name = name.strip();
    }
    if (email != null) {
      panelist.changeEmail(email);
    }
    if (group != null) {
      panelist.group = group;
    }
    if (attributes != null) {
      panelist.attributes = new LinkedHashMap<>(attributes);
    }
    if (!changed.isEmpty()) {
      // the panelist by number only: analysts read the audit log, and never see who is on the panel
      audit.record(
          panelist.study,
          actor,
          "panelist-changed",
          "Panelist " + panelist.id + ": " + String.join(", ", changed) + " changed.");
    }
    return view(panelist);
  }

  /** The panelist is not contacted again; what they answered stays in the results. */
  @Transactional
  public PanelistView withdraw(long id, String actor) {
    Panelist panelist = panel.require(id);
    if (panelist.status == PanelistStatus.WITHDRAWN) {
      throw ConcordException.conflict("This panelist withdrew on " + panelist.withdrawnAt + ".");
    }
    panelist.status = PanelistStatus.WITHDRAWN;
    panelist.withdrawnAt = Instant.now();
    audit.record(
        panelist.study, actor, "panelist-withdrawn", "Panelist " + panelist.id + " withdrawn.");
    return view(panelist);
  }

  /** Revokes the panelist's link and emails a new one. */
  @Transactional
  public PanelistView reissueLink(long id, String actor) {
    Panelist panelist = panel.require(id);
    if (panelist.status == PanelistStatus.WITHDRAWN) {
      throw ConcordException.conflict("This panelist withdrew; their link stays inactive.");
    }
    int generation = tokens.reissueGeneration(panelist);
    outbox.enqueue(
        EmailKind.LINK_REISSUE,
        panelist,
        null,
        "Your new link for " + panelist.study.title,
        "link:" + panelist.id + ":" + generation);
    audit.record(
        panelist.study,
        actor,
        "link-reissued",
        "Panelist " + panelist.id + ": a new link made and emailed; the old one stopped working.");
    return view(panelist);
  }

  /**
   * What a panel file would add, checked exactly as {@link #importPanel} checks it and stored
   * nowhere: the console shows it before the team adds the panel.
   */
  public PanelPreview preview(long studyId, byte[] body) {
    studies.require(studyId);
    List<PanelRow> rows = PanelImporter.read(body, panel.emailKeys(studyId));
    Set<String> known = new HashSet<>();
    panel.groups(studyId).forEach(g -> known.add(g.nameKey));
    Map<String, String> newGroups = new LinkedHashMap<>();
    for (PanelRow row : rows) {
      String key = StakeholderGroup.key(row.group());
      if (!known.contains(key)) {
        newGroups.putIfAbsent(key, row.group().strip());
      }
    }
    return new PanelPreview(
        rows.stream()
            .map(r -> new PreviewRow(r.line(), r.name(), r.email(), r.group(), r.attributes()))
            .toList(),
        List.copyOf(newGroups.values()));
  }

  /** Which panelists a list of personal links is for. */
  public enum LinkSet {
    /** Everyone who has not withdrawn. */
    ALL,
    /** Those not withdrawn to whom an email failed: the address is wrong or the mailbox refuses. */
    FAILED,
    /** The active panelists of one group. */
    GROUP
  }

  /**
   * The personal links of a set of panelists, derived again from their keys (links are never
   * stored), for letters or a mail merge; who asked, for what and how many is written to the audit
   * log. A panelist without a link yet gets one, as an invitation would.
   */
  @Transactional
  public List<PanelistLink> links(
      long studyId, LinkSet set, Long groupId, String use, String actor) {
    Study study = studies.require(studyId);
    List<Panelist> chosen =
        switch (set) {
          case ALL -> panel.active(studyId, null);
          case GROUP -> {
            if (groupId == null) {
              throw ConcordException.invalid("group", "Choose the group whose links you need.");
            }
            yield panel.active(studyId, groupOf(studyId, groupId).id);
          }
          case FAILED -> outbox.panelistsWithFailedEmail(studyId);
        };
    Map<Long, String> tokensOf = tokens.tokensFor(studyId, chosen);
    List<PanelistLink> links =
        chosen.stream()
            .map(
                p ->
                    new PanelistLink(
                        p.id,
                        p.name,
                        p.email,
                        p.group.name,
                        tokens.link(tokensOf.get(p.id)),
                        p.attributes))
            .toList();
    audit.record(
        study,
        actor,
        "personal-links-" + use,
        "The personal links of "
            + links.size()
            + (links.size() == 1 ? " panelist" : " panelists")
            + " ("
            + switch (set) {
              case ALL -> "all active panelists";
              case FAILED -> "those an email could not reach";
              case GROUP -> "the group " + (chosen.isEmpty() ? groupId : chosen.get(0).group.name);
            }
            + ") as "
            + ("letters".equals(use) ? "printable letters." : "a CSV file for a mail merge."));
    return links;
  }

  /** Adds a whole panel file or nothing; groups named in it that the study lacks are created. */
  @Transactional
  public PanelImportSummary importPanel(long studyId, byte[] body, String actor) {
    Study study = studies.require(studyId);
    List<PanelRow> rows = PanelImporter.read(body, panel.emailKeys(studyId));
    Map<String, StakeholderGroup> groups = new HashMap<>();
    for (StakeholderGroup group : panel.groups(studyId)) {
      groups.put(group.nameKey, group);
    }
    int groupsBefore = groups.size();
    for (PanelRow row : rows) {
      StakeholderGroup group =
          groups.computeIfAbsent(
              StakeholderGroup.key(row.group()),
              key -> newGroup(study, row.group(), groups.size() + 1));
      newPanelist(study, group, row.name(), row.email(), row.attributes()).language =
          row.language();
    }
    PanelImportSummary summary = new PanelImportSummary(rows.size(), groups.size() - groupsBefore);
    audit.record(
        study,
        actor,
        "panel-imported",
        summary.panelistsCreated()
            + (summary.panelistsCreated() == 1 ? " panelist" : " panelists")
            + " added from a file"
            + (summary.groupsCreated() == 0
                ? "."
                : ", with "
                    + summary.groupsCreated()
                    + (summary.groupsCreated() == 1 ? " new group." : " new groups.")));
    return summary;
  }

  private StakeholderGroup newGroup(Study study, String name, int position) {
    StakeholderGroup group = new StakeholderGroup();
    group.study = study;
    group.rename(name);
    group.position = position;
    panel.persist(group);
    return group;
  }

  private Panelist newPanelist(
      Study study,
      StakeholderGroup group,
      String name,
      String email,
      Map<String, String> attributes) {
    Panelist panelist = new Panelist();
    panelist.study = study;
    panelist.group = group;
    panelist.name = name.strip();
    panelist.changeEmail(email);
    if (attributes != null) {
      panelist.attributes = new LinkedHashMap<>(attributes);
    }
    panel.persist(panelist);
    return panelist;
  }

  private StakeholderGroup groupOf(long studyId, long groupId) {
    StakeholderGroup group = panel.requireGroup(groupId);
    if (!group.study.id.equals(studyId)) {
      throw ConcordException.invalid("groupId", "Group " + groupId + " belongs to another study.");
    }
    return group;
  }

  private static void requireAttributesFit(Map<String, String> attributes) {
    if (attributes != null
        && AttributesConverter.toJson(attributes).length() > PanelImporter.MAX_ATTRIBUTES_LENGTH) {
      throw ConcordException.invalid(
          "attributes",
          "The attributes hold more than " + PanelImporter.MAX_ATTRIBUTES_LENGTH + " characters.");
    }
  }

  private static void requireValidEmail(String email) {
    if (email.length() > PanelImporter.MAX_EMAIL_LENGTH
        || !PanelImporter.EMAIL.matcher(email.strip()).matches()) {
      throw ConcordException.invalid("email", "\"" + email + "\" is not a valid email address.");
    }
  }
}
