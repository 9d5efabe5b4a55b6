package org.concord.common;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps Concord's files to the account that runs it. The H2 database holds every answer and panel
 * identity, the token secret makes every personal link, and the log names accounts; by default a
 * process creates its files readable by everyone (umask 022).
 *
 * <p>A JVM cannot set its own umask, and H2 and the log handler create their files themselves. So
 * at start, before any account or answer is written, the data directory is made owner-only (0700)
 * and the files Concord knows of there owner-only (0600): whatever H2 creates later in that
 * directory (its trace file, temporary files) is out of other users' reach through the directory.
 * The first start still creates the empty database with the process umask for the moment until this
 * runs; an operator closes that window with {@code umask 077} (or systemd's {@code UMask=0077}),
 * see README "Settings".
 */
@ApplicationScoped
public class PrivateFiles {

  private static final Logger LOG = Logger.getLogger(PrivateFiles.class);
  private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  Optional<String> jdbcUrl;

  @Inject ConcordConfig config;

  @ConfigProperty(name = "quarkus.log.file.enabled", defaultValue = "false")
  boolean logFileEnabled;

  @ConfigProperty(name = "quarkus.log.file.path", defaultValue = "quarkus.log")
  Path logFile;

  /** Before the first coordinator is created and before the demo study is written. */
  void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
    h2File().ifPresent(database -> restrict(database.toAbsolutePath().getParent(), database));
    Path secretFile = config.tokenSecretFile();
    restrict(secretFile.toAbsolutePath().getParent(), secretFile);
    if (logFileEnabled) {
      restrict(null, logFile);
    }
  }

  /** The database file's path without its extension, when the database is an H2 file. */
  public Optional<Path> h2File() {
    String prefix = "jdbc:h2:file:";
    return jdbcUrl
        .filter(url -> url.startsWith(prefix))
        .map(url -> url.substring(prefix.length()).split(";", 2)[0])
        .map(
            path ->
                path.startsWith("~")
                    ? Path.of(System.getProperty("user.home") + path.substring(1))
                    : Path.of(path));
  }

  /**
   * Makes {@code directory} owner-only unless it is the working or home directory (shared with
   * other things, so only Concord's own files there are changed), and every file in it whose name
   * starts with {@code file}'s name (the database's {@code .mv.db}, {@code .trace.db}; rotated
   * logs).
   */
  private static void restrict(Path directory, Path file) {
    Path folder = directory != null ? directory : file.toAbsolutePath().getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      return;
    }
    try {
      if (directory != null && !isShared(directory)) {
        Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
      }
      String name = file.getFileName().toString();
      try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, name + "*")) {
        for (Path each : files) {
          if (Files.isRegularFile(each)) {
            Files.setPosixFilePermissions(each, OWNER_ONLY_FILE);
          }
        }
      }
    } catch (UnsupportedOperationException notPosix) {
      LOG.debugf("No POSIX permissions here; %s keeps those of its parent", folder);
    } catch (IOException e) {
      LOG.warnf("Could not make %s owner-only: %s", folder, e.getMessage());
    }
  }

  private static boolean isShared(Path directory) throws IOException {
    Path real = directory.toRealPath();
    return real.equals(Path.of("").toRealPath())
        || real.equals(Path.of(System.getProperty("user.home")).toRealPath());
  }

  /** Creates a directory (and its missing parents) that only the owner can enter. */
  public static void createDirectories(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    try {
      Files.createDirectories(
          directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
    } catch (UnsupportedOperationException notPosix) {
      Files.createDirectories(directory);
    }
  }

  /** Makes a file owner-only (0600), where the file system has POSIX permissions. */
  public static void ownerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
    } catch (UnsupportedOperationException notPosix) {
      LOG.debugf("No POSIX permissions here; %s keeps those of its directory", file);
    }
  }

  /**
   * Writes a new file that is owner-only from its creation: there is no moment at which another
   * user could open it. Fails if the file exists.
   */
  public static void writeNew(Path file, String content) {
    try {
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(file);
      }
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
