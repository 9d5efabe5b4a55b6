package org.concord.security;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class AccountRepository implements PanacheRepository<Account> {

  public Optional<Account> findByEmail(String email) {
    return find("email", AccountService.normaliseEmail(email)).firstResultOptional();
  }
}
