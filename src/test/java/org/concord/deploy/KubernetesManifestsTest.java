package org.concord.deploy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** deploy/kubernetes: valid against the Kubernetes schemas, and consistent with the application. */
class KubernetesManifestsTest {

  private static final Path SECRET_EXAMPLE =
      KubernetesManifests.DIRECTORY.resolve("secret.example.yaml");
  private static final Path RESTORE_EXAMPLE =
      KubernetesManifests.DIRECTORY.resolve("restore.example.yaml");
  private static final Path KUSTOMIZATION =
      KubernetesManifests.DIRECTORY.resolve("kustomization.yaml");

  /** Connections PostgreSQL keeps beyond the instances' pools: backups, psql, monitoring. */
  static final int CONNECTION_HEADROOM = 10;

  private final List<HasMetadata> applied = KubernetesManifests.readAll(kustomizationResources());
  private final List<HasMetadata> all =
      KubernetesManifests.readAll(
          Stream.concat(
                  kustomizationResources().stream(), Stream.of(SECRET_EXAMPLE, RESTORE_EXAMPLE))
              .toList());
  private final Deployment deployment = KubernetesManifests.one(applied, Deployment.class);
  private final Container concord =
      deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
  private final ConfigMap config = KubernetesManifests.one(applied, ConfigMap.class);
  private final Secret secret = KubernetesManifests.one(all, Secret.class);

  @Test
  void everyManifestMatchesTheKubernetesSchemas() {
    for (Path file : KubernetesManifests.files()) {
      if (!file.equals(KUSTOMIZATION)) {
        assertThat(file.toString(), KubernetesManifests.read(file), not(empty()));
      }
    }
    for (HasMetadata object : all) {
      assertThat(object.getMetadata().getName(), notNullValue());
    }
  }

  @Test
  void aMisspeltFieldIsRefusedRatherThanIgnored() throws Exception {
    JsonNode misspelt =
        KubernetesManifests.STRICT.readTree(
            "apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec: {selectr: {a: b}}\n");
    assertThrows(Exception.class, () -> KubernetesManifests.read(misspelt, Path.of("inline")));
  }

  @Test
  void kustomizationAppliesEveryManifestButTheExamplesIntoOneNamespace() throws Exception {
    JsonNode kustomization = KubernetesManifests.STRICT.readTree(KUSTOMIZATION.toFile());
    Set<Path> expected = new HashSet<>(KubernetesManifests.files());
    expected.removeAll(Set.of(KUSTOMIZATION, SECRET_EXAMPLE, RESTORE_EXAMPLE));
    assertThat(new HashSet<>(kustomizationResources()), equalTo(expected));
    String namespace = kustomization.get("namespace").asText();
    for (HasMetadata object : all) {
      if (!object.getKind().equals("Namespace")) {
        assertThat(
            object.getMetadata().getName(),
            object.getMetadata().getNamespace(),
            equalTo(namespace));
      }
    }
  }

  @Test
  void twoReplicasAreReplacedOneAtATimeSoThatMigrationsNeverRunTwiceAtOnce() {
    assertThat(deployment.getSpec().getReplicas(), equalTo(2));
    var rolling = deployment.getSpec().getStrategy().getRollingUpdate();
    assertThat(deployment.getSpec().getStrategy().getType(), equalTo("RollingUpdate"));
    assertThat(rolling.getMaxUnavailable().getIntVal(), equalTo(0));
    assertThat(rolling.getMaxSurge().getIntVal(), equalTo(1));
    PodDisruptionBudget budget = KubernetesManifests.one(applied, PodDisruptionBudget.class);
    assertThat(
        budget.getSpec().getSelector().getMatchLabels(),
        equalTo(deployment.getSpec().getTemplate().getMetadata().getLabels()));
  }

  @Test
  void probesAskTheApplicationsHealthPathsOnItsPort() {
    ServicePort httpPort = null;
    assertThat(concord.getPorts().size(), equalTo(1));
    String portName = concord.getPorts().get(0).getName();
    assertThat(concord.getPorts().get(0).getContainerPort(), equalTo(AppSettings.httpPort()));
    assertThat(probePath(concord.getReadinessProbe(), portName), equalTo(ProbePathsTest.READINESS));
    assertThat(probePath(concord.getLivenessProbe(), portName), equalTo(ProbePathsTest.LIVENESS));
    assertThat(probePath(concord.getStartupProbe(), portName), equalTo(ProbePathsTest.LIVENESS));

    Service service = KubernetesManifests.named(applied, Service.class, "concord");
    assertThat(
        service.getSpec().getSelector(),
        equalTo(deployment.getSpec().getTemplate().getMetadata().getLabels()));
    for (ServicePort port : service.getSpec().getPorts()) {
      assertThat(port.getTargetPort().getStrVal(), equalTo(portName));
      httpPort = port;
    }
    IngressServiceBackend backend =
        KubernetesManifests.one(applied, Ingress.class)
            .getSpec()
            .getRules()
            .get(0)
            .getHttp()
            .getPaths()
            .get(0)
            .getBackend()
            .getService();
    assertThat(backend.getName(), equalTo(service.getMetadata().getName()));
    assertThat(backend.getPort().getName(), equalTo(httpPort.getName()));
  }

  @Test
  void theIngressEndsTlsForTheHostItRoutes() {
    Ingress ingress = KubernetesManifests.one(applied, Ingress.class);
    assertThat(ingress.getSpec().getTls().size(), equalTo(1));
    assertThat(
        ingress.getSpec().getTls().get(0).getHosts(),
        equalTo(List.of(ingress.getSpec().getRules().get(0).getHost())));
    assertThat(ingress.getSpec().getTls().get(0).getSecretName(), notNullValue());
  }

  @Test
  void everyPodRunsAsANonRootUserWithLimitsSet() {
    String imageUser = Dockerfile.read().runtime().last("USER");
    assertThat(
        deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser(),
        equalTo(Long.parseLong(imageUser)));
    assertThat(concord.getSecurityContext().getReadOnlyRootFilesystem(), is(true));
    for (PodSpec pod : podSpecs(all)) {
      assertThat(pod.getSecurityContext().getRunAsNonRoot(), is(true));
      assertThat(pod.getSecurityContext().getSeccompProfile().getType(), equalTo("RuntimeDefault"));
      for (Container container : pod.getContainers()) {
        assertThat(
            container.getName(),
            container.getSecurityContext().getAllowPrivilegeEscalation(),
            is(false));
        assertThat(
            container.getSecurityContext().getCapabilities().getDrop(), equalTo(List.of("ALL")));
      }
    }
    for (PodSpec pod : podSpecs(applied)) {
      for (Container container : pod.getContainers()) {
        assertThat(
            container.getName(),
            container.getResources().getLimits().get("memory"),
            notNullValue());
        assertThat(
            container.getName(), container.getResources().getRequests().get("cpu"), notNullValue());
      }
    }
  }

  @Test
  void everyVariableGivenToConcordIsASettingTheApplicationReads() {
    Set<String> reads = AppSettings.environmentVariables();
    List<String> given = concordVariables();
    assertThat(given, everyItem(in(reads)));
    for (String name : given) {
      AppSettings.QuarkusSetting quarkus = AppSettings.quarkus(name);
      if (quarkus != null) {
        assertThat(
            name + " is fixed when the application is built", quarkus.readAtRunTime(), is(true));
      }
    }
    assertThat(
        "the instances share these, and they are secret",
        secret.getStringData().keySet(),
        hasItems(
            "CONCORD_TOKEN_SECRET",
            "CONCORD_SESSION_KEY",
            "CONCORD_DB_USERNAME",
            "CONCORD_DB_PASSWORD"));
    for (String key : secret.getStringData().keySet()) {
      assertThat(key + " belongs in the Secret only", config.getData().containsKey(key), is(false));
    }
    assertThat(config.getData().keySet(), hasItem("CONCORD_DB_URL"));
  }

  @Test
  void theExampleSecretHoldsEveryKeyTheManifestsReadFromIt() {
    for (PodSpec pod : podSpecs(all)) {
      for (Container container : pod.getContainers()) {
        for (EnvFromSource from : container.getEnvFrom()) {
          if (from.getSecretRef() != null) {
            assertThat(from.getSecretRef().getName(), equalTo(secret.getMetadata().getName()));
          }
          if (from.getConfigMapRef() != null) {
            assertThat(from.getConfigMapRef().getName(), equalTo(config.getMetadata().getName()));
          }
        }
        for (EnvVar variable : container.getEnv()) {
          if (variable.getValueFrom() != null
              && variable.getValueFrom().getSecretKeyRef() != null) {
            var reference = variable.getValueFrom().getSecretKeyRef();
            assertThat(reference.getName(), equalTo(secret.getMetadata().getName()));
            assertThat(reference.getKey(), in(secret.getStringData().keySet()));
          }
        }
      }
    }
    for (Map.Entry<String, String> entry : secret.getStringData().entrySet()) {
      if (!entry.getKey().matches(".*(PASSWORD|SECRET|KEY)")) {
        continue;
      }
      assertThat(
          entry.getKey() + " is clearly an example", entry.getValue(), containsString("example"));
    }
    assertThat(secret.getStringData().get("CONCORD_SESSION_KEY").length(), greaterThan(16));
  }

  @Test
  void theDatabaseTheInstancesUseIsThePostgresqlServiceAndTheBackupsDumpIt() {
    StatefulSet postgres = KubernetesManifests.one(applied, StatefulSet.class);
    String host = postgres.getSpec().getServiceName();
    KubernetesManifests.named(applied, Service.class, host);
    assertThat(
        config.getData().get("CONCORD_DB_URL"), startsWith("jdbc:postgresql://" + host + ":5432/"));

    CronJob backup = KubernetesManifests.one(applied, CronJob.class);
    assertThat(backup.getSpec().getSchedule().split(" ").length, equalTo(5));
    assertThat(backup.getSpec().getConcurrencyPolicy(), equalTo("Forbid"));
    Container dump =
        backup.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(value(dump, "PGHOST"), equalTo(host));
    assertThat(String.join(" ", dump.getCommand()), containsString("pg_dump"));
    assertThat(
        dump.getImage(),
        equalTo(postgres.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()));
    for (Volume volume :
        backup.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getVolumes()) {
      KubernetesManifests.named(
          applied, PersistentVolumeClaim.class, volume.getPersistentVolumeClaim().getClaimName());
    }
  }

  @Test
  void theInstancesPoolsFitUnderPostgresqlsConnectionLimitDuringARollingUpdate() {
    StatefulSet postgres = KubernetesManifests.one(applied, StatefulSet.class);
    List<String> arguments =
        postgres.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
    int maxConnections =
        Integer.parseInt(
            arguments.get(arguments.indexOf("-c") + 1).replace("max_connections=", ""));
    int pool = Integer.parseInt(config.getData().get("CONCORD_DB_POOL_SIZE"));
    int instancesAtMost =
        deployment.getSpec().getReplicas()
            + deployment.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal();
    assertThat(instancesAtMost * pool, lessThanOrEqualTo(maxConnections - CONNECTION_HEADROOM));
    assertThat(
        pool,
        equalTo(Integer.parseInt(AppSettings.defaultValue("quarkus.datasource.jdbc.max-size"))));
  }

  @Test
  void theOperatorsGuideDescribesEverySettingGiven() throws Exception {
    String guide = Files.readString(Path.of("deploy/README.md"));
    for (String name : concordVariables()) {
      assertThat(guide, containsString("`" + name + "`"));
    }
  }

  private List<String> concordVariables() {
    List<String> names = new ArrayList<>(config.getData().keySet());
    names.addAll(secret.getStringData().keySet());
    concord.getEnv().forEach(variable -> names.add(variable.getName()));
    return names;
  }

  private static String probePath(Probe probe, String portName) {
    assertThat(probe.getHttpGet().getPort().getStrVal(), equalTo(portName));
    return probe.getHttpGet().getPath();
  }

  private static String value(Container container, String name) {
    return container.getEnv().stream()
        .filter(variable -> variable.getName().equals(name))
        .findFirst()
        .orElseThrow()
        .getValue();
  }

  private static List<PodSpec> podSpecs(List<HasMetadata> objects) {
    List<PodSpec> pods = new ArrayList<>();
    for (HasMetadata object : objects) {
      if (object instanceof Deployment each) {
        pods.add(each.getSpec().getTemplate().getSpec());
      } else if (object instanceof StatefulSet each) {
        pods.add(each.getSpec().getTemplate().getSpec());
      } else if (object instanceof CronJob each) {
        pods.add(each.getSpec().getJobTemplate().getSpec().getTemplate().getSpec());
      } else if (object instanceof Pod each) {
        pods.add(each.getSpec());
      }
    }
    return pods;
  }

  private static List<Path> kustomizationResources() {
    try {
      JsonNode kustomization = KubernetesManifests.STRICT.readTree(KUSTOMIZATION.toFile());
      List<Path> files = new ArrayList<>();
      kustomization
          .get("resources")
          .forEach(name -> files.add(KubernetesManifests.DIRECTORY.resolve(name.asText())));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
