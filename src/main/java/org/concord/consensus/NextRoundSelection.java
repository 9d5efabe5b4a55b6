package org.concord.consensus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which items go to the next round: those without consensus are carried; those with consensus
 * retire with their outcome. Generic in the item key so callers use their own ids.
 */
public final class NextRoundSelection {

  public record Choice<K>(K item, Outcome outcome, String reason) {}

  public record Selection<K>(
      List<Choice<K>> carried, List<Choice<K>> retiredIn, List<Choice<K>> retiredOut) {}

  private NextRoundSelection() {}

  public static <K> Selection<K> select(Map<K, Decision> decisions) {
    List<Choice<K>> carried = new ArrayList<>();
    List<Choice<K>> in = new ArrayList<>();
    List<Choice<K>> out = new ArrayList<>();
    decisions.forEach(
        (item, decision) -> {
          switch (decision.outcome()) {
            case CONSENSUS_IN ->
                in.add(new Choice<>(item, decision.outcome(), "retired: " + decision.reason()));
            case CONSENSUS_OUT ->
                out.add(new Choice<>(item, decision.outcome(), "retired: " + decision.reason()));
            case NO_CONSENSUS ->
                carried.add(
                    new Choice<>(item, decision.outcome(), "carried: " + decision.reason()));
          }
        });
    return new Selection<>(List.copyOf(carried), List.copyOf(in), List.copyOf(out));
  }
}
