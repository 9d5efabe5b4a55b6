package org.concord.mail;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.concord.TestDatabase;

/** Sends real email to the {@link ScriptedSmtpServer} a test starts on {@link #PORT}. */
public class ScriptedSmtpProfile implements QuarkusTestProfile {

  /** Outside {@code concord.}: system properties are config, and ConcordConfig owns that prefix. */
  private static final String PORT_PROPERTY = "concord-test.scripted-smtp-port";

  /**
   * A port that was free when the profile first loaded; the server binds it when the test starts.
   * Kept in a system property because the test and the application each load this class in their
   * own class loader, and both must agree.
   */
  static final int PORT =
      Integer.parseInt(
          System.getProperties()
              .computeIfAbsent(PORT_PROPERTY, key -> Integer.toString(freePort()))
              .toString());

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.ofEntries(
        // Its own in-memory database, as every second application instance in this JVM needs.
        Map.entry("quarkus.datasource.jdbc.url", TestDatabase.url("concord-smtp-faults")),
        Map.entry("quarkus.mailer.mock", "false"),
        Map.entry("quarkus.mailer.host", "127.0.0.1"),
        Map.entry("quarkus.mailer.port", Integer.toString(PORT)),
        Map.entry("quarkus.mailer.start-tls", "DISABLED"),
        Map.entry("quarkus.mailer.login", "DISABLED"),
        Map.entry("quarkus.mailer.tls", "false"),
        // Connections are pooled, as in production: one the server dropped fails one send, which
        // is retried like any other transient failure.
        // A server that never greets costs two seconds, not the default minute.
        Map.entry("quarkus.mailer.timeout", "PT2S"),
        Map.entry("concord.base-url", "https://concord.test.example"),
        Map.entry("concord.mail.batch-size", "10"),
        Map.entry("concord.mail.first-retry", "PT0.1S"),
        // About two attempts in three meet a fault, so ten in a row are likely for one of sixty
        // emails; this test is about delivering each once, not about giving up.
        Map.entry("concord.mail.max-attempts", "40"),
        Map.entry("concord.mail.longest-retry", "PT0.4S"));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
