package org.concord.common;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body larger than {@code concord.max-body-bytes} before it is read, with a problem that
 * says the limit (Vert.x's own limit answers with an empty 413).
 */
@ApplicationScoped
public class BodySizeLimit {

  @StaticInitSafe
  @ConfigProperty(name = "concord.max-body-bytes")
  long maxBodyBytes;

  void install(@Observes Router router) {
    router
        .route()
        .order(-100)
        .handler(
            context -> {
              String length = context.request().getHeader("Content-Length");
              if (length != null && isOver(length)) {
                Problem problem =
                    Problem.of(
                        "body-too-large",
                        "Body too large",
                        413,
                        "The body is larger than "
                            + maxBodyBytes
                            + " bytes. Split the file or send less at once.");
                context
                    .response()
                    .setStatusCode(413)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(Json.encode(problem));
              } else {
                context.next();
              }
            });
  }

  private boolean isOver(String length) {
    try {
      return Long.parseLong(length.trim()) > maxBodyBytes;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
