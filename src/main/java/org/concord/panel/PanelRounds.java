package org.concord.panel;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the panel needs of rounds: each panelist's status in every round, and the panel listed by
 * it. A status comes from the round's invitation, so the round feature provides this, and
 * dependencies run one way (panel ← round).
 */
public interface PanelRounds {

  /** The numbers of the study's rounds that have opened (a draft invites nobody yet), in order. */
  List<Integer> openedRounds(long studyId);

  /**
   * Each panelist's status in each opened round of the study, by panelist id and round number, in
   * round order: a bounded number of queries for any number of panelists.
   */
  Map<Long, Map<Integer, RoundStatus>> statuses(long studyId, Collection<Panelist> panelists);

  /** One page of the study's panelists that match, in the order they were added. */
  List<Panelist> find(long studyId, PanelFilter filter, int page, int size);

  /** How many of the study's panelists match. */
  long count(long studyId, PanelFilter filter);
}
