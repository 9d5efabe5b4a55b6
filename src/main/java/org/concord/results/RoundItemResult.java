package org.concord.results;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Arrays;
import org.concord.common.BaseEntity;
import org.concord.consensus.Decision;
import org.concord.consensus.Outcome;
import org.concord.panel.StakeholderGroup;
import org.concord.round.RoundItem;

/**
 * The stored result of a round item when its round closed, overall ({@code group} null) or for one
 * stakeholder group: every statistic at full precision in a column of its own, and what the engine
 * decided. This is the storage shape; the API's views are mapped from it ({@link ResultsViews}), so
 * that renaming a field of the API never changes how old rounds are read. A statistic that does not
 * exist (the median of no ratings) is null.
 */
@Entity
@Table(name = "item_result")
public class RoundItemResult extends BaseEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "round_item_id")
  public RoundItem item;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "group_id")
  public StakeholderGroup group;

  /** The denominator of the percentages under the protocol's denominator policy. */
  @Column(nullable = false)
  public long n;

  @Column(nullable = false)
  public long rated;

  @Column(name = "unable_count", nullable = false)
  public long unableCount;

  /** The histogram: counts per scale point from the lowest up, comma-separated. */
  @Column(nullable = false, length = 2000)
  public String counts;

  @Column(name = "agree_count", nullable = false)
  public long agreeCount;

  @Column(name = "disagree_count", nullable = false)
  public long disagreeCount;

  @Column(name = "percent_agree", nullable = false)
  public double percentAgree;

  @Column(name = "percent_disagree", nullable = false)
  public double percentDisagree;

  @Column(name = "percent_neutral", nullable = false)
  public double percentNeutral;

  public Double median;
  public Double q1;
  public Double q3;
  public Double iqr;
  public Double p30;
  public Double p70;
  public Double ipr;
  public Double ipras;

  @Column(name = "disagreement_index")
  public Double disagreementIndex;

  public Double mean;
  public Double sd;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  public Outcome outcome;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  public Decision.Basis basis;

  @Column(nullable = false, length = 1000)
  public String reason;

  /** Overall row: the rule's outcome on the whole panel, before the every-group requirement. */
  @Enumerated(EnumType.STRING)
  @Column(name = "rule_outcome", length = 20)
  public Outcome ruleOutcome;

  /** Overall row: stakeholder groups of at least the minimum size reached different outcomes. */
  @Column(nullable = false)
  public boolean divergent;

  /** Group row: the every-group requirement applied to this group. */
  @Column(nullable = false)
  public boolean required;

  /** Overall row of a carried statement: stability against the round before (null otherwise). */
  @Column(name = "stability_delta")
  public Double stabilityDelta;

  public Boolean stable;

  @Column(name = "stability_pairs")
  public Long stabilityPairs;

  @Column(name = "percent_unchanged")
  public Double percentUnchanged;

  @Column(name = "weighted_kappa")
  public Double weightedKappa;

  @Column(name = "wilcoxon_v")
  public Double wilcoxonV;

  @Column(name = "wilcoxon_z")
  public Double wilcoxonZ;

  @Column(name = "wilcoxon_p")
  public Double wilcoxonP;

  @Column(name = "wilcoxon_method", length = 30)
  public String wilcoxonMethod;

  public long[] countArray() {
    return counts(counts);
  }

  /** The stored counts column ("3,0,12") as numbers. */
  static long[] counts(String stored) {
    return stored.isEmpty()
        ? new long[0]
        : Arrays.stream(stored.split(",")).mapToLong(Long::parseLong).toArray();
  }

  public void countArray(long[] values) {
    counts = String.join(",", Arrays.stream(values).mapToObj(Long::toString).toList());
  }
}
