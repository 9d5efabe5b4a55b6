package org.concord.response.pages;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PanelistMessagesTest {

  @Test
  void everyTextHasAWelshTranslationAndNothingElse() throws Exception {
    Properties welsh = new Properties();
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("messages/msg_cy.properties")) {
      welsh.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    Set<String> keys =
        Arrays.stream(PanelistMessages.class.getDeclaredMethods())
            .map(m -> m.getName())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(new TreeSet<>(welsh.stringPropertyNames()), equalTo(keys));
  }
}
