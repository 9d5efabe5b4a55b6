package org.concord.operations;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

/**
 * The JDBC driver Concord's pool opens connections with: it hands each URL to H2's or PostgreSQL's
 * own driver and, for an H2 file database, lets one transaction end at a time.
 *
 * <p>Why: with {@code WRITE_DELAY=0}, H2 writes its store to the file at the end of every
 * transaction that changed something. That write reads the roots of the store's maps one after the
 * other while other transactions go on. When another transaction is committing meanwhile, the file
 * can hold some of its rows committed and its undo log not yet marked committed; after a crash H2
 * then rolls back the rest of it and the transaction survives in part. CrashRecoveryIT met this
 * once: a panelist's stored ratings were half one save and half another, with one rating gone. When
 * commits and rollbacks of transactions that changed something take turns, no store runs during
 * another transaction's commit, because each store runs inside the commit or rollback that holds
 * the turn. Writers still run side by side; only the end of each transaction queues, and H2 queued
 * the stores themselves already.
 *
 * <p>H2 also writes the store when a sequence has handed out the values it reserved; so drawing ids
 * takes a turn too. Not covered: a statement run with auto-commit on (Concord writes inside
 * transactions only), and the store H2 writes halfway through a transaction that piles up more than
 * about 19 MB of unsaved changes (docs/reliability.md). Not solved either: one CI run of
 * SerialCommitDriverIT still found a secondary index holding an entry of a transaction that never
 * committed, so some torn store remains that the turn does not prevent.
 */
public final class SerialCommitDriver implements Driver {

  /** One turn for the whole process: one H2 database serves one Concord. */
  private static final ReentrantLock TURN = new ReentrantLock();

  /** The sequence every table's ids come from (BaseEntity). */
  private static final String SEQUENCE = "concord_seq";

  private final Driver h2 = new org.h2.Driver();
  private final Driver postgresql = new org.postgresql.Driver();

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (url.startsWith("jdbc:postgresql:")) {
      return postgresql.connect(url, info);
    }
    Connection connection = h2.connect(url, info);
    if (connection == null || !url.startsWith("jdbc:h2:file:")) {
      // an in-memory database never writes a store to a file
      return connection;
    }
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new TakingTurns(connection, (SessionLocal) ((JdbcConnection) connection).getSession()));
  }

  /**
   * Ends a transaction that changed something, or draws from the id sequence, only in turn; every
   * other call goes straight to H2's connection.
   */
  private record TakingTurns(Connection connection, SessionLocal session)
      implements InvocationHandler {

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
      if (drawsFromSequence(method, arguments)) {
        Statement statement = (Statement) call(connection, method, arguments);
        return Proxy.newProxyInstance(
            PreparedStatement.class.getClassLoader(),
            new Class<?>[] {PreparedStatement.class},
            (statementProxy, statementMethod, statementArguments) ->
                statementMethod.getName().startsWith("execute")
                    ? inTurn(statement, statementMethod, statementArguments)
                    : call(statement, statementMethod, statementArguments));
      }
      // A transaction without changes writes no store: read-only page views need not queue. Only
      // this connection's own statements could add changes, and its thread is here.
      return endsTransaction(method, arguments) && session.containsUncommitted()
          ? inTurn(connection, method, arguments)
          : call(connection, method, arguments);
    }

    /**
     * Commit, rollback of the whole transaction, switching auto-commit on (which commits) and
     * closing (which rolls back): each may write the store.
     */
    private static boolean endsTransaction(Method method, Object[] arguments) {
      return switch (method.getName()) {
        case "commit", "rollback", "close" -> arguments == null;
        case "setAutoCommit" -> Boolean.TRUE.equals(arguments[0]);
        default -> false;
      };
    }

    /**
     * Hibernate's query for the next block of ids. When H2 has handed out the values it reserved,
     * it writes a new reservation and commits it on a session of its own, which writes the store;
     * were that commit torn, the sequence would start below ids already in use after a crash.
     */
    private static boolean drawsFromSequence(Method method, Object[] arguments) {
      return method.getName().equals("prepareStatement")
          && arguments[0] instanceof String sql
          && sql.toLowerCase(Locale.ROOT).contains(SEQUENCE);
    }
  }

  private static Object inTurn(Object target, Method method, Object[] arguments) throws Throwable {
    TURN.lock();
    try {
      return call(target, method, arguments);
    } finally {
      TURN.unlock();
    }
  }

  private static Object call(Object target, Method method, Object[] arguments) throws Throwable {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public boolean acceptsURL(String url) throws SQLException {
    return h2.acceptsURL(url) || postgresql.acceptsURL(url);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    return (url.startsWith("jdbc:postgresql:") ? postgresql : h2).getPropertyInfo(url, info);
  }

  @Override
  public int getMajorVersion() {
    return h2.getMajorVersion();
  }

  @Override
  public int getMinorVersion() {
    return h2.getMinorVersion();
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }
}
