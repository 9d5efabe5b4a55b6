package org.concord.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.concord.TestDatabase;

/**
 * Concord as an operator runs it, where the test profile eases things: an H2 file database (or a
 * PostgreSQL database of its own when the suite runs there) in a data directory that an earlier
 * version left world-readable, a token secret generated into a file, the production bcrypt work
 * (cost 10 here, to keep the tests quick), a low failure threshold, and a trusted proxy in front
 * whose {@code X-Forwarded-For} names the client, so tests can speak from several addresses.
 */
public class ProductionLikeProfile implements QuarkusTestProfile {

  public static final int MAX_FAILURES = 5;
  public static final int WINDOW_SECONDS = 10;
  public static final int MAX_ADDRESSES = 20;

  /**
   * Created once per test run, before the application starts. The profile class is loaded by more
   * than one class loader; a system property makes them agree on the one directory (named outside
   * {@code concord.}, which ConcordConfig owns).
   */
  public static final Path DATA =
      Path.of(
          System.getProperties()
              .computeIfAbsent(
                  "concord-test.production-like-data", key -> worldReadableDataDirectory())
              .toString());

  private static String worldReadableDataDirectory() {
    try {
      Files.createDirectories(Path.of("target"));
      Path data = Files.createTempDirectory(Path.of("target"), "production-like-").resolve("data");
      Files.createDirectory(data);
      Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
      return data.toAbsolutePath().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.ofEntries(
        Map.entry(
            "quarkus.datasource.jdbc.url",
            TestDatabase.postgresql()
                ? TestDatabase.url("concord-production-like")
                : "jdbc:h2:file:" + DATA.resolve("concord") + ";DB_CLOSE_ON_EXIT=FALSE"),
        Map.entry("concord.token-secret", ""),
        Map.entry("concord.token-secret-file", DATA.resolve("token-secret").toString()),
        Map.entry("concord.bcrypt-cost", "10"),
        Map.entry("concord.throttle.max-failures", Integer.toString(MAX_FAILURES)),
        Map.entry("concord.throttle.window", "PT" + WINDOW_SECONDS + "S"),
        Map.entry("concord.throttle.max-addresses", Integer.toString(MAX_ADDRESSES)),
        Map.entry("quarkus.http.proxy.proxy-address-forwarding", "true"),
        Map.entry("quarkus.http.proxy.allow-x-forwarded", "true"),
        Map.entry("quarkus.http.proxy.enable-forwarded-host", "false"),
        Map.entry("quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1"));
  }
}
