package org.concord.report.html;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.concord.consensus.Outcome;

/**
 * How the report prints numbers for a person: rounded half up to the places the report states
 * ({@link ReportViews.Rounding}); the JSON and the exports keep full precision.
 */
@TemplateExtension(namespace = "fmt")
public final class ReportFormat {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** Places printed for a percentage, a statistic and a p-value; the report states them. */
  public static final int PERCENT_DECIMALS = 1;

  public static final int STATISTIC_DECIMALS = 2;

  public static final int P_DECIMALS = 3;

  private ReportFormat() {}

  /** A percentage to one decimal: "66.7%"; a dash when there is none. */
  static String pct(Double value) {
    return value == null ? "–" : places(value, PERCENT_DECIMALS) + "%";
  }

  /** A statistic (median, IQR, Δ, κ) to two decimals, trailing zeros dropped: "6.5", "1". */
  static String num(Double value) {
    return value == null
        ? "–"
        : places(value, STATISTIC_DECIMALS).stripTrailingZeros().toPlainString();
  }

  /** A p-value to three decimals, or "< 0.001". */
  static String p(Double value) {
    if (value == null) {
      return "not computable";
    }
    return value < 0.001 ? "< 0.001" : places(value, P_DECIMALS).toPlainString();
  }

  static String when(Instant at) {
    return at == null ? "–" : DATE_TIME.format(at);
  }

  static String outcome(Outcome outcome) {
    if (outcome == null) {
      return "–";
    }
    return switch (outcome) {
      case CONSENSUS_IN -> "Consensus in";
      case CONSENSUS_OUT -> "Consensus out";
      case NO_CONSENSUS -> "No consensus";
    };
  }

  static String outcomeClass(Outcome outcome) {
    return outcome == null ? "" : outcome.name().toLowerCase().replace('_', '-');
  }

  static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }

  static String counts(List<Long> counts) {
    return String.join(" ", counts.stream().map(String::valueOf).toList());
  }

  private static BigDecimal places(double value, int places) {
    return new BigDecimal(Double.toString(value)).setScale(places, RoundingMode.HALF_UP);
  }
}
