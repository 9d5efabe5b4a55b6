package org.concord.deploy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.concord.PackagedApplication;
import org.junit.jupiter.api.Test;

/**
 * The image starts Concord the way the packaged-application test does, from the layout that the
 * build stage makes with the PostgreSQL flag.
 */
class DockerfileTest {

  private final Dockerfile dockerfile = Dockerfile.read();

  @Test
  void theBuildStagePackagesThePostgresqlArtifactOnJava17() throws Exception {
    Dockerfile.Stage build = dockerfile.stage("build");
    assertThat(build.image(), matchesPattern("maven:[^ ]*-17"));
    String packaging =
        build.all("RUN").stream()
            .map(Dockerfile.Instruction::arguments)
            .filter(run -> run.contains("mvn"))
            .findFirst()
            .orElseThrow();
    assertThat(packaging, containsString("CONCORD_DB_KIND=postgresql mvn"));
    assertThat(packaging, containsString(" package"));
    // The flag is the environment form of the property the datasource kind reads, and Quarkus
    // fixes that kind when it builds.
    String kind = AppSettings.propertyReading("concord.db.kind");
    assertThat(kind, equalTo("quarkus.datasource.db-kind"));
    assertThat(AppSettings.environmentName("concord.db.kind"), equalTo("CONCORD_DB_KIND"));
    assertThat(AppSettings.quarkus("QUARKUS_DATASOURCE_DB_KIND").readAtRunTime(), is(false));
    // Everything the build needs is in the build context.
    for (String copied : List.of("pom.xml", ".mvn", "src")) {
      assertThat(Files.exists(Path.of(copied)), is(true));
      assertThat(build.all("COPY").toString(), containsString(copied));
    }
  }

  @Test
  void theImageStartsTheJarThePackagedApplicationTestStarts() throws Exception {
    Path testedJar = Path.of(PackagedApplication.JAR);
    Path layout = testedJar.getParent();

    Dockerfile.Stage build = dockerfile.stage("build");
    Dockerfile.Stage runtime = dockerfile.runtime();
    String[] copy =
        runtime.all("COPY").stream()
            .map(Dockerfile.Instruction::arguments)
            .filter(arguments -> arguments.startsWith("--from=build "))
            .findFirst()
            .orElseThrow()
            .split(" ");
    String source = copy[copy.length - 2];
    String target = copy[copy.length - 1];
    // The whole fast-jar directory the build made, not the jar alone.
    assertThat(Path.of(source), equalTo(Path.of(build.last("WORKDIR")).resolve(layout.toString())));
    assertThat(source, matchesPattern(".*/"));
    assertThat(target, matchesPattern(".*/"));

    List<String> entrypoint =
        new ObjectMapper().readValue(runtime.last("ENTRYPOINT"), new TypeReference<>() {});
    assertThat(entrypoint.get(0), equalTo("java"));
    int jarOption = entrypoint.indexOf("-jar");
    assertThat(
        entrypoint.get(jarOption + 1),
        equalTo(Path.of(target).resolve(testedJar.getFileName()).toString()));
    assertThat(jarOption + 2, equalTo(entrypoint.size()));
    // Between java and -jar only options of the JVM, none that changes what runs.
    assertThat(entrypoint.subList(1, jarOption), everyItem(matchesPattern("-XX:[A-Za-z]+=\\d+")));
    assertThat(runtime.all("CMD"), equalTo(List.of()));
    assertThat(runtime.image(), startsWith("eclipse-temurin:17-jre"));
  }

  @Test
  void theImageRunsAsAnUnprivilegedNumericUser() {
    String user = dockerfile.runtime().last("USER");
    assertThat(user, matchesPattern("[1-9][0-9]*"));
    assertThat(Integer.parseInt(user), not(is(0)));
  }

  @Test
  void theImageExposesTheApplicationsPortAndChecksLiveness() {
    Dockerfile.Stage runtime = dockerfile.runtime();
    assertThat(runtime.last("EXPOSE"), equalTo(String.valueOf(AppSettings.httpPort())));
    String healthcheck = runtime.last("HEALTHCHECK");
    assertThat(
        healthcheck,
        containsString(
            "http://127.0.0.1:" + AppSettings.httpPort() + ProbePathsTest.LIVENESS + " "));
    assertThat(List.of(healthcheck.split(" ")), hasItem("CMD"));
  }
}
