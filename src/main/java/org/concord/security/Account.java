package org.concord.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.concord.common.BaseEntity;

/**
 * A study-team member: signs in to the console and the API. Panelists never have one. {@link
 * AccountIdentityProvider} checks the password.
 */
@Entity
@Table(name = "account")
public class Account extends BaseEntity {

  /** Stored lower-case ({@link AccountService#normaliseEmail}), so sign-in ignores case. */
  @Column(nullable = false, unique = true)
  public String email;

  /** A bcrypt hash in modular crypt format; the password itself is never stored. */
  @Column(name = "password_hash", nullable = false)
  public String passwordHash;

  @Column(nullable = false)
  public String role;
}
