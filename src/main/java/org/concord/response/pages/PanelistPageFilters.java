package org.concord.response.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.concord.common.ConcordConfig;
import org.concord.common.Problem;
import org.concord.web.Origins;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Headers and cross-site checks for everything under /p/. The link is the panelist's only key, so
 * no page may leak it: no Referer to other sites, nothing kept in shared caches.
 *
 * <p>Application scoped so that the instance, and its config mapping, is made at the first request:
 * the REST layer builds its filters during static init, before the mapping exists.
 */
@ApplicationScoped
public class PanelistPageFilters {

  @Inject ConcordConfig config;

  /**
   * A post whose Origin names another site is refused before it reaches a resource. Browsers send
   * Origin with every cross-site post; a post without one (old browsers, curl) or with "null" still
   * needs the form's hidden token. Our own origin is the one the request came to, or the public
   * {@code concord.base-url} when a proxy stands in front.
   */
  @ServerRequestFilter
  public Optional<Response> sameOrigin(ContainerRequestContext request, HttpHeaders headers) {
    String method = request.getMethod();
    if (!isPanelist(request) || "GET".equals(method) || "HEAD".equals(method)) {
      return Optional.empty();
    }
    String origin = request.getHeaderString("Origin");
    // Under Referrer-Policy: no-referrer a browser sends "Origin: null" even from our own pages;
    // such a post, like one without Origin, is let through to the form token check.
    if (origin == null
        || "null".equals(origin.strip())
        || Origins.isOwn(origin, request.getUriInfo().getBaseUri(), config.baseUrl())) {
      return Optional.empty();
    }
    if (request.getUriInfo().getPath().contains("/api/")) {
      return Optional.of(
          Response.status(403)
              .type(Problem.MEDIA_TYPE)
              .entity(
                  Problem.of(
                      "cross-site",
                      "Not allowed",
                      403,
                      "Requests from another site are not accepted here."))
              .build());
    }
    String lang =
        PanelistPages.language(request.getUriInfo().getQueryParameters().getFirst("lang"), headers);
    return Optional.of(PanelistPages.forbidden(lang, ""));
  }

  @ServerResponseFilter
  public void privateHeaders(ContainerRequestContext request, ContainerResponseContext response) {
    if (isPanelist(request)) {
      response.getHeaders().putSingle("Referrer-Policy", "no-referrer");
      response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    }
  }

  private static boolean isPanelist(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    return path.startsWith("/p/") || path.startsWith("p/");
  }
}
