package org.concord.security;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.concord.common.ConcordConfig;
import org.concord.security.AccountService.Credentials;
import org.concord.web.FailureThrottle;

/**
 * Checks an HTTP Basic sign-in against the study-team accounts.
 *
 * <ul>
 *   <li>The email is compared without regard to case.
 *   <li>An unknown email takes as long as a wrong password: its password is checked against a
 *       bcrypt hash of the same cost, so the answer's timing does not say which emails have an
 *       account.
 *   <li>A verified login is remembered briefly ({@link VerifiedCredentials}), so that a script
 *       calling the API does not cost a bcrypt check per request.
 *   <li>Repeated failures lock the email ({@link LoginLockout}) and slow the address ({@link
 *       FailureThrottle}).
 * </ul>
 */
@ApplicationScoped
public class AccountIdentityProvider
    implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

  @Inject AccountService accounts;
  @Inject LoginLockout lockout;
  @Inject FailureThrottle throttle;
  @Inject ConcordConfig config;
  @Inject MeterRegistry registry;

  private VerifiedCredentials verified;

  /** bcrypt verifications done so far: the work that a sign-in costs, whatever its outcome. */
  private final AtomicLong passwordChecks = new AtomicLong();

  /** A hash no password matches in practice, checked when the email has no account. */
  private String unknownAccountHash;

  @PostConstruct
  void init() {
    verified =
        new VerifiedCredentials(config.loginCache().lifetime(), config.loginCache().maxEntries());
    // Shows an operator (and the benchmark) whether API calls are served from the login cache.
    FunctionCounter.builder("concord.security.password.checks", passwordChecks, AtomicLong::get)
        .description("bcrypt verifications of sign-ins, whatever their outcome")
        .register(registry);
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    unknownAccountHash =
        BcryptUtil.bcryptHash(Base64.getEncoder().encodeToString(random), config.bcryptCost());
  }

  @Override
  public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
    return UsernamePasswordAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
    RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
    String client = http == null ? "unknown" : FailureThrottle.client(http.request());
    String email = AccountService.normaliseEmail(request.getUsername());
    String password = new String(request.getPassword().getPassword());
    return context.runBlocking(() -> signIn(email, password, client));
  }

  private SecurityIdentity signIn(String email, String password, String client) {
    try {
      lockout.check(email);
    } catch (LoginLockout.Locked locked) {
      throttle.failed(client);
      throw locked;
    }
    Optional<Credentials> account = accounts.credentials(email);
    if (account.isEmpty()) {
      // the same work as a wrong password, so that the timing does not tell the email is unknown
      matches(password, unknownAccountHash);
      throw failed(email, client);
    }
    Credentials found = account.get();
    if (!verified.verify(
        email, password, found.passwordHash(), () -> matches(password, found.passwordHash()))) {
      throw failed(email, client);
    }
    lockout.succeeded(email);
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(found.email()))
        .addRole(found.role())
        .build();
  }

  private boolean matches(String password, String hash) {
    passwordChecks.incrementAndGet();
    return BcryptUtil.matches(password, hash);
  }

  long passwordChecks() {
    return passwordChecks.get();
  }

  private AuthenticationFailedException failed(String email, String client) {
    lockout.failed(email);
    throttle.failed(client);
    return new AuthenticationFailedException();
  }
}
