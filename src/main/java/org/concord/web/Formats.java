package org.concord.web;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How console pages write numbers and times for a person to read. Values stay exact everywhere
 * else; here they are rounded half up to the places shown, which the pages say.
 */
@TemplateExtension
public final class Formats {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK).withZone(ZoneOffset.UTC);

  private Formats() {}

  /** {@code 4 Dec 2026, 12:14 UTC}; empty for no time. */
  static String when(Instant instant) {
    return instant == null ? "" : WHEN.format(instant);
  }

  /** {@code 4 Dec 2026}. */
  static String day(Instant instant) {
    return instant == null ? "" : DAY.format(instant);
  }

  /** {@code 72.4%}: one decimal place; a dash for no value. */
  static String percent(Double value) {
    return value == null || value.isNaN() ? "–" : fixed(value, 1) + "%";
  }

  /** The value with {@code places} decimals; a dash for no value. */
  static String fixed(Double value, int places) {
    if (value == null || value.isNaN() || value.isInfinite()) {
      return "–";
    }
    return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).toPlainString();
  }

  /** A share of a whole as a whole percentage, for a progress bar; 0 when the whole is 0. */
  static int share(long part, long whole) {
    return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
  }
}
