package org.concord.web;

import java.net.URI;
import java.util.Locale;

/**
 * Whether a browser's {@code Origin} header names this site. Our own origin is the one the request
 * came to, or the public {@code concord.base-url} when a proxy stands in front and the server sees
 * another address.
 */
public final class Origins {

  private Origins() {}

  /** True when {@code origin} is the request's own origin or that of {@code baseUrl}. */
  public static boolean isOwn(String origin, URI requestBase, String baseUrl) {
    return same(origin, requestBase) || same(origin, URI.create(baseUrl));
  }

  static boolean same(String origin, URI base) {
    try {
      URI given = URI.create(origin.strip());
      return given.getScheme() != null
          && given.getHost() != null
          && base.getScheme() != null
          && base.getHost() != null
          && given.getScheme().equalsIgnoreCase(base.getScheme())
          && given.getHost().equalsIgnoreCase(base.getHost())
          && port(given) == port(base);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
  }
}
