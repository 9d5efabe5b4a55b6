package org.concord.common;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * Refuses an address or headers too long to be an honest request, with a problem that says which.
 * Vert.x answers an over-long request line or header block itself, with an empty 414 or 431 and no
 * way for the application to speak; so its limits ({@code quarkus.http.limits}) sit well above
 * these and are left to requests far past anything a client builds by mistake.
 */
@ApplicationScoped
public class RequestHeadLimit {

  /** Path and query string, as sent: what the Vert.x default allowed for the whole line. */
  static final int MAX_TARGET_CHARS = 4096;

  /** All header names and values together: the Quarkus default. */
  static final int MAX_HEADER_CHARS = 20 * 1024;

  void install(@Observes Router router) {
    router
        .route()
        .order(-110)
        .handler(
            context -> {
              HttpServerRequest request = context.request();
              if (request.uri().length() > MAX_TARGET_CHARS) {
                refuse(
                    context,
                    Problem.of(
                        "uri-too-long",
                        "URI too long",
                        414,
                        "The address and query string are longer than "
                            + MAX_TARGET_CHARS
                            + " characters. Send long values in the body."));
              } else if (headerChars(request) > MAX_HEADER_CHARS) {
                refuse(
                    context,
                    Problem.of(
                        "headers-too-large",
                        "Headers too large",
                        431,
                        "The request headers are longer than "
                            + MAX_HEADER_CHARS
                            + " characters together. Clear this site's cookies or send fewer"
                            + " headers."));
              } else {
                context.next();
              }
            });
  }

  private static long headerChars(HttpServerRequest request) {
    long total = 0;
    for (Map.Entry<String, String> header : request.headers()) {
      total += header.getKey().length() + header.getValue().length();
    }
    return total;
  }

  /** Answers and ends the connection once any body has been read and dropped. */
  private static void refuse(RoutingContext context, Problem problem) {
    context
        .response()
        .setStatusCode(problem.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(Json.encode(problem));
  }
}
