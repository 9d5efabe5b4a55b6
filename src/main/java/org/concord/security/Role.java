package org.concord.security;

/** Role names as stored and as used in {@code @RolesAllowed}. */
public final class Role {
  /** Everything: set up studies, run rounds, manage accounts. */
  public static final String COORDINATOR = "coordinator";

  /** Read results and exports only. */
  public static final String ANALYST = "analyst";

  private Role() {}
}
