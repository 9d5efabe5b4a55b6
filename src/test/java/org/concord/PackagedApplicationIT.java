package org.concord;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged application as an operator runs it: {@code java -jar} on the embedded H2 file
 * database with no other set-up, stopped and started again with its data intact.
 */
public class PackagedApplicationIT {

  /** The jar an operator starts, inside the fast-jar layout; deploy/Dockerfile starts the same. */
  public static final String JAR = "target/quarkus-app/quarkus-run.jar";

  private static final String EMAIL = "first@concord.example";
  private static final String PASSWORD = "first-coordinator-password";

  @Test
  void thePackagedJarKeepsItsDataAcrossARestart() throws Exception {
    Path data = Files.createTempDirectory("concord-it");
    int port = freePort();

    Process first = start(data, port);
    try {
      api(port)
          .get("/api/studies")
          .then()
          .statusCode(200)
          .body("items.title", hasItems("Connecting People Intervention: practice guidance"));
      api(port)
          .contentType(ContentType.JSON)
          .body(Map.of("title", "Created before the restart"))
          .post("/api/studies")
          .then()
          .statusCode(201);
    } finally {
      stop(first);
    }

    Process second = start(data, port);
    try {
      List<String> titles = api(port).get("/api/studies").jsonPath().getList("items.title");
      assertThat(
          titles,
          equalTo(
              List.of(
                  "Connecting People Intervention: practice guidance",
                  "Created before the restart")));
      api(port).get("/api/studies").then().body("total", equalTo(2));
    } finally {
      stop(second);
    }
  }

  private static RequestSpecification api(int port) {
    return RestAssured.given().port(port).auth().preemptive().basic(EMAIL, PASSWORD);
  }

  private static Process start(Path data, int port) throws IOException, InterruptedException {
    File jar = new File(JAR);
    ProcessBuilder builder =
        new ProcessBuilder(
                javaExecutable(),
                "-Dquarkus.http.port=" + port,
                "-Dconcord.database.file=" + data.resolve("concord"),
                "-Dconcord.demo.enabled=true",
                "-jar",
                jar.getAbsolutePath())
            .redirectErrorStream(true)
            .redirectOutput(data.resolve("app-" + Instant.now().toEpochMilli() + ".log").toFile());
    builder.environment().put("CONCORD_ADMIN_EMAIL", EMAIL);
    TestDatabase.freshFor(builder, "concord-packaged");
    builder.environment().put("CONCORD_ADMIN_PASSWORD", PASSWORD);
    Process process = builder.start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The application exited; see the log in " + data);
      }
      try {
        if (RestAssured.given().port(port).get("/q/health/ready").statusCode() == 200) {
          return process;
        }
      } catch (Exception notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    process.destroyForcibly();
    throw new IllegalStateException("The application did not start in 90 s; see " + data);
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(
        Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
    }
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
