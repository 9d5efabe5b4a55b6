package org.concord.consensus;

import static org.concord.consensus.TestScales.ONE_TO_NINE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The options that apply to any rule: minimum n, every group, divergence (DESIGN §4). */
class ConsensusEngineOptionsTest {

  private static final ConsensusRule COMET = new ConsensusRule.Comet(70, 15);

  private static Histogram ratings(int... ratings) {
    return Histogram.fromRatings(ONE_TO_NINE, ratings);
  }

  private static Histogram repeated(int point, int times) {
    return Histogram.empty(ONE_TO_NINE).with(point, times);
  }

  private static ConsensusEngine engine(int minimumN, boolean everyGroup, int minimumGroupSize) {
    return new ConsensusEngine(
        ONE_TO_NINE,
        COMET,
        new ConsensusOptions(
            minimumN,
            everyGroup,
            minimumGroupSize,
            QuantileMethod.TYPE_7,
            DenominatorPolicy.EXCLUDE));
  }

  /** The overall histogram is the sum of the groups', as the database's GROUP BY gives it. */
  private static ItemResult evaluate(ConsensusEngine engine, Map<String, Histogram> groups) {
    Histogram overall = Histogram.empty(ONE_TO_NINE);
    for (Histogram h : groups.values()) {
      overall = overall.plus(h);
    }
    return engine.evaluate(overall, groups);
  }

  @Test
  void tooFewRatingsIsNoConsensusWhateverTheyAre() {
    ConsensusEngine engine = engine(10, false, 1);
    Decision nine = engine.decide(engine.statistics(repeated(9, 9)));
    assertEquals(Outcome.NO_CONSENSUS, nine.outcome());
    assertEquals("too few ratings (9, the protocol needs 10): no consensus", nine.reason());
    // The tenth rating reaches the minimum: the rule decides again.
    assertEquals(Outcome.CONSENSUS_IN, engine.decide(engine.statistics(repeated(9, 10))).outcome());
  }

  @Test
  void everyGroupConsensusIgnoresGroupsBelowTheMinimumSize() {
    Map<String, Histogram> groups = new LinkedHashMap<>();
    groups.put("Practitioners", repeated(8, 10));
    groups.put("Carers", repeated(9, 10));
    // Two managers who disagree: shown, but too few to be required or to count as divergence.
    groups.put("Managers", repeated(2, 2));
    ItemResult result = evaluate(engine(0, true, 5), groups);

    assertEquals(Outcome.CONSENSUS_IN, result.outcome());
    assertEquals(
        List.of("Practitioners", "Carers", "Managers"),
        result.groups().stream().map(GroupResult::group).toList());
    GroupResult managers = result.groups().get(2);
    assertFalse(managers.required());
    // Shown with their statistics, but below the group size the rule does not judge them.
    assertEquals(100, managers.statistics().percentDisagree(), 1e-9);
    assertEquals(
        "too few ratings (2, the protocol needs 5): no consensus", managers.decision().reason());
    assertTrue(result.groups().get(0).required());
    assertFalse(result.divergent());
  }

  @Test
  void everyGroupConsensusFailsWhenARequiredGroupDoesNotAgree() {
    Map<String, Histogram> groups = new LinkedHashMap<>();
    groups.put("Practitioners", repeated(8, 16));
    groups.put("Carers", ratings(2, 2, 5, 5, 8, 8));
    ItemResult result = evaluate(engine(0, true, 5), groups);

    // Overall 18 of 22 = 82% agree, 2 of 22 = 9% disagree: in, but not among carers.
    assertEquals(Outcome.CONSENSUS_IN, result.overallDecision().outcome());
    assertEquals(Outcome.NO_CONSENSUS, result.outcome());
    assertTrue(
        result
            .decision()
            .reason()
            .endsWith("; but not in every group (Carers did not): no consensus"),
        result.decision().reason());
    assertTrue(result.divergent());
  }

  @Test
  void withoutTheEveryGroupOptionGroupsAreShownButNotRequired() {
    Map<String, Histogram> groups = new LinkedHashMap<>();
    groups.put("Practitioners", repeated(8, 16));
    groups.put("Carers", ratings(2, 2, 5, 5, 8, 8));
    ItemResult result = evaluate(engine(0, false, 5), groups);

    assertEquals(Outcome.CONSENSUS_IN, result.outcome());
    assertTrue(result.groups().stream().noneMatch(GroupResult::required));
    // Divergence is reported whether or not groups are required.
    assertTrue(result.divergent());
  }

  @Test
  void divergenceFlagsGroupsThatReachOppositeOutcomes() {
    Map<String, Histogram> groups = new LinkedHashMap<>();
    groups.put("Practitioners", repeated(9, 10));
    groups.put("People who use services", repeated(1, 10));
    ItemResult result = evaluate(engine(0, false, 1), groups);

    assertEquals(Outcome.CONSENSUS_IN, result.groups().get(0).decision().outcome());
    assertEquals(Outcome.CONSENSUS_OUT, result.groups().get(1).decision().outcome());
    assertTrue(result.divergent());
    // Half and half: overall neither band reaches 70%.
    assertEquals(Outcome.NO_CONSENSUS, result.outcome());
  }

  @Test
  void groupsThatAllAgreeAreNotDivergent() {
    Map<String, Histogram> groups = new LinkedHashMap<>();
    groups.put("Practitioners", repeated(9, 10));
    groups.put("Carers", repeated(8, 7));
    ItemResult result = evaluate(engine(0, true, 5), groups);
    assertEquals(Outcome.CONSENSUS_IN, result.outcome());
    assertFalse(result.divergent());
  }
}
