package org.concord.common;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.JDBCException;
import org.hibernate.exception.GenericJDBCException;

/**
 * Failures that mean "too busy just now": a row lock not granted in time (a round closing while
 * saves queue for it, or a deadlock the database broke) or no database connection free in time (a
 * crowd saving at a deadline). Each fails before anything of the request is stored, so trying again
 * shortly is safe; the API answers 503 and the panelist pages a page that says so.
 */
public final class Busy {

  private Busy() {}

  /**
   * Whether {@code e} or any exception it wraps means busy: a transaction that failed to commit for
   * want of a connection reaches the mappers wrapped (in a rollback, in CDI's undeclared
   * throwable).
   */
  public static boolean causes(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (is(cause)) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  public static boolean is(Throwable e) {
    return e instanceof PessimisticLockException
        || e instanceof LockTimeoutException
        // Hibernate's own type, thrown where its session API is used rather than JPA's
        || e instanceof org.hibernate.PessimisticLockException
        || (e instanceof JDBCException jdbc && isNoConnection(jdbc));
  }

  /**
   * The pool (Agroal) refuses a connection after its acquisition timeout with an SQLException that
   * has no SQL state, which Hibernate reports as generic; every error of the database itself
   * carries a state. A pool that says so in its type is recognised by it.
   */
  private static boolean isNoConnection(JDBCException e) {
    return (e instanceof GenericJDBCException
            && e.getSQLException() != null
            && e.getSQLState() == null)
        || e.getSQLException() instanceof SQLTransientConnectionException;
  }
}
