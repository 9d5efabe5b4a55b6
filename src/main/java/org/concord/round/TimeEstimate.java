package org.concord.round;

/**
 * How long a round takes, as the welcome page and the emails say it: one figure for both.
 *
 * <p>Reading a statement of guidance and choosing a point takes about 20 seconds. From round 2 on
 * each statement also shows the panel's answer: a chart, a sentence in counts and bands and the
 * panelist's own earlier rating, some 40 to 60 words and a picture. At a plain-language reading
 * speed of about 200 words a minute that is 15 seconds, and weighing one's rating against the
 * panel's takes about as long again; so a statement with feedback is counted at 20 + 30 = 50
 * seconds. Comments released by the team add more, but how many there are varies, and an estimate
 * that is somewhat short is less off-putting than one that is long; the page says "about".
 */
public final class TimeEstimate {

  static final int SECONDS_TO_RATE = 20;
  static final int SECONDS_TO_READ_FEEDBACK = 30;

  private TimeEstimate() {}

  /**
   * Whole minutes, rounded up, at least 1, for {@code statements} of which {@code withFeedback}
   * show the previous round's answer (none in round 1; in a later round every carried statement,
   * but not one the team added).
   */
  public static int minutes(int statements, int withFeedback) {
    int seconds = statements * SECONDS_TO_RATE + withFeedback * SECONDS_TO_READ_FEEDBACK;
    return Math.max(1, (seconds + 59) / 60);
  }
}
