package org.concord.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.concord.common.Reasons;
import org.concord.consensus.Comparison;
import org.concord.consensus.DenominatorPolicy;
import org.concord.consensus.QuantileMethod;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The protocol as the API shows and takes it. On a change, fields left out (null) keep their
 * current value, so a client can send only what it changes.
 */
@Schema(
    description = "How the study decides consensus. On a change, fields left out keep their value.")
public record ProtocolSettings(
    ScaleSettings scale,
    RuleSettings rule,
    @Schema(
            description =
                "Hyndman & Fan quantile type: TYPE_7 (R, Excel PERCENTILE.INC) or TYPE_6 (SPSS)")
        QuantileMethod quantileMethod,
    @Schema(
            description =
                "What unable-to-rate answers do: EXCLUDE from n, INCLUDE_AS_NEUTRAL, or INCLUDE_AS_DISAGREE")
        DenominatorPolicy denominatorPolicy,
    @Schema(
            description =
                "Below this many ratings a statement cannot reach consensus (default 5; 0: no"
                    + " minimum)")
        Integer minimumN,
    @Schema(
            description =
                "Percent of those invited who must submit; closing a round below it needs a reason"
                    + " (default 50)")
        Integer minimumResponsePercent,
    @Schema(description = "Every stakeholder group must meet the rule") Boolean everyGroupRequired,
    @Schema(description = "Groups with fewer ratings are shown but not required")
        Integer minimumGroupSize,
    Integer maximumRounds,
    @Schema(description = "Rounds are stable when the change Δ in percentage points is below this")
        Integer stabilityThreshold,
    Eligibility eligibility,
    @Schema(description = "Panelists may submit with statements left unrated")
        Boolean partialSubmissionAllowed,
    FeedbackSettings feedback,
    @Schema(
            description =
                "Statements within each section shown in a random order per panelist, drawn once"
                    + " per panelist and round, recorded and exported (ratings.shown_position);"
                    + " sections keep their order (default false: the guidance's order)")
        Boolean randomOrder,
    @Schema(
            description =
                "From round 2, also invite a reason when a new rating lies at least"
                    + " farFromMedianDistance scale points from the panel's median of the round"
                    + " before (default false)")
        Boolean farFromMedianReason,
    @Schema(
            description =
                "Only with farFromMedianReason on (refused otherwise; needed when it is turned"
                    + " on): the distance from the median, in scale points, 1 to max − min")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Integer farFromMedianDistance,
    @Schema(
            description =
                "Only on a change: why the protocol changes, required once round 1 has opened (the"
                    + " same as ?reason=, for a reason too long for an address). Never returned.",
            maxLength = MAX_REASON_LENGTH)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String reason) {

  public static final int MAX_REASON_LENGTH = Reasons.MAX_LENGTH;

  public record Band(Integer low, Integer high) {}

  public record ScaleSettings(
      Integer min,
      Integer max,
      @Schema(description = "One label per point, from min to max") List<String> labels,
      Band agree,
      Band disagree,
      Boolean unableToRateAllowed,
      String unableToRateLabel) {}

  /**
   * The rule and its parameters; each rule takes only its own (see {@link RuleType#parameters()}),
   * and the others are left out.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RuleSettings(
      @Schema(
              description =
                  "PERCENT_AGREEMENT takes threshold and comparison; COMET takes agreeThreshold and"
                      + " disagreeLimit; MEDIAN_IQR takes maxIqr; RAND_UCLA takes none. A"
                      + " parameter of another rule is refused. When the type changes, the new"
                      + " rule's parameters left out take their defaults.")
          RuleType type,
      @Schema(description = "PERCENT_AGREEMENT: the percentage that must agree") Integer threshold,
      @Schema(description = "PERCENT_AGREEMENT: AT_LEAST (≥) or MORE_THAN (>)")
          Comparison comparison,
      @Schema(description = "COMET: % in the agree band needed (default 70)")
          Integer agreeThreshold,
      @Schema(description = "COMET: % in the disagree band must be under this (default 15)")
          Integer disagreeLimit,
      @Schema(description = "MEDIAN_IQR: the largest IQR that counts as agreement") Double maxIqr) {

    /** The chosen rule with its own parameters only. */
    static RuleSettings of(Protocol p) {
      return switch (p.ruleType) {
        case PERCENT_AGREEMENT ->
            new RuleSettings(p.ruleType, p.percentThreshold, p.percentComparison, null, null, null);
        case COMET ->
            new RuleSettings(
                p.ruleType, null, null, p.cometAgreeThreshold, p.cometDisagreeLimit, null);
        case MEDIAN_IQR -> new RuleSettings(p.ruleType, null, null, null, null, p.maxIqr);
        case RAND_UCLA -> new RuleSettings(p.ruleType, null, null, null, null, null);
      };
    }

    /** The names of the parameters sent, as {@link RuleType#parameters()} spells them. */
    public List<String> sentParameters() {
      List<String> sent = new ArrayList<>();
      if (threshold != null) {
        sent.add("threshold");
      }
      if (comparison != null) {
        sent.add("comparison");
      }
      if (agreeThreshold != null) {
        sent.add("agreeThreshold");
      }
      if (disagreeLimit != null) {
        sent.add("disagreeLimit");
      }
      if (maxIqr != null) {
        sent.add("maxIqr");
      }
      return sent;
    }
  }

  /** What a panelist sees of the previous round. */
  public record FeedbackSettings(
      Boolean ownPrevious,
      Boolean distribution,
      Boolean medianIqr,
      Boolean groupBreakdown,
      Boolean comments) {}

  public static ProtocolSettings of(Protocol p) {
    return new ProtocolSettings(
        new ScaleSettings(
            p.scaleMin,
            p.scaleMax,
            List.copyOf(p.scaleLabels),
            new Band(p.agreeLow, p.agreeHigh),
            new Band(p.disagreeLow, p.disagreeHigh),
            p.unableToRateAllowed,
            p.unableToRateLabel),
        RuleSettings.of(p),
        p.quantileMethod,
        p.denominatorPolicy,
        p.minimumN,
        p.minimumResponsePercent,
        p.everyGroupRequired,
        p.minimumGroupSize,
        p.maximumRounds,
        p.stabilityThreshold,
        p.eligibility,
        p.partialSubmissionAllowed,
        new FeedbackSettings(
            p.showOwnPrevious,
            p.showDistribution,
            p.showMedianIqr,
            p.showGroupBreakdown,
            p.showComments),
        p.randomOrder,
        p.farFromMedianReason,
        p.farFromMedianReason ? p.farFromMedianDistance : null,
        null);
  }

  /** Copies every field that is present onto {@code p}. */
  public void applyTo(Protocol p) {
    if (scale != null) {
      boolean pointsChanged =
          (scale.min != null && scale.min != p.scaleMin)
              || (scale.max != null && scale.max != p.scaleMax);
      set(scale.min, v -> p.scaleMin = v);
      set(scale.max, v -> p.scaleMax = v);
      if (scale.labels != null) {
        p.scaleLabels = new ArrayList<>(scale.labels);
      } else if (pointsChanged) {
        p.scaleLabels = new ArrayList<>(Protocol.agreementLabels(p.scaleMax - p.scaleMin + 1));
      }
      if (scale.agree != null) {
        set(scale.agree.low, v -> p.agreeLow = v);
        set(scale.agree.high, v -> p.agreeHigh = v);
      }
      if (scale.disagree != null) {
        set(scale.disagree.low, v -> p.disagreeLow = v);
        set(scale.disagree.high, v -> p.disagreeHigh = v);
      }
      set(scale.unableToRateAllowed, v -> p.unableToRateAllowed = v);
      set(scale.unableToRateLabel, v -> p.unableToRateLabel = v.strip());
    }
    if (rule != null) {
      if (rule.type != null && rule.type != p.ruleType) {
        p.chooseRule(rule.type);
      }
      // Only the chosen rule's parameters; ProtocolValidator.ruleParameters refuses the others.
      switch (p.ruleType) {
        case PERCENT_AGREEMENT -> {
          set(rule.threshold, v -> p.percentThreshold = v);
          set(rule.comparison, v -> p.percentComparison = v);
        }
        case COMET -> {
          set(rule.agreeThreshold, v -> p.cometAgreeThreshold = v);
          set(rule.disagreeLimit, v -> p.cometDisagreeLimit = v);
        }
        case MEDIAN_IQR -> set(rule.maxIqr, v -> p.maxIqr = v);
        case RAND_UCLA -> {}
      }
    }
    set(quantileMethod, v -> p.quantileMethod = v);
    set(denominatorPolicy, v -> p.denominatorPolicy = v);
    set(minimumN, v -> p.minimumN = v);
    set(minimumResponsePercent, v -> p.minimumResponsePercent = v);
    set(everyGroupRequired, v -> p.everyGroupRequired = v);
    set(minimumGroupSize, v -> p.minimumGroupSize = v);
    set(maximumRounds, v -> p.maximumRounds = v);
    set(stabilityThreshold, v -> p.stabilityThreshold = v);
    set(eligibility, v -> p.eligibility = v);
    set(partialSubmissionAllowed, v -> p.partialSubmissionAllowed = v);
    if (feedback != null) {
      set(feedback.ownPrevious, v -> p.showOwnPrevious = v);
      set(feedback.distribution, v -> p.showDistribution = v);
      set(feedback.medianIqr, v -> p.showMedianIqr = v);
      set(feedback.groupBreakdown, v -> p.showGroupBreakdown = v);
      set(feedback.comments, v -> p.showComments = v);
    }
    set(randomOrder, v -> p.randomOrder = v);
    // Turned off, the distance goes with it (ProtocolValidator.misplaced refuses one sent then).
    set(
        farFromMedianReason,
        v -> {
          p.farFromMedianReason = v;
          if (!v) {
            p.farFromMedianDistance = null;
          }
        });
    set(farFromMedianDistance, v -> p.farFromMedianDistance = v);
  }

  private static <T> void set(T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }
}
