package org.concord.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.concord.common.ConcordConfig;
import org.jboss.logging.Logger;

/**
 * Creates the first coordinator when there is no account yet, from {@code CONCORD_ADMIN_EMAIL} and
 * {@code CONCORD_ADMIN_PASSWORD}; without them, in the dev profile, a generated one printed once.
 */
@ApplicationScoped
public class FirstCoordinator {

  private static final Logger LOG = Logger.getLogger(FirstCoordinator.class);
  static final String DEV_EMAIL = "admin@concord.local";

  @Inject AccountService accounts;
  @Inject ConcordConfig config;

  /**
   * Instances started together on one new database race here: each sees no account, and the unique
   * email lets one create it. The others find it there afterwards and start as usual.
   */
  void onStart(@Observes StartupEvent event) {
    try {
      createWhenNone();
    } catch (RuntimeException e) {
      if (!accounts.any()) {
        throw e;
      }
      LOG.infof("Another instance created the first account at the same time (%s)", e.getMessage());
    }
  }

  private void createWhenNone() {
    if (accounts.any()) {
      return;
    }
    Optional<String> email = config.admin().email();
    Optional<String> password = config.admin().password();
    if (email.isPresent() && password.isPresent()) {
      accounts.create(email.get(), password.get(), Role.COORDINATOR);
      LOG.infof("Created the first coordinator account %s", email.get());
    } else if (config.admin().generateWhenMissing()) {
      byte[] random = new byte[12];
      new SecureRandom().nextBytes(random);
      String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      accounts.create(DEV_EMAIL, generated, Role.COORDINATOR);
      LOG.infof(
          "%n%n  Concord dev account (shown once): %s / %s%n  Sign in at http://localhost:8080%n",
          DEV_EMAIL, generated);
    } else {
      LOG.warn(
          "No study-team account exists. Set CONCORD_ADMIN_EMAIL and CONCORD_ADMIN_PASSWORD"
              + " and restart to create the first coordinator.");
    }
  }
}
