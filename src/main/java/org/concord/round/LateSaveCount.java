package org.concord.round;

/**
 * How many saves reached a round after it closed. The response feature keeps them; the round's
 * dashboard shows how many, without the round feature depending on responses.
 */
public interface LateSaveCount {
  long of(long roundId);
}
