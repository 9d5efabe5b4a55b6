package org.concord.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.concord.common.FormReader;
import org.concord.common.MalformedInput;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a console form whose {@link ConsoleForms#FIELD} does not match the request's form cookie,
 * before the page reads it. The body is read here and handed on unchanged, url-encoded or multipart
 * (the file uploads), within the body limit every request has.
 */
public class ConsoleFormGuard {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Inject RoutingContext routing;
  @Inject HtmlErrors errors;

  @ServerRequestFilter
  public Response check(ContainerRequestContext request) throws IOException {
    String path = request.getUriInfo().getPath();
    if (SAFE_METHODS.contains(request.getMethod())
        || !(path.equals("/console") || path.startsWith("/console/"))) {
      return null;
    }
    MediaType type = request.getMediaType();
    byte[] body = request.getEntityStream().readAllBytes();
    request.setEntityStream(new ByteArrayInputStream(body));
    String candidate = null;
    if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
      try {
        candidate =
            FormReader.parse(new String(body, StandardCharsets.UTF_8)).getFirst(ConsoleForms.FIELD);
      } catch (MalformedInput e) {
        candidate = null;
      }
    } else if (type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
      candidate =
          MultipartField.value(body, type.getParameters().get("boundary"), ConsoleForms.FIELD);
    }
    if (ConsoleForms.matches(ConsoleForms.token(routing), candidate)) {
      return null;
    }
    return errors.page(
        403,
        "This form has expired",
        "The page this form came from is too old, or it was not sent from Concord. Go back,"
            + " reload the page and send the form again.");
  }
}
