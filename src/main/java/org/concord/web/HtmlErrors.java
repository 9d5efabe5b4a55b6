package org.concord.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.concord.common.ConcordException;
import org.concord.common.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Failures of console pages answered as a page: the one HTML error page, or the sign-in page when
 * nobody is signed in. Everywhere else the same failures stay problem+json ({@link
 * ProblemMappers}); this is the one place that decides by the address. A page that can say what
 * went wrong beside a field catches {@link ConcordException.Invalid} itself and re-renders its
 * form.
 */
public class HtmlErrors {

  @CheckedTemplate(basePath = "web", requireTypeSafeExpressions = false)
  static class Templates {
    static native TemplateInstance error(Chrome chrome, int status, String heading, String detail);
  }

  @Inject RoutingContext routing;
  @Inject ProblemMappers problems;

  private boolean console() {
    String path = routing.normalizedPath();
    return path.equals("/console") || path.startsWith("/console/");
  }

  @ServerExceptionMapper(priority = Priorities.USER - 100)
  public Response concord(ConcordException e) {
    if (!console()) {
      return problems.concord(e);
    }
    return page(e.problem().status(), e.problem().title(), e.problem().detail());
  }

  @ServerExceptionMapper(priority = Priorities.USER - 100)
  public Response unauthorized(UnauthorizedException e) {
    return console() ? toSignIn() : problems.unauthorized(e);
  }

  @ServerExceptionMapper(priority = Priorities.USER - 100)
  public Response authenticationFailed(AuthenticationFailedException e) {
    if (signInForm(routing)) {
      // the form mechanism's own error page is bypassed once a mapper handles the failure
      return Response.seeOther(URI.create("/console/login?failed=true")).build();
    }
    return console() ? toSignIn() : problems.authenticationFailed(e);
  }

  /** Whether this request is the console's sign-in form, posted to the form mechanism. */
  public static boolean signInForm(RoutingContext routing) {
    return routing.normalizedPath().equals("/j_security_check");
  }

  @ServerExceptionMapper(priority = Priorities.USER - 100)
  public Response forbidden(ForbiddenException e) {
    if (!console()) {
      return problems.forbidden(e);
    }
    return page(
        403,
        "Not allowed",
        "Your role does not allow this. Analysts see results and exports; a coordinator makes"
            + " changes.");
  }

  @ServerExceptionMapper(priority = Priorities.USER - 100)
  public Response web(WebApplicationException e) {
    if (!console()) {
      return problems.web(e);
    }
    int status = e.getResponse().getStatus();
    return switch (status) {
      case 404 -> page(404, "Page not found", "Nothing is here. Check the address.");
      case 405 -> page(405, "Not allowed", "This page cannot be used that way.");
      default -> page(status, "Something went wrong", "Concord could not handle this request.");
    };
  }

  @ServerExceptionMapper(priority = Priorities.USER - 100)
  public Response unexpected(Exception e) {
    if (!console()) {
      return problems.unexpected(e);
    }
    ProblemMappers.internalError(e);
    return page(
        500,
        "Something went wrong",
        "Concord failed to handle this request. Nothing was changed; it has been logged.");
  }

  /** The error page with this status; the chrome is plain, as the failure may be the sign-in. */
  public Response page(int status, String heading, String detail) {
    Chrome chrome = new Chrome(heading, null, false, ConsoleForms.token(routing), null, null);
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(Templates.error(chrome, status, heading, detail).render())
        .build();
  }

  /**
   * To the sign-in page, which comes back here after signing in: the form mechanism reads the
   * address to return to from its cookie.
   */
  private Response toSignIn() {
    String back = routing.request().absoluteURI();
    return Response.seeOther(URI.create("/console/login"))
        .cookie(
            new NewCookie.Builder("quarkus-redirect-location")
                .value(back)
                .path("/")
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .build())
        .build();
  }
}
