package org.concord;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged application as an operator starts it: {@code java -jar} on a port of its own, with
 * its H2 file and logs in a data directory, or on PostgreSQL a database of its own ({@link
 * TestDatabase#freshFor}) when the suite runs there. It counts as started when {@code
 * /q/health/ready} answers UP, and may be started again on the same data.
 */
public final class PackagedApplication {

  /** The jar an operator starts, inside the fast-jar layout; deploy/Dockerfile starts the same. */
  public static final String JAR = "target/quarkus-app/quarkus-run.jar";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final Path data;
  private final String database;
  private final int port;
  private final List<String> options = new ArrayList<>();
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final HttpClient probe =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private final HttpRequest ready;
  private Process process;
  private int starts;

  /**
   * An application keeping its files in {@code data} (created when missing) and, on PostgreSQL, its
   * rows in the database called {@code database}, emptied at its first start in this run.
   */
  public PackagedApplication(Path data, String database) throws IOException {
    this.data = Files.createDirectories(data);
    this.database = database;
    this.port = freePort();
    this.ready =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
  }

  /** JVM options for every start, e.g. {@code -Dconcord.token-secret=…}. */
  public PackagedApplication with(String... jvmOptions) {
    options.addAll(List.of(jvmOptions));
    return this;
  }

  /** An environment variable for every start. */
  public PackagedApplication withEnv(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /** The coordinator created at the first start (the first-coordinator settings). */
  public PackagedApplication withCoordinator(String email, String password) {
    return withEnv("CONCORD_ADMIN_EMAIL", email).withEnv("CONCORD_ADMIN_PASSWORD", password);
  }

  public int port() {
    return port;
  }

  public Path data() {
    return data;
  }

  /** The H2 file the application uses when the suite runs on H2. */
  public Path h2File() {
    return data.resolve("concord");
  }

  /**
   * Starts the application, with {@code extraJvmOptions} for this start only, and waits until
   * ready.
   */
  public void start(String... extraJvmOptions) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    command.addAll(List.of(extraJvmOptions));
    command.add("-Dquarkus.http.host=127.0.0.1");
    command.add("-Dquarkus.http.port=" + port);
    command.add("-Dconcord.database.file=" + h2File());
    command.add("-jar");
    command.add(Path.of(JAR).toAbsolutePath().toString());
    Path log = data.resolve("app-" + (++starts) + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(data.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    TestDatabase.freshFor(builder, database);
    process = builder.start();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The application exited; see " + log);
      }
      if (isReady()) {
        return;
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    throw new IllegalStateException(
        "The application did not start in " + START_TIMEOUT.toSeconds() + " s; see " + log);
  }

  /** Running and answering ready. */
  public boolean isReady() throws InterruptedException {
    try {
      return process != null
          && process.isAlive()
          && probe.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException down) {
      return false;
    }
  }

  /** SIGKILL: no shutdown hook, no closing of the database, as in a crash. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM, as an operator stops it; forcibly after 30 s. */
  public void stop() throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  /** Removes the data directory, once the application is stopped. */
  public void deleteData() throws IOException {
    try (Stream<Path> paths = Files.walk(data)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
