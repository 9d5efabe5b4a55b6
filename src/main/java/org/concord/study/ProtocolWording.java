package org.concord.study;

import java.util.ArrayList;
import java.util.List;
import org.concord.consensus.Comparison;

/**
 * The consensus rule in words, written from the protocol: the one wording that the protocol editor
 * shows as its sentence and the report prints in its method. Plain words for the study team, with
 * the exact comparison in brackets where a percentage decides, so that "at least" and "more than"
 * are never a question of reading.
 */
public final class ProtocolWording {

  private ProtocolWording() {}

  /**
   * What the rule means for one statement, with what else decides it when it applies: how "unable
   * to rate" answers count, the minimum n, and the requirement on every stakeholder group.
   */
  public static String sentence(Protocol p) {
    List<String> parts = new ArrayList<>();
    parts.add(rule(p));
    if (p.unableToRateAllowed) {
      parts.add(unableToRate(p));
    }
    if (p.minimumN > 0) {
      parts.add(minimumN(p));
    }
    if (p.everyGroupRequired) {
      parts.add(everyGroup(p));
    }
    return String.join(" ", parts);
  }

  /** The rule's name as a researcher knows it. */
  public static String name(RuleType type) {
    return switch (type) {
      case PERCENT_AGREEMENT -> "percent agreement";
      case COMET -> "COMET/GRADE";
      case MEDIAN_IQR -> "median and interquartile range";
      case RAND_UCLA -> "RAND/UCLA appropriateness method";
    };
  }

  /** When a statement is in, when out, otherwise no consensus. */
  public static String rule(Protocol p) {
    String agree = band(p.agreeLow, p.agreeHigh);
    String disagree = band(p.disagreeLow, p.disagreeHigh);
    return switch (p.ruleType) {
      case PERCENT_AGREEMENT -> {
        boolean atLeast = p.percentComparison == Comparison.AT_LEAST;
        String words = (atLeast ? "at least " : "more than ") + p.percentThreshold + "%";
        String sign = (atLeast ? " ≥ " : " > ") + p.percentThreshold + "%";
        yield "A statement reaches consensus in when "
            + words
            + " of those who rate it rate "
            + agree
            + " (%agree"
            + sign
            + "); it reaches consensus out when "
            + words
            + " rate "
            + disagree
            + " (%disagree"
            + sign
            + "); otherwise it has no consensus.";
      }
      case COMET -> {
        int a = p.cometAgreeThreshold;
        int d = p.cometDisagreeLimit;
        yield "A statement reaches consensus in when at least "
            + a
            + "% of those who rate it rate "
            + agree
            + " and fewer than "
            + d
            + "% rate "
            + disagree
            + " (%agree ≥ "
            + a
            + "% and %disagree < "
            + d
            + "%); it reaches consensus out when at least "
            + a
            + "% rate "
            + disagree
            + " and fewer than "
            + d
            + "% rate "
            + agree
            + " (%disagree ≥ "
            + a
            + "% and %agree < "
            + d
            + "%); otherwise it has no consensus.";
      }
      case MEDIAN_IQR ->
          "A statement reaches consensus in when the median rating lies in "
              + agree
              + " and the interquartile range (IQR = Q3 − Q1) is at most "
              + number(p.maxIqr)
              + "; it reaches consensus out when the median lies in "
              + disagree
              + " and the IQR is at most "
              + number(p.maxIqr)
              + "; otherwise it has no consensus.";
      case RAND_UCLA ->
          "A statement reaches consensus in when the median rating lies in 7–9 without"
              + " disagreement; it reaches consensus out when the median lies in 1–3 without"
              + " disagreement; otherwise it has no consensus. Disagreement (interpercentile"
              + " method): IPR = P70 − P30, IPRAS = 2.35 + 1.5 × |5 − (P30 + P70)/2|, disagreement"
              + " when IPR > IPRAS. A median of 3.5 or 6.5 lies in no band.";
    };
  }

  /** How "unable to rate" answers count, when the scale offers that answer. */
  public static String unableToRate(Protocol p) {
    String answer = "An answer of \"" + p.unableToRateLabel + "\"";
    return switch (p.denominatorPolicy) {
      case EXCLUDE ->
          answer
              + " is counted and reported but is not a rating: it is left out of n, the number the"
              + " percentages are of.";
      case INCLUDE_AS_NEUTRAL ->
          answer
              + " counts in n as neither agreement nor disagreement, so it lowers both"
              + " percentages.";
      case INCLUDE_AS_DISAGREE -> answer + " counts in n and as disagreement.";
    };
  }

  /** The minimum n, for a protocol that sets one. */
  public static String minimumN(Protocol p) {
    return "A statement rated by fewer than "
        + p.minimumN
        + " panelists (n < "
        + p.minimumN
        + ") cannot reach consensus (\"no consensus: too few ratings\").";
  }

  /** The requirement on every stakeholder group, for a protocol that sets it. */
  public static String everyGroup(Protocol p) {
    return "Consensus also needs every stakeholder group with at least "
        + p.minimumGroupSize
        + " ratings to meet the same rule; smaller groups are reported but not required.";
  }

  /** In what order panelists saw the statements, as the report's method states it. */
  public static String statementOrder(Protocol p) {
    return p.randomOrder
        ? "Within each section, the statements were shown to each panelist in a random order,"
            + " drawn once per panelist and round and recorded (the ratings export gives the"
            + " position at which each panelist saw each statement); the sections kept their"
            + " order."
        : "Every panelist saw the statements in the same order, the order of the guidance.";
  }

  /**
   * The reason invited for a rating far from the panel's median, for a protocol that asks for it;
   * null otherwise.
   */
  public static String farFromMedian(Protocol p) {
    if (!p.farFromMedianReason || p.farFromMedianDistance == null) {
      return null;
    }
    return "From round 2, a panelist whose new rating lay "
        + p.farFromMedianDistance
        + (p.farFromMedianDistance == 1 ? " point" : " points")
        + " or more from the panel's median of the previous round (|rating − median| ≥ "
        + p.farFromMedianDistance
        + ") was also invited to give a reason, in neutral words (\"You may say why, if you"
        + " wish\"), that did not ask them to move towards the panel.";
  }

  /** "7–9", or "5" for a band of one point. */
  public static String band(int low, int high) {
    return low == high ? Integer.toString(low) : low + "–" + high;
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
