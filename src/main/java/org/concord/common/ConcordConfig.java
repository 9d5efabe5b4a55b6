package org.concord.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Concord's own settings, all under {@code concord.} (README "Settings"). Values without a default
 * here take theirs from {@code application.properties}, which sets them per profile.
 */
@ConfigMapping(prefix = "concord")
public interface ConcordConfig {

  /** The public address of the personal links in emails, and the origin accepted for changes. */
  String baseUrl();

  /** Request bodies larger than this are refused with 413. */
  long maxBodyBytes();

  /**
   * bcrypt work factor for new passwords (each step doubles the work); 12 takes about a quarter of
   * a second per check on the reference machine. Tests lower it.
   */
  @WithDefault("12")
  int bcryptCost();

  /** The key personal links are derived from; without one, a generated key in the file below. */
  Optional<String> tokenSecret();

  /** Where the generated token key lives when no secret is set. */
  @WithDefault("./data/token-secret")
  Path tokenSecretFile();

  /**
   * The key the console's session cookie is encrypted with (at least 16 characters); every instance
   * needs the same one. Without it each start generates its own, and a restart signs everybody out.
   */
  Optional<String> sessionKey();

  Database database();

  Db db();

  Demo demo();

  Admin admin();

  Mail mail();

  Rounds rounds();

  Reminders reminders();

  Throttle throttle();

  Lockout lockout();

  LoginCache loginCache();

  Backup backup();

  Metrics metrics();

  interface Database {
    /**
     * Path of the H2 database file without its {@code .mv.db}; read by {@code
     * quarkus.datasource.jdbc.url}.
     */
    @WithDefault("./data/concord")
    Path file();
  }

  /**
   * The database server, read by {@code quarkus.datasource.*} in {@code application.properties}:
   * declared here so that {@code CONCORD_DB_*} and {@code -Dconcord.db.*} are known settings.
   */
  interface Db {
    /** {@code h2} or {@code postgresql}; read when the application is built, not at start. */
    @WithDefault("h2")
    String kind();

    /** The JDBC address; without it, the H2 file of {@link Database#file}. */
    Optional<String> url();

    @WithDefault("concord")
    String username();

    Optional<String> password();

    /** Connections this instance keeps at most. */
    @WithDefault("20")
    int poolSize();
  }

  interface Demo {
    /** Whether the demo study is created at start when it is not there. */
    boolean enabled();
  }

  /** The first coordinator, created at start when no account exists. */
  interface Admin {
    /** The first coordinator's email. */
    Optional<String> email();

    /** The first coordinator's password (at least 12 characters). */
    Optional<String> password();

    /** Without email and password, generate an account and print it once; dev profile only. */
    @WithDefault("false")
    boolean generateWhenMissing();
  }

  /** The outbox dispatcher. */
  interface Mail {
    /** How often the outbox is sent ({@code off}: never on its own; tests drive it). */
    @WithDefault("5s")
    String dispatchEvery();

    /** Emails claimed per batch. */
    @WithDefault("200")
    int batchSize();

    /**
     * Emails rendered in one transaction and marked sent in one: a crash between the SMTP server's
     * answer and that commit sends at most this many again when their lease runs out.
     */
    @WithDefault("10")
    int groupSize();

    /** Attempts before an email is marked failed. */
    @WithDefault("10")
    int maxAttempts();

    /** The wait before the first retry; it doubles with each further attempt. */
    @WithDefault("PT30S")
    Duration firstRetry();

    /** The longest wait between two attempts, however many came before. */
    @WithDefault("PT1H")
    Duration longestRetry();
  }

  interface Rounds {
    /**
     * How often rounds are closed at their time and reminders sent ({@code off}: never on its own).
     */
    @WithDefault("60s")
    String checkEvery();
  }

  interface Reminders {
    /** Cap on reminders per panelist per round. */
    @WithDefault("3")
    int maxPerRound();
  }

  /** Wrong personal links and failed sign-ins per client address. */
  interface Throttle {
    /** Failures an address may have in one window before it gets 429. */
    @WithDefault("20")
    int maxFailures();

    /** The window failures are counted in, and the longest an address waits. */
    @WithDefault("PT1M")
    Duration window();

    /** Addresses remembered (in memory; the oldest window goes first). */
    @WithDefault("10000")
    int maxAddresses();
  }

  /** Failed sign-ins per email. */
  interface Lockout {
    /** Failed sign-ins in a row that lock an email. */
    @WithDefault("10")
    int maxFailures();

    /** How long a locked email stays locked. */
    @WithDefault("PT15M")
    Duration duration();

    /** Emails remembered (in memory; the oldest go first). */
    @WithDefault("10000")
    int maxEmails();
  }

  /** Verified logins, remembered so that an API client does not cost a bcrypt check per request. */
  interface LoginCache {
    /** How long a verified login is remembered; a changed password is checked again at once. */
    @WithDefault("PT60S")
    Duration lifetime();

    /** Logins remembered at most. */
    @WithDefault("10000")
    int maxEntries();
  }

  /** Online backups of the H2 file database (README "Operations"). */
  interface Backup {
    /**
     * Where backups are written; without it, {@code backups/} beside the database file. Created
     * owner-only (0700) when missing.
     */
    Optional<Path> directory();
  }

  /** Concord's own gauges at {@code /q/metrics}. */
  interface Metrics {
    /** How often the outbox and round gauges are read from the database ({@code off}: never). */
    @WithDefault("15s")
    String refreshEvery();
  }
}
