package org.concord.study;

import java.util.ArrayList;
import java.util.List;
import org.concord.common.Problem.FieldError;
import org.concord.consensus.Comparison;

/** Checks a protocol as a whole; each message is written for the coordinator who set it. */
public final class ProtocolValidator {

  static final int MAX_POINTS = 11;
  static final int MAX_LABEL_LENGTH = 100;
  static final int MAX_ROUNDS = 10;

  private ProtocolValidator() {}

  public static List<FieldError> validate(Protocol p) {
    List<FieldError> errors = new ArrayList<>();
    int points = p.scaleMax - p.scaleMin + 1;
    if (p.scaleMin < 0) {
      errors.add(FieldError.field("scale.min", "The scale must start at 0 or above."));
    }
    if (points < 2 || points > MAX_POINTS) {
      errors.add(
          FieldError.field(
              "scale.max",
              "The scale must have between 2 and "
                  + MAX_POINTS
                  + " points; "
                  + p.scaleMin
                  + "–"
                  + p.scaleMax
                  + " has "
                  + Math.max(points, 0)
                  + "."));
      return errors;
    }
    if (p.scaleLabels.size() != points) {
      errors.add(
          FieldError.field(
              "scale.labels",
              "Give one label per scale point: "
                  + points
                  + " labels for "
                  + p.scaleMin
                  + "–"
                  + p.scaleMax
                  + ", not "
                  + p.scaleLabels.size()
                  + "."));
    }
    for (int i = 0; i < p.scaleLabels.size(); i++) {
      String label = p.scaleLabels.get(i);
      if (label == null || label.isBlank()) {
        errors.add(FieldError.field("scale.labels[" + i + "]", "A scale label cannot be empty."));
      } else if (label.length() > MAX_LABEL_LENGTH) {
        errors.add(
            FieldError.field(
                "scale.labels[" + i + "]",
                "A scale label must be at most " + MAX_LABEL_LENGTH + " characters."));
      }
    }
    int stored = StringListConverter.encode(p.scaleLabels).length();
    if (stored > StringListConverter.MAX_COLUMN_LENGTH) {
      errors.add(
          FieldError.field(
              "scale.labels",
              "The scale labels take "
                  + stored
                  + " characters once stored (a control character or quote counts as several);"
                  + " the limit is "
                  + StringListConverter.MAX_COLUMN_LENGTH
                  + ". Shorten them or remove control characters."));
    }
    checkBand(errors, p, "agree", p.agreeLow, p.agreeHigh);
    checkBand(errors, p, "disagree", p.disagreeLow, p.disagreeHigh);
    if (p.agreeLow <= p.disagreeHigh && p.disagreeLow <= p.agreeHigh) {
      errors.add(
          FieldError.field(
              "scale.disagree",
              "The agree band ("
                  + p.agreeLow
                  + "–"
                  + p.agreeHigh
                  + ") and the disagree band ("
                  + p.disagreeLow
                  + "–"
                  + p.disagreeHigh
                  + ") overlap; a rating cannot be both."));
    }
    if (p.unableToRateLabel == null
        || p.unableToRateLabel.isBlank()
        || p.unableToRateLabel.length() > MAX_LABEL_LENGTH) {
      errors.add(
          FieldError.field(
              "scale.unableToRateLabel",
              "The unable-to-rate label must have 1 to " + MAX_LABEL_LENGTH + " characters."));
    }
    switch (p.ruleType) {
      case PERCENT_AGREEMENT ->
          // At 50% or less a statement could be "in" and "out" at once.
          checkPercent(
              errors,
              "rule.threshold",
              "The percentage that must agree",
              p.percentThreshold,
              p.percentComparison == Comparison.AT_LEAST ? 51 : 50);
      case COMET -> {
        checkPercent(
            errors,
            "rule.agreeThreshold",
            "The percentage that must agree",
            p.cometAgreeThreshold,
            1);
        checkPercent(
            errors, "rule.disagreeLimit", "The disagreement limit", p.cometDisagreeLimit, 0);
      }
      case MEDIAN_IQR -> {
        if (p.maxIqr < 0 || p.maxIqr > p.scaleMax - p.scaleMin) {
          errors.add(
              FieldError.field(
                  "rule.maxIqr",
                  "The largest IQR must be between 0 and the width of the scale ("
                      + (p.scaleMax - p.scaleMin)
                      + ")."));
        }
      }
      case RAND_UCLA -> {}
    }
    if (p.ruleType == RuleType.RAND_UCLA && (p.scaleMin != 1 || p.scaleMax != 9)) {
      errors.add(
          FieldError.field(
              "rule.type",
              "The RAND/UCLA rule is defined on a 1–9 scale only; this scale is "
                  + p.scaleMin
                  + "–"
                  + p.scaleMax
                  + "."));
    }
    if (p.minimumN < 0) {
      errors.add(FieldError.field("minimumN", "The minimum n must be 0 or more."));
    }
    if (p.minimumResponsePercent < 0 || p.minimumResponsePercent > 100) {
      errors.add(
          FieldError.field(
              "minimumResponsePercent", "The minimum response must be 0 to 100 percent."));
    }
    if (p.minimumGroupSize < 1) {
      errors.add(FieldError.field("minimumGroupSize", "The minimum group size must be 1 or more."));
    }
    if (p.maximumRounds < 1 || p.maximumRounds > MAX_ROUNDS) {
      errors.add(
          FieldError.field(
              "maximumRounds", "The maximum number of rounds must be 1 to " + MAX_ROUNDS + "."));
    }
    checkPercent(errors, "stabilityThreshold", "The stability threshold", p.stabilityThreshold, 0);
    int width = p.scaleMax - p.scaleMin;
    if (p.farFromMedianReason) {
      if (p.farFromMedianDistance == null) {
        errors.add(
            FieldError.field(
                "farFromMedianDistance",
                "Give the distance from the median at which a reason is asked: a whole number of"
                    + " scale points, 1 to "
                    + width
                    + "."));
      } else if (p.farFromMedianDistance < 1 || p.farFromMedianDistance > width) {
        errors.add(
            FieldError.field(
                "farFromMedianDistance",
                "The distance from the median is in scale points: 1 to "
                    + width
                    + " on a "
                    + p.scaleMin
                    + "–"
                    + p.scaleMax
                    + " scale, not "
                    + p.farFromMedianDistance
                    + "."));
      }
    } else if (p.farFromMedianDistance != null) {
      errors.add(
          FieldError.field(
              "farFromMedianDistance",
              "A distance from the median is set only when a reason is asked for a rating far"
                  + " from it."));
    }
    return errors;
  }

  /**
   * Fields sent that the protocol would not use, refused as {@link #ruleParameters} refuses a
   * parameter of another rule: a distance from the median while the reason for a rating far from it
   * is off (as sent, else as the study has it) would be stored and never used.
   */
  public static List<FieldError> misplaced(ProtocolSettings sent, Protocol current) {
    List<FieldError> errors = new ArrayList<>();
    boolean on =
        sent.farFromMedianReason() != null
            ? sent.farFromMedianReason()
            : current.farFromMedianReason;
    if (sent.farFromMedianDistance() != null && !on) {
      errors.add(
          FieldError.field(
              "farFromMedianDistance",
              "farFromMedianDistance belongs to farFromMedianReason, which is off"
                  + (sent.farFromMedianReason() == null ? " in the study's protocol" : "")
                  + ", so it would be ignored; leave it out, or send \"farFromMedianReason\":"
                  + " true with it."));
    }
    return errors;
  }

  /**
   * The rule parameters sent that the rule does not take, which would otherwise be stored and never
   * used: {@code {"type": "COMET", "threshold": 80}} is a mistake, not a COMET rule. The rule is
   * the one sent, else the study's current one.
   */
  public static List<FieldError> ruleParameters(
      ProtocolSettings.RuleSettings sent, RuleType current) {
    List<FieldError> errors = new ArrayList<>();
    if (sent == null) {
      return errors;
    }
    RuleType type = sent.type() != null ? sent.type() : current;
    for (String parameter : sent.sentParameters()) {
      if (!type.parameters().contains(parameter)) {
        errors.add(
            FieldError.field(
                "rule." + parameter,
                "rule."
                    + parameter
                    + " is not a parameter of the "
                    + ProtocolWording.name(type)
                    + " rule ("
                    + type
                    + ")"
                    + (sent.type() == null ? ", the study's rule" : "")
                    + ", so it would be ignored; leave it out. "
                    + whoTakesWhat()));
      }
    }
    return errors;
  }

  /** "PERCENT_AGREEMENT takes threshold and comparison; …; RAND_UCLA takes none." */
  static String whoTakesWhat() {
    List<String> parts = new ArrayList<>();
    for (RuleType type : RuleType.values()) {
      List<String> names = type.parameters();
      parts.add(
          type
              + " takes "
              + (names.isEmpty()
                  ? "no parameters"
                  : String.join(" and ", names.stream().map(n -> "rule." + n).toList())));
    }
    return "Each rule takes its own: " + String.join("; ", parts) + ".";
  }

  private static void checkBand(
      List<FieldError> errors, Protocol p, String name, int low, int high) {
    String field = "scale." + name;
    if (low > high) {
      errors.add(
          FieldError.field(
              field, "The " + name + " band starts at " + low + " but ends at " + high + "."));
    } else if (low < p.scaleMin || high > p.scaleMax) {
      errors.add(
          FieldError.field(
              field,
              "The "
                  + name
                  + " band "
                  + low
                  + "–"
                  + high
                  + " must lie inside the scale "
                  + p.scaleMin
                  + "–"
                  + p.scaleMax
                  + "."));
    }
  }

  private static void checkPercent(
      List<FieldError> errors, String field, String label, int value, int lowest) {
    if (value < lowest || value > 100) {
      errors.add(
          FieldError.field(
              field, label + " is a percentage: " + lowest + " to 100, not " + value + "."));
    }
  }
}
