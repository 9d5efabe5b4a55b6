package org.concord.web;

import static io.restassured.RestAssured.given;
import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityHeadersTest {

  private static final String WRONG_LINK = "/p/" + "x".repeat(43);

  private static void strictPolicy(ValidatableResponse response) {
    response
        .header("Content-Security-Policy", containsString("default-src 'self'"))
        .header("Content-Security-Policy", containsString("script-src 'self'"))
        .header("Content-Security-Policy", containsString("style-src 'self'"))
        .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
        .header("Content-Security-Policy", not(containsString("unsafe-inline")))
        .header("Content-Security-Policy", not(containsString("unsafe-eval")));
  }

  private static void noFramingNoSniffing(ValidatableResponse response) {
    response.header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY");
  }

  @Test
  void htmlPagesForbidInlineScriptAndFraming() {
    for (String page : new String[] {"/", WRONG_LINK, WRONG_LINK + "/withdraw"}) {
      ValidatableResponse response = given().get(page).then().contentType(containsString("html"));
      strictPolicy(response);
      noFramingNoSniffing(response);
    }
  }

  @Test
  void everyAnswerForbidsFramingAndSniffing() {
    noFramingNoSniffing(given().get("/api/studies").then().statusCode(401));
    noFramingNoSniffing(asCoordinator().get("/api/studies").then().statusCode(200));
    noFramingNoSniffing(given().get("/css/panelist.css").then().statusCode(200));
    noFramingNoSniffing(given().get("/js/panelist.js").then().statusCode(200));
    noFramingNoSniffing(given().get("/q/health").then().statusCode(200));
    noFramingNoSniffing(given().get("/api/nothing-here").then());
    noFramingNoSniffing(given().get(WRONG_LINK + "/api/round").then().statusCode(404));
  }

  @Test
  void apiAnswersAreNeverStored() {
    asCoordinator().get("/api/studies").then().statusCode(200).header("Cache-Control", "no-store");
    given().get("/api/studies").then().statusCode(401).header("Cache-Control", "no-store");
  }

  @Test
  void swaggerUiKeepsItsInlineScriptButCannotBeFramed() {
    given()
        .get("/q/swagger-ui/")
        .then()
        .statusCode(200)
        .header("Content-Security-Policy", equalTo("frame-ancestors 'none'"))
        .header("X-Frame-Options", "DENY");
  }

  /** What the policy would block: script or style written into the page itself. */
  private static final Pattern INLINE =
      Pattern.compile(
          "<script(?![^>]*\\bsrc=)[^>]*>|<style[\\s>]|\\sstyle\\s*=|\\son[a-z]+\\s*=|javascript:",
          Pattern.CASE_INSENSITIVE);

  @Test
  void thePagesHaveNoInlineScriptOrStyleForThePolicyToBreak() throws IOException {
    List<Path> pages;
    try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"));
        Stream<Path> resources = Files.walk(Path.of("src/main/resources/META-INF/resources"))) {
      pages =
          Stream.concat(templates, resources)
              .filter(p -> p.toString().endsWith(".html"))
              // emails are read in a mail program, not served under the policy
              .filter(p -> !p.startsWith(Path.of("src/main/resources/templates/mail")))
              // the report is a self-contained document, its one stylesheet admitted by hash
              .filter(p -> !p.startsWith(Path.of("src/main/resources/templates/report")))
              .toList();
    }
    assertThat(pages, not(empty()));
    List<String> inline =
        pages.stream()
            .filter(
                p -> {
                  try {
                    return INLINE.matcher(Files.readString(p)).find();
                  } catch (IOException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .map(Path::toString)
            .toList();
    assertThat(inline, empty());
  }
}
