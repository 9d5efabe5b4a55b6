package org.concord.study;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.concord.consensus.Band;
import org.concord.consensus.Comparison;
import org.concord.consensus.ConsensusEngine;
import org.concord.consensus.ConsensusOptions;
import org.concord.consensus.ConsensusRule;
import org.concord.consensus.DenominatorPolicy;
import org.concord.consensus.QuantileMethod;
import org.concord.consensus.Scale;

/**
 * How a study decides consensus, fixed in advance (DESIGN §2, §4). Every field has a default so a
 * new study starts from a protocol that is valid and common in published Delphi studies.
 */
@Embeddable
public class Protocol {

  /** The default unable-to-rate answer; the panelist pages give it in every language. */
  public static final String UNABLE_TO_RATE_LABEL = "I cannot rate this";

  @Column(name = "scale_min", nullable = false)
  public int scaleMin = 1;

  @Column(name = "scale_max", nullable = false)
  public int scaleMax = 9;

  /** One label per scale point, from min to max. */
  @Convert(converter = StringListConverter.class)
  @Column(name = "scale_labels", nullable = false, length = 4000)
  public List<String> scaleLabels = new ArrayList<>(agreementLabels(9));

  @Column(name = "agree_low", nullable = false)
  public int agreeLow = 7;

  @Column(name = "agree_high", nullable = false)
  public int agreeHigh = 9;

  @Column(name = "disagree_low", nullable = false)
  public int disagreeLow = 1;

  @Column(name = "disagree_high", nullable = false)
  public int disagreeHigh = 3;

  @Column(name = "unable_to_rate_allowed", nullable = false)
  public boolean unableToRateAllowed = true;

  @Column(name = "unable_to_rate_label", nullable = false)
  public String unableToRateLabel = UNABLE_TO_RATE_LABEL;

  @Enumerated(EnumType.STRING)
  @Column(name = "rule_type", nullable = false)
  public RuleType ruleType = RuleType.COMET;

  @Column(name = "percent_threshold", nullable = false)
  public int percentThreshold = 75;

  @Enumerated(EnumType.STRING)
  @Column(name = "percent_comparison", nullable = false)
  public Comparison percentComparison = Comparison.AT_LEAST;

  @Column(name = "comet_agree_threshold", nullable = false)
  public int cometAgreeThreshold = 70;

  @Column(name = "comet_disagree_limit", nullable = false)
  public int cometDisagreeLimit = 15;

  @Column(name = "max_iqr", nullable = false)
  public double maxIqr = 1.0;

  @Enumerated(EnumType.STRING)
  @Column(name = "quantile_method", nullable = false)
  public QuantileMethod quantileMethod = QuantileMethod.TYPE_7;

  @Enumerated(EnumType.STRING)
  @Column(name = "denominator_policy", nullable = false)
  public DenominatorPolicy denominatorPolicy = DenominatorPolicy.EXCLUDE;

  @Column(name = "every_group_required", nullable = false)
  public boolean everyGroupRequired = false;

  @Column(name = "minimum_group_size", nullable = false)
  public int minimumGroupSize = 3;

  /**
   * Below this many ratings a statement is "no consensus: too few ratings". Five by default: with
   * fewer, one panelist moves a percentage by more than 20 points.
   */
  @Column(name = "minimum_n", nullable = false)
  public int minimumN = 5;

  /** Percent of those invited who must submit before a round closes without a stated reason. */
  @Column(name = "minimum_response_percent", nullable = false)
  public int minimumResponsePercent = 50;

  @Column(name = "maximum_rounds", nullable = false)
  public int maximumRounds = 3;

  @Column(name = "stability_threshold", nullable = false)
  public int stabilityThreshold = 15;

  @Enumerated(EnumType.STRING)
  @Column(name = "eligibility", nullable = false)
  public Eligibility eligibility = Eligibility.SUBMITTED_PREVIOUS_ROUND;

  @Column(name = "partial_submission_allowed", nullable = false)
  public boolean partialSubmissionAllowed = false;

  @Column(name = "show_own_previous", nullable = false)
  public boolean showOwnPrevious = true;

  @Column(name = "show_distribution", nullable = false)
  public boolean showDistribution = true;

  @Column(name = "show_median_iqr", nullable = false)
  public boolean showMedianIqr = true;

  @Column(name = "show_group_breakdown", nullable = false)
  public boolean showGroupBreakdown = false;

  @Column(name = "show_comments", nullable = false)
  public boolean showComments = true;

  /**
   * Statements within each section in a random order per panelist, drawn once per panelist and
   * round and recorded: order effects on ratings and on response are documented in Delphi studies.
   * Sections keep their order.
   */
  @Column(name = "random_order", nullable = false)
  public boolean randomOrder = false;

  /**
   * From round 2, a panelist whose new rating lies at least {@link #farFromMedianDistance} points
   * from the panel's median of the round before is invited to say why, as for a changed band.
   */
  @Column(name = "far_from_median_reason", nullable = false)
  public boolean farFromMedianReason = false;

  /** In scale points, 1 to the scale's width; set only when {@link #farFromMedianReason} is on. */
  @Column(name = "far_from_median_distance")
  public Integer farFromMedianDistance;

  /**
   * Changes the rule, and every rule's parameters back to their defaults: a parameter set for the
   * rule left behind never carries over into the one chosen.
   */
  public void chooseRule(RuleType type) {
    Protocol defaults = new Protocol();
    ruleType = type;
    percentThreshold = defaults.percentThreshold;
    percentComparison = defaults.percentComparison;
    cometAgreeThreshold = defaults.cometAgreeThreshold;
    cometDisagreeLimit = defaults.cometDisagreeLimit;
    maxIqr = defaults.maxIqr;
  }

  public Scale scale() {
    return new Scale(
        scaleMin, scaleMax, new Band(agreeLow, agreeHigh), new Band(disagreeLow, disagreeHigh));
  }

  /** The consensus engine configured as this protocol says. */
  public ConsensusEngine engine() {
    ConsensusRule rule =
        switch (ruleType) {
          case PERCENT_AGREEMENT ->
              new ConsensusRule.PercentAgreement(percentThreshold, percentComparison);
          case COMET -> new ConsensusRule.Comet(cometAgreeThreshold, cometDisagreeLimit);
          case MEDIAN_IQR -> new ConsensusRule.MedianIqr(maxIqr);
          case RAND_UCLA -> new ConsensusRule.RandUcla();
        };
    return new ConsensusEngine(
        scale(),
        rule,
        new ConsensusOptions(
            minimumN, everyGroupRequired, minimumGroupSize, quantileMethod, denominatorPolicy));
  }

  /**
   * Labels for an agreement scale of the given number of points: the ends and the middle are named,
   * the rest graded, so that every point carries words (panelists read each one).
   */
  public static List<String> agreementLabels(int points) {
    return switch (points) {
      case 5 ->
          List.of(
              "Strongly disagree",
              "Disagree",
              "Neither agree nor disagree",
              "Agree",
              "Strongly agree");
      case 7 ->
          List.of(
              "Strongly disagree",
              "Disagree",
              "Slightly disagree",
              "Neither agree nor disagree",
              "Slightly agree",
              "Agree",
              "Strongly agree");
      case 9 ->
          List.of(
              "Strongly disagree",
              "Disagree",
              "Mostly disagree",
              "Slightly disagree",
              "Neither agree nor disagree",
              "Slightly agree",
              "Mostly agree",
              "Agree",
              "Strongly agree");
      default -> IntStream.rangeClosed(1, points).mapToObj(Integer::toString).toList();
    };
  }
}
