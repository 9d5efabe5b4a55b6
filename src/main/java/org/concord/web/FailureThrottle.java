package org.concord.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.concord.common.ConcordConfig;
import org.concord.common.Problem;

/**
 * Slows guessing. A wrong personal link (unknown, revoked or withdrawn) and a failed sign-in count
 * as failures of the client address; once an address has {@code concord.throttle.max-failures}
 * within {@code concord.throttle.window}, its requests to /api and /p/ are answered 429 with
 * Retry-After until the window ends. Other addresses go on as before.
 *
 * <p>Kept in memory: a failure costs no database write, and a guess is refused before any query.
 * The table holds at most {@code concord.throttle.max-addresses} addresses, dropping the oldest
 * window first, so a flood of distinct addresses cannot grow it. Each instance counts on its own;
 * behind a proxy, set {@code quarkus.http.proxy.proxy-address-forwarding} so that the client's
 * address is counted, not the proxy's.
 */
@ApplicationScoped
public class FailureThrottle {

  @CheckedTemplate(basePath = "web")
  static class Templates {
    static native TemplateInstance tooManyAttempts(boolean welsh, long minutes);
  }

  @Inject ConcordConfig config;
  @Inject CurrentVertxRequest currentRequest;

  /** Address → its current window; insertion order, so the first entry is the oldest window. */
  private final Map<String, Window> windows = new LinkedHashMap<>();

  private static final class Window {
    final long startNanos;
    int failures;

    Window(long startNanos) {
      this.startNanos = startNanos;
    }
  }

  void install(@Observes Router router) {
    router.route("/api/*").order(-95).handler(this::gate);
    router.route("/p/*").order(-95).handler(this::gate);
  }

  /** Counts a failure of the address that sent the current request, if there is one. */
  public void failedHere() {
    if (Arc.container().requestContext().isActive() && currentRequest.getCurrent() != null) {
      failed(client(currentRequest.getCurrent().request()));
    }
  }

  /** Counts a failure of {@code client} (as given by {@link #client}). */
  public void failed(String client) {
    long now = System.nanoTime();
    synchronized (windows) {
      Window current = windows.get(client);
      if (current == null || expired(current, now)) {
        windows.remove(client);
        if (windows.size() >= config.throttle().maxAddresses()) {
          var oldest = windows.keySet().iterator();
          oldest.next();
          oldest.remove();
        }
        current = new Window(now);
        windows.put(client, current);
      }
      current.failures++;
    }
  }

  /** How long {@code client} must wait, when it has used up its failures. */
  Optional<Duration> retryAfter(String client) {
    long now = System.nanoTime();
    synchronized (windows) {
      Window current = windows.get(client);
      if (current == null
          || expired(current, now)
          || current.failures < config.throttle().maxFailures()) {
        return Optional.empty();
      }
      return Optional.of(config.throttle().window().minusNanos(now - current.startNanos));
    }
  }

  private boolean expired(Window current, long now) {
    return now - current.startNanos >= config.throttle().window().toNanos();
  }

  /**
   * The address a failure is counted against. An IPv6 client usually holds a whole /64 network and
   * could take a fresh address for each guess, so IPv6 counts by its first 64 bits.
   */
  public static String client(HttpServerRequest request) {
    SocketAddress remote = request.remoteAddress();
    String host = remote == null ? null : remote.hostAddress();
    if (host == null) {
      return "unknown";
    }
    if (!host.contains(":")) {
      return host;
    }
    try {
      // a literal address: no name lookup happens
      byte[] bytes = InetAddress.getByName(host).getAddress();
      return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : host;
    } catch (UnknownHostException e) {
      return host;
    }
  }

  private void gate(RoutingContext context) {
    Optional<Duration> wait = retryAfter(client(context.request()));
    if (wait.isEmpty()) {
      context.next();
      return;
    }
    long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
    var response =
        context.response().setStatusCode(429).putHeader("Retry-After", Long.toString(seconds));
    String path = context.normalizedPath();
    if (path.startsWith("/api/") || path.matches("/p/[^/]*/api(/.*)?")) {
      Problem problem =
          Problem.of(
              "too-many-failures",
              "Too many failed attempts",
              429,
              "Too many wrong links or failed sign-ins came from your address. Try again in "
                  + seconds
                  + " seconds.");
      response.putHeader("Content-Type", Problem.MEDIA_TYPE).end(Json.encode(problem));
    } else {
      boolean welsh = isWelsh(context);
      response
          .putHeader("Content-Type", "text/html;charset=UTF-8")
          .end(Templates.tooManyAttempts(welsh, (seconds + 59) / 60).render());
    }
  }

  /** The panelist pages' choice of language: {@code ?lang=}, else the browser's first choice. */
  private static boolean isWelsh(RoutingContext context) {
    String query = context.request().query();
    if (query != null && query.matches("(.*&)?lang=(cy|en)(&.*)?")) {
      return query.matches("(.*&)?lang=cy(&.*)?");
    }
    return context.acceptableLanguages().stream()
        .map(l -> l.tag())
        .filter(t -> t.startsWith("cy") || t.startsWith("en"))
        .findFirst()
        .map(t -> t.startsWith("cy"))
        .orElse(false);
  }
}
