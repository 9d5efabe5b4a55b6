package org.concord.operations;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import org.concord.common.ConcordConfig;
import org.concord.common.ConcordException;
import org.concord.common.PrivateFiles;
import org.concord.study.AuditLog;
import org.concord.study.Study;
import org.concord.study.StudyRepository;
import org.jboss.logging.Logger;

/**
 * Backs up the H2 file database while Concord runs, with H2's {@code BACKUP TO}: a consistent copy
 * of the database file in a zip, taken inside H2 while requests go on (writers are not stopped).
 * The zip is written under a temporary name, made owner-only and then renamed, so a backup that
 * exists under its final name is complete. PostgreSQL has its own tools (pg_dump, the provider's
 * snapshots) and is refused here.
 */
@ApplicationScoped
public class DatabaseBackup {

  private static final Logger LOG = Logger.getLogger(DatabaseBackup.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  @Inject DataSource dataSource;
  @Inject PrivateFiles files;
  @Inject ConcordConfig config;
  @Inject StudyRepository studies;
  @Inject AuditLog audit;

  /** A backup written: its file on the server, its size, and when it was taken. */
  public record Backup(String file, long bytes, Instant takenAt) {}

  /**
   * Writes a backup and records it in every study's audit trail (a backup holds every study's panel
   * and answers). One at a time: a second request waits for the first.
   */
  public synchronized Backup backUp(String actor) {
    Path database =
        files
            .h2File()
            .orElseThrow(
                () ->
                    ConcordException.conflict(
                        "Concord backs up its H2 file database only, and this installation runs"
                            + " on another database: back PostgreSQL up with its own tools"
                            + " (pg_dump or the provider's snapshots)."));
    Path directory = directory(database);
    Instant now = Instant.now();
    Path target = directory.resolve("concord-" + STAMP.format(now) + ".zip");
    Path partial = directory.resolve(target.getFileName() + ".partial");
    try {
      PrivateFiles.createDirectories(directory);
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute(
            "BACKUP TO '" + partial.toAbsolutePath().toString().replace("'", "''") + "'");
      }
      PrivateFiles.ownerOnly(partial);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (SQLException e) {
      throw new IllegalStateException("The database could not be backed up: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("The backup could not be written to " + directory, e);
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException e) {
        LOG.warnf("Could not remove the unfinished backup %s: %s", partial, e.getMessage());
      }
    }
    Backup backup = new Backup(target.toAbsolutePath().toString(), size(target), now);
    LOG.infof("%s backed up the database to %s (%d bytes)", actor, backup.file(), backup.bytes());
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              for (Study study : studies.listAll()) {
                audit.record(
                    study,
                    actor,
                    "database-backed-up",
                    "The database, with every study in it, was backed up to "
                        + target.getFileName()
                        + ".");
              }
            });
    return backup;
  }

  /** The configured directory, or {@code backups/} beside the database file. */
  Path directory(Path database) {
    return config
        .backup()
        .directory()
        .orElseGet(() -> database.toAbsolutePath().getParent().resolve("backups"));
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
