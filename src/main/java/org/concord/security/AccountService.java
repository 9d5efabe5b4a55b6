package org.concord.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.concord.common.ConcordConfig;
import org.concord.common.ConcordException;
import org.concord.common.Page;
import org.concord.common.PageRequest;

@ApplicationScoped
public class AccountService {

  static final int MIN_PASSWORD_LENGTH = 12;

  @Inject AccountRepository accounts;
  @Inject ConcordConfig config;

  static String normaliseEmail(String email) {
    return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
  }

  @Transactional
  public Account create(String email, String password, String role) {
    checkRole(role);
    checkPassword(password);
    if (accounts.findByEmail(email).isPresent()) {
      throw ConcordException.conflict("An account with the email " + email + " exists already.");
    }
    Account account = new Account();
    account.email = normaliseEmail(email);
    account.passwordHash = BcryptUtil.bcryptHash(password, config.bcryptCost());
    account.role = role;
    accounts.persist(account);
    return account;
  }

  /**
   * Changes the signed-in member's own password; the current one must be given, so that a session
   * left open on a shared computer cannot take the account over.
   */
  @Transactional
  public void changePassword(String email, String current, String replacement) {
    Account account =
        accounts.findByEmail(email).orElseThrow(() -> ConcordException.notFound("Account", email));
    if (current == null || !BcryptUtil.matches(current, account.passwordHash)) {
      throw ConcordException.invalid("current", "The current password is not right.");
    }
    checkPassword(replacement);
    account.passwordHash = BcryptUtil.bcryptHash(replacement, config.bcryptCost());
  }

  /** A coordinator sets a member's password, for one who has forgotten theirs. */
  @Transactional
  public Account setPassword(long id, String password) {
    Account account = get(id);
    checkPassword(password);
    account.passwordHash = BcryptUtil.bcryptHash(password, config.bcryptCost());
    return account;
  }

  /** Changes a member's role; the team always keeps a coordinator. */
  @Transactional
  public Account changeRole(long id, String role) {
    checkRole(role);
    Account account = get(id);
    if (Role.COORDINATOR.equals(account.role) && !Role.COORDINATOR.equals(role)) {
      keepACoordinator();
    }
    account.role = role;
    return account;
  }

  /**
   * Removes a member: their sign-in and sessions stop at once (each request re-reads the account).
   * Nobody removes themselves, and the team always keeps a coordinator.
   */
  @Transactional
  public void remove(long id, String actor) {
    Account account = get(id);
    if (account.email.equals(normaliseEmail(actor))) {
      throw ConcordException.conflict(
          "You cannot remove your own account; another coordinator can.");
    }
    if (Role.COORDINATOR.equals(account.role)) {
      keepACoordinator();
    }
    accounts.delete(account);
  }

  public Account get(long id) {
    return accounts
        .findByIdOptional(id)
        .orElseThrow(() -> ConcordException.notFound("Account", id));
  }

  private void keepACoordinator() {
    // Locked, so that two changes at once cannot both take away a coordinator.
    long coordinators =
        accounts
            .find("role", Role.COORDINATOR)
            .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
            .list()
            .size();
    if (coordinators <= 1) {
      throw ConcordException.conflict(
          "The team needs at least one coordinator: make another member a coordinator first.");
    }
  }

  private static void checkRole(String role) {
    if (!Set.of(Role.COORDINATOR, Role.ANALYST).contains(role)) {
      throw ConcordException.invalid("role", "role must be coordinator or analyst.");
    }
  }

  private static void checkPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw ConcordException.invalid(
          "password", "The password must have at least " + MIN_PASSWORD_LENGTH + " characters.");
    }
  }

  public Page<Account> list(PageRequest request) {
    var query = accounts.findAll(Sort.by("email"));
    query.page(request.page, request.size);
    return new Page<>(query.list(), request.page, request.size, query.count());
  }

  public Optional<Account> find(String email) {
    return accounts.findByEmail(email);
  }

  /**
   * What a sign-in is checked against. Authentication runs on a worker thread before the resource
   * and its request context, so the lookup brings its own.
   */
  public record Credentials(String email, String passwordHash, String role) {}

  @ActivateRequestContext
  public Optional<Credentials> credentials(String email) {
    return accounts
        .findByEmail(email)
        .map(account -> new Credentials(account.email, account.passwordHash, account.role));
  }

  public boolean any() {
    return accounts.count() > 0;
  }
}
