package org.concord.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.concord.security.Role;

/** Builds the {@link Chrome} of a console page for the signed-in member of the study team. */
@RequestScoped
public class Console {

  @Inject SecurityIdentity identity;
  @Inject RoutingContext routing;

  public Chrome chrome(String title) {
    return new Chrome(
        title,
        identity.isAnonymous() ? null : identity.getPrincipal().getName(),
        identity.hasRole(Role.COORDINATOR),
        ConsoleForms.token(routing),
        null,
        null);
  }

  /** A page of one study, under the tab {@code tab} of its navigation. */
  public Chrome chrome(String title, long studyId, String studyTitle, String tab) {
    Chrome plain = chrome(title);
    return new Chrome(
        title,
        plain.user(),
        plain.coordinator(),
        plain.formToken(),
        new Chrome.StudyNav(studyId, studyTitle, tab),
        null);
  }

  public String user() {
    return identity.getPrincipal().getName();
  }

  /** Post/Redirect/Get: after a change, to the page that shows it, with a one-line notice. */
  public static Response seeOther(String path) {
    return Response.seeOther(URI.create(path)).build();
  }
}
