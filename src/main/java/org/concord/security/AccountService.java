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
    if (!Set.of(Role.COORDINATOR, Role.ANALYST).contains(role)) {
      throw ConcordException.invalid("role", "role must be coordinator or analyst.");
    }
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw ConcordException.invalid(
          "password", "The password must have at least " + MIN_PASSWORD_LENGTH + " characters.");
    }
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
    if (replacement == null || replacement.length() < MIN_PASSWORD_LENGTH) {
      throw ConcordException.invalid(
          "password", "The password must have at least " + MIN_PASSWORD_LENGTH + " characters.");
    }
    account.passwordHash = BcryptUtil.bcryptHash(replacement, config.bcryptCost());
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
