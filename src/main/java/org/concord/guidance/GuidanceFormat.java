package org.concord.guidance;

import java.util.Locale;
import java.util.Optional;

/** The file formats guidance can be imported from, by their media types. */
public enum GuidanceFormat {
  MARKDOWN("text/markdown"),
  CSV("text/csv"),
  JSON("application/json");

  public final String mediaType;

  GuidanceFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  public static Optional<GuidanceFormat> ofMediaType(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String base = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    for (GuidanceFormat format : values()) {
      if (format.mediaType.equals(base)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
