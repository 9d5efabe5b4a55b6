package org.concord.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged application as an operator starts it, and the coordinator's calls to its API. */
final class Application implements AutoCloseable {

  static final String EMAIL = "bench@concord.example";
  static final String PASSWORD = "bench-coordinator-password";
  static final String TOKEN_SECRET = "bench-token-secret";
  static final ObjectMapper JSON = new ObjectMapper();

  final int port;
  private final Setup setup;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private Process process;
  private Path log;
  private int starts;

  /** Where the application runs and keeps its data: one directory, one database, one port. */
  record Setup(Path jar, Path dir, String h2File, int port) {}

  Application(Setup setup) {
    this.setup = setup;
    this.port = setup.port();
  }

  /** Starts it with extra JVM options and waits until ready; returns the seconds that took. */
  double start(String name, List<String> options) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dquarkus.http.host=127.0.0.1");
    command.add("-Dquarkus.http.port=" + port);
    command.add("-Dconcord.token-secret=" + TOKEN_SECRET);
    command.add("-Dconcord.session-key=bench-session-key-not-for-production");
    command.add("-Dconcord.throttle.max-failures=1000000");
    command.add("-Dconcord.rounds.check-every=off");
    command.add("-Dconcord.metrics.refresh-every=off");
    // Email goes out only where it is measured; a later -D (the mail run's) wins.
    command.add("-Dconcord.mail.dispatch-every=off");
    command.addAll(options);
    if (setup.h2File() != null) {
      command.add("-Dconcord.database.file=" + setup.h2File());
    }
    command.add("-jar");
    command.add(setup.jar().toString());
    log = setup.dir().resolve(String.format("app-%d-%s.log", ++starts, name));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("CONCORD_ADMIN_EMAIL", EMAIL);
    builder.environment().put("CONCORD_ADMIN_PASSWORD", PASSWORD);
    long begun = System.nanoTime();
    process = builder.start();
    // bench/run stops a process left behind by a bench that was killed outright.
    Files.writeString(setup.dir().resolve("app.pid"), Long.toString(process.pid()));
    HttpRequest ready =
        HttpRequest.newBuilder(uri("/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
    long deadline = begun + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The application exited at start; see " + log);
      }
      try {
        HttpResponse<String> answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200 && answer.body().contains("UP")) {
          return (System.nanoTime() - begun) / 1e9;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("The application was not ready in 180 s; see " + log);
  }

  Path log() {
    return log;
  }

  /** Resident memory of the process in MB, from /proc. */
  double residentMegabytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    throw new IllegalStateException("No VmRSS for process " + process.pid());
  }

  void assertAlive(String after) {
    if (process == null || !process.isAlive()) {
      throw new IllegalStateException("The application died during " + after + "; see " + log);
    }
  }

  /** Stops it as an operator does (SIGTERM), forcibly after 60 s. */
  void stop() throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    process = null;
    try {
      Files.deleteIfExists(setup.dir().resolve("app.pid"));
    } catch (IOException e) {
      // only a hint for bench/run
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  static String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((EMAIL + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  /** A coordinator's call: fails with the status and body unless the status is {@code expect}. */
  JsonNode call(String method, String path, String contentType, String body, int expect)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofMinutes(10))
            .header("Authorization", basic())
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return expect(send(request), expect, method + " " + path);
  }

  JsonNode json(String method, String path, Object body, int expect)
      throws IOException, InterruptedException {
    return call(method, path, "application/json", JSON.writeValueAsString(body), expect);
  }

  HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode expect(HttpResponse<String> answer, int status, String what) throws IOException {
    if (answer.statusCode() != status) {
      String body = answer.body();
      throw new IllegalStateException(
          what
              + ": HTTP "
              + answer.statusCode()
              + " (expected "
              + status
              + "): "
              + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body));
    }
    String body = answer.body();
    return body.isBlank() || !body.trim().startsWith("{") && !body.trim().startsWith("[")
        ? null
        : JSON.readTree(body);
  }

  HttpClient http() {
    return http;
  }
}
