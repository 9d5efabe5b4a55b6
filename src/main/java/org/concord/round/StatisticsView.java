package org.concord.round;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.concord.consensus.ItemStatistics;

/**
 * An item's statistics as the API shows and the database stores them: counts from the lowest scale
 * point up; a statistic that does not exist (the median of no ratings) is null.
 */
public record StatisticsView(
    long n,
    long rated,
    long unableToRate,
    List<Long> counts,
    double percentAgree,
    double percentDisagree,
    double percentNeutral,
    Double median,
    Double q1,
    Double q3,
    Double iqr,
    Double p30,
    Double p70,
    Double ipr,
    Double ipras,
    Double disagreementIndex,
    Double mean,
    Double sd) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static StatisticsView of(ItemStatistics s) {
    return new StatisticsView(
        s.n(),
        s.rated(),
        s.unableToRate(),
        Arrays.stream(s.counts()).boxed().toList(),
        round(s.percentAgree()),
        round(s.percentDisagree()),
        round(s.percentNeutral()),
        value(s.median()),
        value(s.q1()),
        value(s.q3()),
        value(s.iqr()),
        value(s.p30()),
        value(s.p70()),
        value(s.ipr()),
        value(s.ipras()),
        value(s.disagreementIndex()),
        value(s.mean()),
        value(s.sd()));
  }

  public long[] countArray() {
    return counts.stream().mapToLong(Long::longValue).toArray();
  }

  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static StatisticsView fromJson(String json) {
    try {
      return JSON.readValue(json, StatisticsView.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable statistics: " + json, e);
    }
  }

  private static Double value(double x) {
    return Double.isNaN(x) || Double.isInfinite(x) ? null : round(x);
  }

  /** Four decimals: exact for quantiles of integer ratings, enough for percentages. */
  private static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }
}
