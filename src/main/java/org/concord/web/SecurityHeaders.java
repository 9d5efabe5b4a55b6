package org.concord.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers on every response, set as the headers are written, so that the early refusals (413, 429,
 * 403) and Vert.x's own error answers carry them too.
 *
 * <ul>
 *   <li>A Content-Security-Policy that allows scripts, styles and images from this site only and no
 *       inline script or style: an injected {@code <script>} or {@code onclick} does not run. The
 *       pages keep their scripts and styles in /js and /css for this reason. Swagger UI under /q/
 *       builds its page with inline script and is left out; it reads only the public OpenAPI
 *       document. A response may bring a stricter policy of its own: the consensus report, a
 *       document to save and print, carries its stylesheet inline and admits exactly that one by
 *       its hash.
 *   <li>No framing anywhere (clickjacking) and no content sniffing.
 *   <li>The API's answers are never stored by a browser or a proxy: they carry panel identities and
 *       answers, and a shared computer keeps a cache.
 * </ul>
 */
@ApplicationScoped
public class SecurityHeaders {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

  private static final String OWN_POLICY = "concord.content-security-policy";

  /**
   * Gives this response a policy of its own in place of the site's; for a document that must be
   * stricter in one way and needs one exception, such as a stylesheet admitted by its hash.
   */
  public static void ownPolicy(RoutingContext context, String policy) {
    context.put(OWN_POLICY, policy);
  }

  void install(@Observes Router router) {
    router.route().order(-200).handler(this::addHeaders);
  }

  private void addHeaders(RoutingContext context) {
    String path = context.normalizedPath();
    context.addHeadersEndHandler(
        ignored -> {
          MultiMap headers = context.response().headers();
          headers.set("X-Content-Type-Options", "nosniff");
          headers.set("X-Frame-Options", "DENY");
          if (path.startsWith("/q/")) {
            headers.set("Content-Security-Policy", "frame-ancestors 'none'");
          } else {
            String own = context.get(OWN_POLICY);
            headers.set("Content-Security-Policy", own != null ? own : CONTENT_SECURITY_POLICY);
          }
          if (path.equals("/api") || path.startsWith("/api/")) {
            headers.set("Cache-Control", "no-store");
          }
        });
    context.next();
  }
}
