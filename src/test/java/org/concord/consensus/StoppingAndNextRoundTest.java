package org.concord.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a study stops, and which statements go on to the next round (DESIGN §4). */
class StoppingAndNextRoundTest {

  @Test
  void stopsAtTheMaximumNumberOfRounds() {
    StoppingRule.StopDecision d = StoppingRule.evaluate(3, 3, 5, 0);
    assertTrue(d.stop());
    assertEquals(StoppingRule.Reason.MAXIMUM_ROUNDS, d.reason());
    assertEquals(
        "Round 3 of at most 3 has closed: the maximum number of rounds is reached.",
        d.explanation());
  }

  @Test
  void stopsEarlyWhenEveryStatementIsDecided() {
    StoppingRule.StopDecision d = StoppingRule.evaluate(1, 3, 0, 0);
    assertTrue(d.stop());
    assertEquals(StoppingRule.Reason.ALL_DECIDED, d.reason());
  }

  @Test
  void stopsEarlyWhenEveryUndecidedStatementIsStable() {
    StoppingRule.StopDecision d = StoppingRule.evaluate(2, 3, 4, 4);
    assertTrue(d.stop());
    assertEquals(StoppingRule.Reason.ALL_STABLE, d.reason());
    assertTrue(d.explanation().startsWith("All 4 statements without consensus are stable"));
  }

  @Test
  void stabilityCannotStopTheFirstRoundBecauseThereIsNothingToCompareWith() {
    StoppingRule.StopDecision d = StoppingRule.evaluate(1, 3, 4, 4);
    assertFalse(d.stop());
    assertEquals(StoppingRule.Reason.CONTINUE, d.reason());
  }

  @Test
  void continuesWhileSomeUndecidedStatementIsStillMoving() {
    StoppingRule.StopDecision one = StoppingRule.evaluate(2, 3, 1, 0);
    assertFalse(one.stop());
    assertEquals(StoppingRule.Reason.CONTINUE, one.reason());
    assertEquals("1 statement has no consensus yet; round 3 may follow.", one.explanation());
    StoppingRule.StopDecision many = StoppingRule.evaluate(2, 4, 5, 4);
    assertEquals("5 statements have no consensus yet; round 3 may follow.", many.explanation());
  }

  @Test
  void nextRoundCarriesUndecidedStatementsAndRetiresTheRest() {
    Map<String, Decision> decisions = new LinkedHashMap<>();
    decisions.put("S1", new Decision(Outcome.CONSENSUS_IN, "80% rated 7–9: consensus in"));
    decisions.put("S2", new Decision(Outcome.NO_CONSENSUS, "50% rated 7–9: no consensus"));
    decisions.put("S3", new Decision(Outcome.CONSENSUS_OUT, "75% rated 1–3: consensus out"));
    decisions.put("S4", new Decision(Outcome.NO_CONSENSUS, "too few ratings: no consensus"));

    NextRoundSelection.Selection<String> s = NextRoundSelection.select(decisions);

    // Carried statements keep the order the caller gave them in.
    assertEquals(
        List.of("S2", "S4"), s.carried().stream().map(NextRoundSelection.Choice::item).toList());
    assertEquals(
        List.of("S1"), s.retiredIn().stream().map(NextRoundSelection.Choice::item).toList());
    assertEquals(
        List.of("S3"), s.retiredOut().stream().map(NextRoundSelection.Choice::item).toList());
    assertEquals("carried: 50% rated 7–9: no consensus", s.carried().get(0).reason());
    assertEquals("retired: 80% rated 7–9: consensus in", s.retiredIn().get(0).reason());
    assertEquals(Outcome.CONSENSUS_OUT, s.retiredOut().get(0).outcome());
  }

  @Test
  void nextRoundOfNothingIsEmpty() {
    NextRoundSelection.Selection<Long> s = NextRoundSelection.select(Map.of());
    assertTrue(s.carried().isEmpty() && s.retiredIn().isEmpty() && s.retiredOut().isEmpty());
  }

  @Test
  void aLastRoundThatSettledEverythingSaysSo() {
    StoppingRule.StopDecision d = StoppingRule.evaluate(3, 3, 0, 0);
    assertTrue(d.stop());
    assertEquals(StoppingRule.Reason.ALL_DECIDED, d.reason());
  }
}
