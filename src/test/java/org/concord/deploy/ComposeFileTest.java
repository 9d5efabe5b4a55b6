package org.concord.deploy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/compose.yaml: the services it promises, each with a health check, started in an order that
 * waits for health, and giving Concord only settings that Concord reads.
 */
class ComposeFileTest {

  private static final Path COMPOSE = Path.of("deploy/compose.yaml");
  private static final Path CADDYFILE = Path.of("deploy/Caddyfile");
  private static final Path ENV_EXAMPLE = Path.of("deploy/.env.example");
  private static final List<String> INSTANCES = List.of("concord-1", "concord-2");

  /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?message}} of compose. */
  private static final Pattern INTERPOLATION =
      Pattern.compile("\\$\\{([A-Z0-9_]+)(?:(:-|:\\?)([^}]*))?}");

  private final Map<String, Object> compose = load();
  private final Map<String, Map<String, Object>> services = map(compose.get("services"));

  @Test
  void theFileHoldsTheDatabaseTwoInstancesAProxyAndAMailCatcherEachWithAHealthCheck() {
    assertThat(
        services.keySet(), equalTo(Set.of("postgres", "concord-1", "concord-2", "proxy", "mail")));
    assertThat(image("postgres"), startsWith("postgres:"));
    assertThat(Integer.parseInt(image("postgres").substring("postgres:".length())) >= 15, is(true));
    assertThat(image("proxy"), startsWith("caddy:"));
    assertThat(image("mail"), startsWith("axllent/mailpit:"));
    for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
      Map<String, Object> healthcheck = map(service.getValue().get("healthcheck"));
      List<String> test = list(healthcheck.get("test"));
      assertThat(service.getKey(), test.get(0), equalTo("CMD"));
    }
  }

  @Test
  void theInstancesAreBuiltFromTheImageAndAskForReadiness() {
    for (String instance : INSTANCES) {
      Map<String, Object> build = map(services.get(instance).get("build"));
      assertThat(
          COMPOSE
              .getParent()
              .resolve(build.get("context").toString())
              .resolve(build.get("dockerfile").toString())
              .normalize(),
          equalTo(Dockerfile.PATH));
      List<String> test = list(map(services.get(instance).get("healthcheck")).get("test"));
      assertThat(
          test.get(test.size() - 1),
          equalTo("http://127.0.0.1:" + AppSettings.httpPort() + ProbePathsTest.READINESS));
    }
  }

  @Test
  void servicesStartOnlyOnceWhatTheyNeedIsHealthy() {
    for (String instance : INSTANCES) {
      assertThat(condition(instance, "postgres"), equalTo("service_healthy"));
      assertThat(condition(instance, "mail"), equalTo("service_healthy"));
      assertThat(condition("proxy", instance), equalTo("service_healthy"));
    }
    // One instance migrates the schema before the other starts.
    assertThat(condition("concord-2", "concord-1"), equalTo("service_healthy"));
  }

  @Test
  void everyVariableGivenToConcordIsASettingTheApplicationReads() throws IOException {
    Set<String> reads = AppSettings.environmentVariables();
    String guide = Files.readString(Path.of("deploy/README.md"));
    for (String instance : INSTANCES) {
      Set<String> given = environment(instance).keySet();
      assertThat(given, everyItem(in(reads)));
      for (String name : given) {
        AppSettings.QuarkusSetting quarkus = AppSettings.quarkus(name);
        if (quarkus != null) {
          assertThat(name + " is fixed at build time", quarkus.readAtRunTime(), is(true));
        }
        assertThat(guide, containsString("`" + name + "`"));
      }
      assertThat(given, hasItem("CONCORD_TOKEN_SECRET"));
      assertThat(given, hasItem("CONCORD_SESSION_KEY"));
    }
  }

  @Test
  void theInstancesReachTheDatabaseAndTheMailCatcherOfThisFile() {
    Map<String, Object> environment = environment("concord-1");
    assertThat(
        environment.get("CONCORD_DB_URL").toString(),
        startsWith("jdbc:postgresql://postgres:5432/"));
    assertThat(fallback(environment.get("QUARKUS_MAILER_HOST")), equalTo("mail"));
    assertThat(
        fallback(environment.get("CONCORD_DB_PASSWORD")),
        equalTo(
            fallback(map(services.get("postgres").get("environment")).get("POSTGRES_PASSWORD"))));
  }

  @Test
  void theTwoPoolsFitUnderPostgresqlsConnectionLimit() {
    List<String> command = list(services.get("postgres").get("command"));
    int maxConnections =
        Integer.parseInt(command.get(command.indexOf("-c") + 1).replace("max_connections=", ""));
    int pool = Integer.parseInt(fallback(environment("concord-1").get("CONCORD_DB_POOL_SIZE")));
    assertThat(
        INSTANCES.size() * pool,
        lessThanOrEqualTo(maxConnections - KubernetesManifestsTest.CONNECTION_HEADROOM));
    assertThat(
        pool,
        equalTo(Integer.parseInt(AppSettings.defaultValue("quarkus.datasource.jdbc.max-size"))));
  }

  @Test
  void theProxyBalancesBothInstancesAndSkipsOnesThatAreNotReady() throws IOException {
    String caddyfile = Files.readString(CADDYFILE);
    List<String> upstreams = new ArrayList<>();
    for (String instance : INSTANCES) {
      upstreams.add(instance + ":" + AppSettings.httpPort());
    }
    assertThat(caddyfile, containsString("reverse_proxy " + String.join(" ", upstreams) + " {"));
    assertThat(caddyfile, containsString("health_uri " + ProbePathsTest.READINESS + "\n"));
    List<String> volumes = list(services.get("proxy").get("volumes"));
    assertThat(volumes, hasItem("./Caddyfile:/etc/caddy/Caddyfile:ro"));
  }

  @Test
  void everyValueTheFileRequiresIsInTheExampleEnvironment() throws IOException {
    String text = Files.readString(COMPOSE);
    String example = Files.readString(ENV_EXAMPLE);
    Matcher variable = INTERPOLATION.matcher(text);
    while (variable.find()) {
      String name = variable.group(1);
      if (":?".equals(variable.group(2)) || variable.group(2) == null) {
        assertThat(name + " is required", example, containsString("\n" + name + "="));
      } else {
        assertThat(name + " is mentioned", example, containsString(name + "="));
      }
    }
  }

  private String condition(String service, String dependency) {
    return map(map(services.get(service).get("depends_on")).get(dependency))
        .get("condition")
        .toString();
  }

  private Map<String, Object> environment(String service) {
    return map(services.get(service).get("environment"));
  }

  private String image(String service) {
    return services.get(service).get("image").toString();
  }

  /** What compose puts in place of {@code ${NAME:-fallback}} when NAME is not set. */
  private static String fallback(Object value) {
    Matcher variable = INTERPOLATION.matcher(value.toString());
    if (!variable.matches()) {
      return value.toString();
    }
    return variable.group(2) == null || variable.group(2).equals(":?")
        ? "${" + variable.group(1) + "}"
        : variable.group(3);
  }

  @SuppressWarnings("unchecked")
  private static <V> Map<String, V> map(Object value) {
    assertThat(value instanceof Map, is(true));
    return (Map<String, V>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(Object value) {
    assertThat(value instanceof List, is(true));
    return (List<String>) value;
  }

  private static Map<String, Object> load() {
    try (Reader reader = Files.newBufferedReader(COMPOSE)) {
      return new Yaml().load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
