package org.concord.security;

import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.concord.common.BaseEntity;

/** A study-team member: signs in to the console and the API. Panelists never have one. */
@Entity
@Table(name = "account")
@UserDefinition
public class Account extends BaseEntity {

  @Username
  @Column(nullable = false, unique = true)
  public String email;

  /** A bcrypt hash in modular crypt format; the password itself is never stored. */
  @Password(PasswordType.MCF)
  @Column(name = "password_hash", nullable = false)
  public String passwordHash;

  @Roles
  @Column(nullable = false)
  public String role;
}
