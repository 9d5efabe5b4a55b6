package org.concord;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The database a test profile runs on. By default each name is an H2 database in memory; when the
 * suite runs on PostgreSQL ({@code CONCORD_DB_URL}, see {@code .ci/run}) each name is a database of
 * its own on that server, created on first use, so that profiles which want a fresh database get
 * one on both engines.
 */
public final class TestDatabase {

  private static final Set<String> EMPTIED = ConcurrentHashMap.newKeySet();

  private TestDatabase() {}

  /** Whether this run's tests use PostgreSQL. */
  public static boolean postgresql() {
    String url = System.getenv("CONCORD_DB_URL");
    return url != null && url.startsWith("jdbc:postgresql:");
  }

  /** The JDBC address of the database called {@code name}, created when missing. */
  public static String url(String name) {
    if (!postgresql()) {
      return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    }
    return prepare(name, false);
  }

  /**
   * Points a packaged application about to start at a PostgreSQL database of its own called {@code
   * name} when the suite runs on PostgreSQL, emptied at its first start in this test run so that a
   * restart finds what the first start stored; on H2 the caller's file database is used.
   */
  public static void freshFor(ProcessBuilder application, String name) {
    if (postgresql()) {
      application.environment().put("CONCORD_DB_URL", prepare(name, true));
    }
  }

  /**
   * A connection to the database a packaged application of {@link #freshFor} uses: the PostgreSQL
   * database called {@code name}, or on H2 the file at {@code h2File} (the application stopped).
   */
  public static Connection connect(String name, Path h2File) throws SQLException {
    if (!postgresql()) {
      return open("jdbc:h2:file:" + h2File, "concord", "");
    }
    return open(
        prepare(name, false),
        System.getenv("CONCORD_DB_USERNAME"),
        System.getenv("CONCORD_DB_PASSWORD"));
  }

  private static String prepare(String name, boolean empty) {
    String shared = System.getenv("CONCORD_DB_URL");
    String database = name.replace('-', '_');
    try (Connection db =
        open(shared, System.getenv("CONCORD_DB_USERNAME"), System.getenv("CONCORD_DB_PASSWORD"))) {
      if (empty && EMPTIED.add(database)) {
        try (Statement drop = db.createStatement()) {
          drop.execute("drop database if exists \"" + database + "\" with (force)");
        }
      }
      boolean exists;
      try (PreparedStatement query =
          db.prepareStatement("select 1 from pg_database where datname = ?")) {
        query.setString(1, database);
        try (ResultSet found = query.executeQuery()) {
          exists = found.next();
        }
      }
      if (!exists) {
        try (Statement create = db.createStatement()) {
          create.execute("create database \"" + database + "\"");
        } catch (SQLException raced) {
          // Another class loader of the same run created it first ("already exists").
          if (!"42P04".equals(raced.getSQLState())) {
            throw raced;
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot prepare test database " + database, e);
    }
    int path = shared.indexOf('/', "jdbc:postgresql://".length());
    int query = shared.indexOf('?', path);
    return shared.substring(0, path + 1) + database + (query < 0 ? "" : shared.substring(query));
  }

  /**
   * A connection through the database's own driver. Not through DriverManager: the application's
   * pool loads SerialCommitDriver, so inside a Quarkus test nothing has registered PostgreSQL's.
   */
  public static Connection open(String url, String user, String password) throws SQLException {
    Properties credentials = new Properties();
    credentials.setProperty("user", user);
    credentials.setProperty("password", password == null ? "" : password);
    Driver driver =
        url.startsWith("jdbc:postgresql:") ? new org.postgresql.Driver() : new org.h2.Driver();
    return driver.connect(url, credentials);
  }
}
