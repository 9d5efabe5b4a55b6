package org.concord.common;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.concord.Api;
import org.concord.TestDatabase;
import org.concord.panel.TokenService;
import org.concord.security.ProductionLikeProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ProductionLikeProfile.class)
class PrivateFilesTest {

  @Inject TokenService tokens;

  private static Path data() {
    return ProductionLikeProfile.DATA;
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void theDataDirectoryAndTheDatabaseAreTheOwnersOnly() throws IOException {
    assumeFalse(TestDatabase.postgresql(), "the H2 file exists when the suite runs on H2");
    Api.createStudy("Written to the file database");
    Path data = data();
    assertThat(permissions(data), equalTo("rwx------"));
    List<Path> files;
    try (Stream<Path> listed = Files.list(data)) {
      files = listed.filter(Files::isRegularFile).toList();
    }
    assertThat(files, hasItem(data.resolve("concord.mv.db")));
    assertThat(permissions(data.resolve("concord.mv.db")), equalTo("rw-------"));
  }

  @Test
  void aGeneratedTokenSecretIsTheOwnersOnlyFromTheStart() throws IOException {
    tokens.formToken("any link");
    Path secret = data().resolve("token-secret");
    assertThat(Files.exists(secret), equalTo(true));
    assertThat(permissions(secret), equalTo("rw-------"));
    assertThat(Files.readString(secret).strip(), not(equalTo("")));
  }
}
