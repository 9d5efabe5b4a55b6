package org.concord.common;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Refuses a body larger than {@code concord.max-body-bytes} with a problem that says the limit
 * (Vert.x's own limit answers with an empty 413). A declared length is refused before any of the
 * body is read; a chunked body, whose length nobody knows in advance, is counted as it arrives and
 * refused as soon as it goes over, without reading the rest.
 */
@ApplicationScoped
public class BodySizeLimit {

  @Inject ConcordConfig config;

  void install(@Observes Router router) {
    router
        .route()
        .order(-100)
        .handler(
            context -> {
              HttpServerRequest request = context.request();
              String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
              if (length != null) {
                if (isOver(length)) {
                  // Vert.x reads and drops the declared rest, so a client still sending gets
                  // the answer rather than a broken connection.
                  refuse(context).end(Json.encode(tooLarge()));
                } else {
                  context.next();
                }
              } else if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                  && !request.isEnded()) {
                readCounting(context);
              } else {
                context.next();
              }
            });
  }

  /**
   * Reads a body of unknown length into the routing context, where the REST layer takes it from.
   * Every body is bounded by the limit, and the importers need the whole of one anyway, so holding
   * it costs no more than reading it later would.
   */
  private void readCounting(RoutingContext context) {
    HttpServerRequest request = context.request();
    Buffer body = Buffer.buffer();
    boolean[] refused = {false};
    request.handler(
        chunk -> {
          if (refused[0]) {
            return;
          }
          if ((long) body.length() + chunk.length() > config.maxBodyBytes()) {
            refused[0] = true;
            // A chunked body may never end: close rather than read on.
            refuse(context)
                .end(Json.encode(tooLarge()))
                .onComplete(done -> context.request().connection().close());
          } else {
            body.appendBuffer(chunk);
          }
        });
    request.endHandler(
        end -> {
          if (!refused[0]) {
            context.setBody(body);
            context.next();
          }
        });
    request.resume();
  }

  private HttpServerResponse refuse(RoutingContext context) {
    return context
        .response()
        .setStatusCode(413)
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .putHeader(HttpHeaders.CONNECTION, "close");
  }

  private Problem tooLarge() {
    return Problem.of(
        "body-too-large",
        "Body too large",
        413,
        "The body is larger than "
            + config.maxBodyBytes()
            + " bytes. Split the file or send less at once.");
  }

  private boolean isOver(String length) {
    try {
      return Long.parseLong(length.trim()) > config.maxBodyBytes();
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
