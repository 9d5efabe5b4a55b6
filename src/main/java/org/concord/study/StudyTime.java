package org.concord.study;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as a panelist reads them: in the study's time zone, with the zone named, in the
 * panelist's language ("Friday 12 March 2027, 17:00 GMT"; "Dydd Gwener 12 Mawrth 2027, 17:00 GMT").
 * Pages and emails all format through here, so that every time a panelist reads agrees.
 */
public final class StudyTime {

  public static final String DEFAULT_ZONE = "UTC";

  private static final String PATTERN = "EEEE d MMMM yyyy, HH:mm zzz";

  private StudyTime() {}

  /** A zone Java knows by this IANA id ("Europe/London", "UTC"); offsets like "+01:00" are not. */
  public static boolean isZone(String id) {
    return id != null && ZoneId.getAvailableZoneIds().contains(id.strip());
  }

  /** The study's zone; UTC for a zone this Java does not know (a database edited by hand). */
  public static ZoneId zone(String id) {
    return isZone(id) ? ZoneId.of(id.strip()) : ZoneId.of(DEFAULT_ZONE);
  }

  /** The instant in the zone, named, in the language ("en", "cy"); null for no instant. */
  public static String dateTime(Instant instant, String zone, String lang) {
    if (instant == null) {
      return null;
    }
    Locale locale = "cy".equals(lang) ? Locale.forLanguageTag("cy") : Locale.UK;
    return DateTimeFormatter.ofPattern(PATTERN, locale).withZone(zone(zone)).format(instant);
  }
}
