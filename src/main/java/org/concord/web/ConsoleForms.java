package org.concord.web;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.concord.common.ConcordConfig;

/**
 * Cross-site request protection for the console, in two layers. A change that a browser sends on
 * behalf of another site is refused by its {@code Origin} or {@code Sec-Fetch-Site} here, before
 * sign-in or any page runs (the sign-in form included, so no other site can sign a browser in to an
 * account of its choosing). And every console form carries the value of a random cookie of this
 * site (a double-submit token): another site can neither read the cookie nor the page, so it cannot
 * write the field; {@link ConsoleFormGuard} compares the two. The cookie is SameSite=Strict and
 * HttpOnly, and needs no state on the server, so every instance accepts it.
 */
@ApplicationScoped
public class ConsoleForms {

  /** The hidden field every console form carries. */
  public static final String FIELD = "_csrf";

  static final String COOKIE = "concord-form";
  private static final String CONTEXT_KEY = "concord.form-token";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject ConcordConfig config;

  // Before the form sign-in, which Quarkus runs early on the same router: the body is not read
  // here, so the guard can come right after the body handler.
  private static final int ORDER = RouteConstants.ROUTE_ORDER_BODY_HANDLER + 1;

  void install(@Observes Router router) {
    router.route("/console").order(ORDER).handler(this::guard);
    router.route("/console/*").order(ORDER).handler(this::guard);
    router.route("/j_security_check").order(ORDER).handler(this::guard);
  }

  private void guard(RoutingContext context) {
    HttpServerRequest request = context.request();
    if (!SAFE_METHODS.contains(request.method().name())
        && CrossSiteGuard.isCrossSite(request, config.baseUrl())) {
      context
          .response()
          .setStatusCode(403)
          .putHeader("Content-Type", "text/plain; charset=utf-8")
          .end("Forms from another site are not accepted here.");
      return;
    }
    Cookie cookie = request.getCookie(COOKIE);
    String token = cookie == null ? null : cookie.getValue();
    if (token == null || token.length() != 43) {
      byte[] random = new byte[32];
      RANDOM.nextBytes(random);
      token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      context
          .response()
          .addCookie(
              Cookie.cookie(COOKIE, token)
                  .setPath("/")
                  .setHttpOnly(true)
                  .setSameSite(CookieSameSite.STRICT)
                  .setSecure(config.baseUrl().startsWith("https:")));
    }
    context.put(CONTEXT_KEY, token);
    context.next();
  }

  /** The value this request's forms carry in {@link #FIELD}. */
  public static String token(RoutingContext context) {
    return context.get(CONTEXT_KEY);
  }

  /** Compares in constant time. */
  static boolean matches(String expected, String candidate) {
    return expected != null
        && candidate != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
  }
}
