package org.concord.security;

import static io.restassured.RestAssured.given;
import static org.concord.Api.asAnalyst;
import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.concord.web.ConsoleSession;
import org.junit.jupiter.api.Test;

/**
 * Every route of the application, found by reflection over its {@code @Path} classes, against the
 * rules: without a login only the panelist's routes answer, and those only under an active link;
 * the coordinator reaches every study-team route; the analyst reads, except the panel's identities
 * and the team's working material listed below, and changes nothing. The console's pages keep the
 * same rules for a browser with its session cookie and form token. A new route that breaks a rule
 * fails here until it is guarded or listed.
 */
@QuarkusTest
class RouteAccessTest {

  private static final String WRONG_TOKEN = "x".repeat(43);
  private static final String NO_SUCH_ID = "999999999";

  /** Reads the analyst may not make: who is on the panel, and what was said to or by whom. */
  private static final Set<String> COORDINATOR_ONLY_READS =
      Set.of(
          "GET /api/accounts",
          "GET /api/studies/{id}/panelists",
          "GET /api/panelists/{id}",
          "GET /api/studies/{id}/outbox",
          "GET /api/studies/{id}/exports/identity-map.csv",
          "GET /api/studies/{id}/outbox/summary",
          "GET /api/rounds/{id}/comments",
          "GET /api/rounds/{id}/late-saves",
          "GET /console/accounts",
          "GET /console/accounts/{id}",
          "GET /console/studies/{id}/panel",
          "GET /console/studies/{id}/panel/upload",
          "GET /console/studies/{id}/panel/add",
          "GET /console/studies/{id}/panel/groups",
          "GET /console/rounds/{id}/late-saves",
          "GET /console/studies/{id}/panel/links",
          "GET /console/studies/{id}/panel/links.csv",
          "GET /console/studies/{id}/panel/letters",
          "GET /console/panelists/{id}",
          "GET /console/panelists/{id}/withdraw",
          "GET /console/panelists/{id}/link",
          "GET /console/rounds/{id}/prepare",
          "GET /console/studies/{id}/report/identity-map.csv",
          "GET /console/studies/{id}/outbox",
          "GET /console/studies/new");

  /** Changes the analyst may make in the console: to their own session and password. */
  private static final Set<String> ANALYST_CHANGES =
      Set.of("POST /console/logout", "POST /console/account");

  /** Console pages anyone may open. */
  private static final Set<String> PUBLIC_PAGES = Set.of("GET /console/login");

  @Inject MockMailbox mailbox;
  @Inject MailDispatcher dispatcher;

  record Route(String method, String path, String consumes) {
    String key() {
      return method + " " + path;
    }

    boolean isPanelist() {
      return path.startsWith("/p/{token}");
    }

    boolean isConsole() {
      return path.equals("/console") || path.startsWith("/console/");
    }

    /** A console page as a browser asks for it: with the session's cookies and form token. */
    io.restassured.response.Response call(ConsoleSession browser) {
      String address = address("");
      if (method.equals("GET")) {
        return browser.get(address);
      }
      if (consumes.contains("multipart")) {
        return browser.upload(address, "file", "upload.csv", "a,b\n".getBytes(), Map.of());
      }
      return browser.post(address, Map.of("a", "b"));
    }

    static boolean toSignIn(io.restassured.response.Response response) {
      return response.statusCode() == 303
          && response.header("Location") != null
          && response.header("Location").contains("/console/login");
    }

    String address(String token) {
      return path.replace("{token}", token).replaceAll("\\{[^}]+}", NO_SUCH_ID);
    }

    int call(RequestSpecification request, String token) {
      if (!method.equals("GET") && !method.equals("DELETE")) {
        if (consumes.contains("json")) {
          request.contentType("application/json").body("{}");
        } else if (consumes.contains("form")) {
          request.contentType("application/x-www-form-urlencoded").body("a=b");
        } else if (consumes.contains("csv")) {
          request.contentType("text/csv").body("name,email,group\n");
        } else if (consumes.contains("markdown") || consumes.contains("text")) {
          request.contentType("text/markdown").body("## Section\n- Statement\n");
        }
      }
      return request.request(method, address(token)).statusCode();
    }
  }

  static List<Route> routes() throws IOException, ClassNotFoundException {
    java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
    List<String> names;
    try (Stream<java.nio.file.Path> files = java.nio.file.Files.walk(classes)) {
      names =
          files
              .map(f -> classes.relativize(f).toString())
              .filter(f -> f.endsWith(".class") && !f.contains("$"))
              .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
              .toList();
    }
    List<Route> routes = new ArrayList<>();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    for (String name : names) {
      Class<?> type = Class.forName(name, false, loader);
      Path root = type.getAnnotation(Path.class);
      if (root == null) {
        continue;
      }
      for (Method method : type.getDeclaredMethods()) {
        String verb = httpMethod(method);
        Path sub = method.getAnnotation(Path.class);
        if (verb == null) {
          assertThat(
              "a sub-resource locator this test cannot follow: " + method, sub, equalTo(null));
          continue;
        }
        Consumes consumes =
            method.isAnnotationPresent(Consumes.class)
                ? method.getAnnotation(Consumes.class)
                : type.getAnnotation(Consumes.class);
        routes.add(
            new Route(
                verb,
                (root.value() + (sub == null ? "" : sub.value())).replace("//", "/"),
                consumes == null ? "" : String.join(",", consumes.value())));
      }
    }
    return routes;
  }

  private static String httpMethod(Method method) {
    return Arrays.stream(method.getAnnotations())
        .map(Annotation::annotationType)
        .filter(a -> a.isAnnotationPresent(HttpMethod.class))
        .map(a -> a.getAnnotation(HttpMethod.class).value())
        .findFirst()
        .orElse(null);
  }

  @Test
  void theRouteListIsComplete() throws Exception {
    List<String> keys = routes().stream().map(Route::key).toList();
    assertThat(keys.size(), greaterThan(50));
    assertThat(
        keys,
        hasItems(
            "POST /api/rounds/{id}/remind",
            "POST /api/panelists/{id}/link",
            "GET /p/{token}",
            "PUT /p/{token}/api/response"));
    assertThat(
        "every coordinator-only read is a route",
        COORDINATOR_ONLY_READS.stream().filter(r -> !keys.contains(r)).toList(),
        empty());
  }

  @Test
  void withoutALoginOnlyThePanelistsRoutesAnswerAndThoseNotForAWrongLink() throws Exception {
    List<String> wrong = new ArrayList<>();
    ConsoleSession anonymous = ConsoleSession.anonymous();
    for (Route route : routes()) {
      if (route.isConsole()) {
        var response = route.call(anonymous);
        boolean ok =
            PUBLIC_PAGES.contains(route.key())
                ? response.statusCode() == 200
                : Route.toSignIn(response);
        if (!ok) {
          wrong.add(route.key() + " answered " + response.statusCode() + " without a session");
        }
        continue;
      }
      int status = route.call(given(), WRONG_TOKEN);
      int expected = route.isPanelist() ? 404 : 401;
      if (status != expected) {
        wrong.add(route.key() + " answered " + status + ", not " + expected);
      }
    }
    assertThat(wrong, empty());
  }

  @Test
  void theCoordinatorReachesEveryStudyTeamRoute() throws Exception {
    List<String> wrong = new ArrayList<>();
    ConsoleSession coordinator = ConsoleSession.coordinator();
    for (Route route : routes()) {
      if (route.isPanelist()) {
        continue;
      }
      if (route.isConsole()) {
        if (route.key().equals("POST /console/logout")) {
          continue; // it would end the session the loop goes on with
        }
        var response = route.call(coordinator);
        if (Route.toSignIn(response) || response.statusCode() == 403) {
          wrong.add(route.key() + " answered " + response.statusCode() + " to the coordinator");
        }
        continue;
      }
      int status = route.call(asCoordinator(), WRONG_TOKEN);
      if (status == 401 || status == 403) {
        wrong.add(route.key() + " answered " + status);
      }
    }
    assertThat(wrong, empty());
  }

  @Test
  void theAnalystReadsButChangesNothingAndSeesNoIdentities() throws Exception {
    List<String> wrong = new ArrayList<>();
    ConsoleSession analyst = ConsoleSession.analyst();
    for (Route route : routes()) {
      if (route.isPanelist()) {
        continue;
      }
      boolean allowed =
          route.method().equals("GET") && !COORDINATOR_ONLY_READS.contains(route.key());
      if (route.isConsole()) {
        if (ANALYST_CHANGES.contains(route.key())) {
          continue;
        }
        var response = route.call(analyst);
        boolean reached = !Route.toSignIn(response) && response.statusCode() != 403;
        if (reached != allowed) {
          wrong.add(
              route.key()
                  + " answered "
                  + response.statusCode()
                  + (allowed ? " to the analyst; should reach" : " to the analyst, not 403"));
        }
        continue;
      }
      int status = route.call(asAnalyst(), WRONG_TOKEN);
      boolean reached = status != 401 && status != 403;
      if (reached != allowed || (!allowed && status != 403)) {
        wrong.add(route.key() + " answered " + status + (allowed ? "; should reach" : ", not 403"));
      }
    }
    assertThat(wrong, empty());
  }

  @Test
  void underAnActiveLinkThePanelistsPagesAnswerWithoutALogin() throws Exception {
    mailbox.clear();
    long[] ids = TestStudies.withDraftRound("Route access", 2, 1, null);
    TestStudies.open(ids[1]);
    dispatcher.dispatchDue();
    String token = Links.tokenIn(mailbox.getMailsSentTo("p1-" + ids[0] + "@example.org").get(0));
    List<String> wrong = new ArrayList<>();
    for (Route route : routes()) {
      if (!route.isPanelist() || !route.method().equals("GET")) {
        continue;
      }
      String address = route.address(token).replace("/sections/" + NO_SUCH_ID, "/sections/1");
      int status = given().redirects().follow(false).get(address).statusCode();
      if (status >= 400) {
        wrong.add(route.key() + " answered " + status);
      }
    }
    assertThat(wrong, empty());
  }

  @Test
  void staticAssetsHealthAndTheOpenApiDocumentArePublic() {
    for (String path :
        List.of("/", "/css/panelist.css", "/js/panelist.js", "/q/health", "/q/openapi")) {
      given().get(path).then().statusCode(200);
    }
  }
}
