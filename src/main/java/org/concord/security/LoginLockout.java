package org.concord.security;

import io.quarkus.security.AuthenticationException;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.concord.common.ConcordConfig;
import org.concord.common.Problem;
import org.concord.web.HtmlErrors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Locks sign-in for an email after {@code concord.lockout.max-failures} failed sign-ins in a row,
 * for {@code concord.lockout.duration}; a successful sign-in starts the count again.
 *
 * <p>Kept in memory and by email, for every email tried, whether an account has it or not: an
 * unknown email locks exactly as a real one does, so the 429 says nothing about which emails have
 * accounts (a lock stored on the account row could only lock real ones). It also costs no database
 * write per failed attempt, which a flood of guesses would otherwise turn into. The price: a
 * restart forgets the locks, and each instance counts on its own; the per-address {@link
 * org.concord.web.FailureThrottle} still holds a guesser to a few attempts a minute. The table
 * keeps at most {@code concord.lockout.max-emails} emails, dropping the oldest first.
 */
@ApplicationScoped
public class LoginLockout {

  @Inject ConcordConfig config;

  private static final class Failures {
    int count;
    boolean locked;
    long lockedUntilNanos;
  }

  /** Email → its failures in a row; insertion order, so the first entry is the oldest. */
  private final Map<String, Failures> byEmail = new LinkedHashMap<>();

  /**
   * Thrown while an email is locked; answered 429 with Retry-After. An {@link
   * AuthenticationException}, so that Quarkus passes it on as a failed authentication unchanged.
   */
  public static class Locked extends SecurityException implements AuthenticationException {
    final Duration retryAfter;

    Locked(Duration retryAfter) {
      super("Sign-in locked for a while after repeated failures");
      this.retryAfter = retryAfter;
    }
  }

  /** Refuses a sign-in while {@code email} is locked. */
  void check(String email) {
    long now = System.nanoTime();
    synchronized (byEmail) {
      Failures failures = byEmail.get(email);
      if (failures != null && failures.locked) {
        long left = failures.lockedUntilNanos - now;
        if (left > 0) {
          throw new Locked(Duration.ofNanos(left));
        }
        byEmail.remove(email);
      }
    }
  }

  void failed(String email) {
    synchronized (byEmail) {
      Failures failures = byEmail.get(email);
      if (failures == null) {
        if (byEmail.size() >= config.lockout().maxEmails()) {
          var oldest = byEmail.keySet().iterator();
          oldest.next();
          oldest.remove();
        }
        failures = new Failures();
        byEmail.put(email, failures);
      }
      failures.count++;
      if (failures.count >= config.lockout().maxFailures()) {
        failures.locked = true;
        failures.lockedUntilNanos = System.nanoTime() + config.lockout().duration().toNanos();
      }
    }
  }

  void succeeded(String email) {
    synchronized (byEmail) {
      byEmail.remove(email);
    }
  }

  @ServerExceptionMapper
  public Response locked(Locked e, RoutingContext routing) {
    if (HtmlErrors.signInForm(routing)) {
      return Response.seeOther(URI.create("/console/login?locked=true")).build();
    }
    long seconds = Math.max(1, (e.retryAfter.toMillis() + 999) / 1000);
    Problem problem =
        Problem.of(
            "sign-in-locked",
            "Sign-in locked",
            429,
            "Too many failed sign-ins for this email in a row. Try again in "
                + ((seconds + 59) / 60)
                + " minutes, or ask a coordinator.");
    return Response.status(429)
        .type(Problem.MEDIA_TYPE)
        .header("Retry-After", Long.toString(seconds))
        .entity(problem)
        .build();
  }
}
