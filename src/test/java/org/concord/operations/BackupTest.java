package org.concord.operations;

import static io.restassured.RestAssured.given;
import static org.concord.Api.asAnalyst;
import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.concord.Api;
import org.concord.TestDatabase;
import org.concord.security.ProductionLikeProfile;
import org.junit.jupiter.api.Test;

/**
 * Online backups of the H2 file database, through the API and {@code bin/concord}, and their
 * restore into another directory. On the production-like profile: an H2 file in a data directory of
 * its own (or, when the suite runs on PostgreSQL, a database that is refused).
 */
@QuarkusTest
@TestProfile(ProductionLikeProfile.class)
class BackupTest {

  @Test
  void aCoordinatorBacksUpTheRunningDatabaseAndItRestoresElsewhere() throws Exception {
    if (TestDatabase.postgresql()) {
      asCoordinator()
          .post("/api/backups")
          .then()
          .statusCode(409)
          .contentType("application/problem+json")
          .body("detail", containsString("pg_dump"));
      return;
    }
    String title = "Backed up " + UUID.randomUUID();
    long study = Api.createStudy(title);
    asAnalyst().post("/api/backups").then().statusCode(403);
    given().post("/api/backups").then().statusCode(401);

    JsonPath backup =
        asCoordinator().post("/api/backups").then().statusCode(201).extract().jsonPath();
    Path zip = Path.of(backup.getString("file"));
    Path directory = ProductionLikeProfile.DATA.resolve("backups");
    assertThat(zip.getParent(), equalTo(directory));
    assertThat(zip.getFileName().toString().matches("concord-\\d{8}T\\d{9}Z\\.zip"), equalTo(true));
    assertThat(Files.size(zip), equalTo(backup.getLong("bytes")));
    assertThat(Files.size(zip), greaterThan(0L));
    assertThat(permissions(zip), equalTo("rw-------"));
    assertThat(permissions(directory), equalTo("rwx------"));
    try (var files = Files.list(directory)) {
      assertThat(
          files.map(p -> p.getFileName().toString()).toList(), not(hasItem(endsWith(".partial"))));
    }
    List<String> actions =
        asCoordinator().get("/api/studies/" + study + "/audit").jsonPath().getList("action");
    assertThat(actions, hasItem("database-backed-up"));

    Path restored = Files.createTempDirectory(Path.of("target"), "restored-");
    org.h2.tools.Restore.execute(zip.toString(), restored.toString(), "concord");
    assertThat(titleIn(restored.resolve("concord"), title), equalTo(true));
  }

  @Test
  void theScriptBacksUpThroughTheApiAndRestoresOnlyADatabaseNotInUse() throws Exception {
    if (TestDatabase.postgresql()) {
      asCoordinator().post("/api/backups").then().statusCode(409);
      return;
    }
    String title = "Scripted " + UUID.randomUUID();
    Api.createStudy(title);
    Map<String, String> env =
        Map.of(
            "CONCORD_URL",
            "http://localhost:" + RestAssured.port,
            "CONCORD_ADMIN_EMAIL",
            Api.COORDINATOR,
            "CONCORD_ADMIN_PASSWORD",
            Api.COORDINATOR_PASSWORD,
            "CONCORD_H2_JAR",
            h2Jar());
    Run backup = run(env, "backup");
    assertThat(backup.output(), backup.exit(), equalTo(0));
    Path zip = Path.of(JsonPath.from(backup.output()).getString("file"));
    assertThat(Files.exists(zip), equalTo(true));

    Path live = ProductionLikeProfile.DATA.resolve("concord");
    long liveSize = Files.size(Path.of(live + ".mv.db"));
    Run refused =
        run(with(env, "CONCORD_DATABASE_FILE", live.toString()), "restore", zip.toString());
    assertThat(refused.output(), refused.exit(), equalTo(1));
    assertThat(refused.output(), containsString("in use"));
    assertThat(Files.exists(Path.of(live + ".mv.db")), equalTo(true));
    assertThat(Files.size(Path.of(live + ".mv.db")), greaterThan(liveSize / 2));
    asCoordinator().get("/api/studies").then().statusCode(200);

    Path fresh = Files.createTempDirectory(Path.of("target"), "restored-").resolve("data/concord");
    Run restored =
        run(with(env, "CONCORD_DATABASE_FILE", fresh.toString()), "restore", zip.toString());
    assertThat(restored.output(), restored.exit(), equalTo(0));
    assertThat(titleIn(fresh, title), equalTo(true));

    // A second restore over a database that is not in use keeps the one it replaces.
    Run again =
        run(with(env, "CONCORD_DATABASE_FILE", fresh.toString()), "restore", zip.toString());
    assertThat(again.output(), again.exit(), equalTo(0));
    assertThat(again.output(), containsString("before-restore-"));
    assertThat(titleIn(fresh, title), equalTo(true));
  }

  private record Run(int exit, String output) {}

  private static Run run(Map<String, String> env, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("bash", "bin/concord"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat("bin/concord finished", process.waitFor(2, TimeUnit.MINUTES), equalTo(true));
    return new Run(process.exitValue(), output);
  }

  private static Map<String, String> with(Map<String, String> env, String key, String value) {
    Map<String, String> more = new java.util.HashMap<>(env);
    more.put(key, value);
    return more;
  }

  /** The H2 jar on the test class path: what target/quarkus-app/lib/main holds when packaged. */
  private static String h2Jar() throws Exception {
    return Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
  }

  private static boolean titleIn(Path database, String title) throws Exception {
    try (Connection db =
            DriverManager.getConnection(
                "jdbc:h2:file:" + database.toAbsolutePath() + ";IFEXISTS=TRUE", "concord", "");
        PreparedStatement query =
            db.prepareStatement("select count(*) from study where title = ?")) {
      query.setString(1, title);
      try (ResultSet found = query.executeQuery()) {
        found.next();
        return found.getInt(1) == 1;
      }
    }
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
