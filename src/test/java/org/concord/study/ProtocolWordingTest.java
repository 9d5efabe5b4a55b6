package org.concord.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.concord.consensus.Comparison;
import org.concord.consensus.DenominatorPolicy;
import org.junit.jupiter.api.Test;

/**
 * The sentence of what the rule means, as the protocol editor shows it and the report prints it.
 */
class ProtocolWordingTest {

  @Test
  void theDefaultProtocolSaysTheRuleTheUnableToRateAnswersAndTheMinimumN() {
    assertEquals(
        "A statement reaches consensus in when at least 70% of those who rate it rate 7–9 and"
            + " fewer than 15% rate 1–3 (%agree ≥ 70% and %disagree < 15%); it reaches consensus"
            + " out when at least 70% rate 1–3 and fewer than 15% rate 7–9 (%disagree ≥ 70% and"
            + " %agree < 15%); otherwise it has no consensus. An answer of \"I cannot rate this\""
            + " is counted and reported but is not a rating: it is left out of n, the number the"
            + " percentages are of. A statement rated by fewer than 5 panelists (n < 5) cannot"
            + " reach consensus (\"no consensus: too few ratings\").",
        ProtocolWording.sentence(new Protocol()));
  }

  @Test
  void whatDoesNotApplyIsLeftOutAndTheGroupRequirementSaidWhenItDoes() {
    Protocol p = new Protocol();
    p.chooseRule(RuleType.PERCENT_AGREEMENT);
    p.percentThreshold = 80;
    p.percentComparison = Comparison.MORE_THAN;
    p.scaleMax = 5;
    p.agreeLow = 4;
    p.agreeHigh = 5;
    p.disagreeLow = 1;
    p.disagreeHigh = 2;
    p.unableToRateAllowed = false;
    p.minimumN = 0;
    p.everyGroupRequired = true;
    p.minimumGroupSize = 4;
    assertEquals(
        "A statement reaches consensus in when more than 80% of those who rate it rate 4–5"
            + " (%agree > 80%); it reaches consensus out when more than 80% rate 1–2 (%disagree >"
            + " 80%); otherwise it has no consensus. Consensus also needs every stakeholder group"
            + " with at least 4 ratings to meet the same rule; smaller groups are reported but"
            + " not required.",
        ProtocolWording.sentence(p));
  }

  @Test
  void theMedianRuleSaysItsLargestIqrAndABandOfOnePointIsOneNumber() {
    Protocol p = new Protocol();
    p.chooseRule(RuleType.MEDIAN_IQR);
    p.maxIqr = 1.5;
    p.scaleMax = 5;
    p.agreeLow = 5;
    p.agreeHigh = 5;
    p.disagreeLow = 1;
    p.disagreeHigh = 1;
    p.denominatorPolicy = DenominatorPolicy.INCLUDE_AS_NEUTRAL;
    p.minimumN = 0;
    assertEquals(
        "A statement reaches consensus in when the median rating lies in 5 and the"
            + " interquartile range (IQR = Q3 − Q1) is at most 1.5; it reaches consensus out when"
            + " the median lies in 1 and the IQR is at most 1.5; otherwise it has no consensus."
            + " An answer of \"I cannot rate this\" counts in n as neither agreement nor"
            + " disagreement, so it lowers both percentages.",
        ProtocolWording.sentence(p));
  }

  @Test
  void choosingAnotherRuleResetsEveryRulesParameters() {
    Protocol p = new Protocol();
    p.cometAgreeThreshold = 80;
    p.chooseRule(RuleType.PERCENT_AGREEMENT);
    p.percentThreshold = 90;
    p.chooseRule(RuleType.COMET);
    assertEquals(70, p.cometAgreeThreshold);
    assertEquals(75, p.percentThreshold);
  }
}
