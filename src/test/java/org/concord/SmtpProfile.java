package org.concord;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Sends real email to the GreenMail server the test starts on {@link #PORT}. */
public class SmtpProfile implements QuarkusTestProfile {

  public static final int PORT = 3925;

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        // Its own in-memory database: H2 misreads check constraints when a second application
        // instance in the same JVM reuses the first one's database.
        "quarkus.datasource.jdbc.url", TestDatabase.url("concord-smtp"),
        "quarkus.mailer.mock", "false",
        "quarkus.mailer.host", "127.0.0.1",
        "quarkus.mailer.port", Integer.toString(PORT),
        "quarkus.mailer.start-tls", "DISABLED",
        "quarkus.mailer.tls", "false",
        "concord.mail.batch-size", "5",
        "concord.mail.first-retry", "PT0.2S");
  }
}
