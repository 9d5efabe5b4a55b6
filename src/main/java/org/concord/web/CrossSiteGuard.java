package org.concord.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import org.concord.common.ConcordConfig;
import org.concord.common.Problem;

/**
 * Refuses a change under /api that a browser sends on behalf of another site. A browser keeps the
 * study team's Basic credentials and sends them with any request to this host, also from a form or
 * a script on another site; the bodyless actions ({@code POST /api/rounds/{id}/remind}) need no
 * JSON, so content types alone do not stop such a request. Browsers mark it: a cross-site post
 * carries an {@code Origin} that names the other site and {@code Sec-Fetch-Site: cross-site}.
 * Either refuses it here, for every route at once, before authentication or the resource runs.
 * Clients that are not browsers (curl, scripts) send neither and are not affected.
 *
 * <p>{@code Origin: null} is refused too: browsers send it from sandboxed frames and other opaque
 * origins, never from a page of ours under /api (the panelist pages' own check lets it through
 * because their forms carry a token).
 */
@ApplicationScoped
public class CrossSiteGuard {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Inject ConcordConfig config;

  void install(@Observes Router router) {
    router.route("/api/*").order(-90).handler(this::check);
  }

  private void check(RoutingContext context) {
    HttpServerRequest request = context.request();
    if (SAFE_METHODS.contains(request.method().name()) || !isCrossSite(request, config.baseUrl())) {
      context.next();
      return;
    }
    Problem problem =
        Problem.of(
            "cross-site",
            "Not allowed",
            403,
            "Requests from another site are not accepted here. Call the API directly, not from a"
                + " page of another site.");
    context
        .response()
        .setStatusCode(403)
        .putHeader("Content-Type", Problem.MEDIA_TYPE)
        .end(Json.encode(problem));
  }

  /** Whether a browser marked the request as sent from a page of another site. */
  static boolean isCrossSite(HttpServerRequest request, String baseUrl) {
    if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
      return true;
    }
    String origin = request.getHeader("Origin");
    return origin != null && !Origins.isOwn(origin, requestBase(request), baseUrl);
  }

  /** The origin the request came to, as the client addressed it. */
  private static URI requestBase(HttpServerRequest request) {
    HostAndPort authority = request.authority();
    if (authority == null) {
      return URI.create("");
    }
    try {
      return new URI(request.scheme(), null, authority.host(), authority.port(), null, null, null);
    } catch (URISyntaxException e) {
      return URI.create("");
    }
  }
}
