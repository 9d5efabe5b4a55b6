package org.concord.common;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concord.Api;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.junit.jupiter.api.Test;

/**
 * Every route of the OpenAPI document, called with hostile path values, query parameters, content
 * types and bodies (malformed escapes and raw header bytes are in {@link HostileInputTest}), as a
 * coordinator and as a panelist: none may answer 5xx, and every refusal under /api says why in
 * problem+json. The inputs come from a fixed seed, so a failure repeats.
 */
@QuarkusTest
class HostileRequestsTest {

  private static final int ROUNDS_PER_OPERATION = 40;

  private static final List<String> PATH_VALUES =
      List.of(
          "0",
          "-1",
          "9223372036854775807",
          "9223372036854775808",
          "1e3",
          "abc",
          "\u0000",
          "..",
          "1;drop",
          "' or 1=1 --",
          "\uD83D\uDE00",
          "x".repeat(300));

  private static final List<String> QUERY_VALUES =
      List.of(
          "",
          "-1",
          "2147483647",
          "-2147483648",
          "99999999999999999999",
          "2.5",
          "NaN",
          "abc",
          "\u0000",
          "%ZZ",
          "<script>",
          "WITHDRAWN",
          "withdrawn",
          "x".repeat(2000));

  private static final List<String> BODIES =
      List.of(
          "",
          "{",
          "}",
          "null",
          "[]",
          "{}",
          "0",
          "\"text\"",
          "{\"a\":1} trailing",
          "{\"title\": null}",
          "{\"title\": \"\\u0000\\u0001\\u001f\"}",
          "{\"title\": 12, \"protocol\": []}",
          "{\"protocol\": {\"scale\": {\"min\": 2147483647, \"max\": -2147483648}}}",
          "{\"protocol\": {\"rule\": {\"type\": 3}}}",
          "{\"rule\": {\"type\": \"NOPE\", \"threshold\": 1e400}}",
          "{\"ratings\": [null, {\"itemId\": null}, {\"itemId\": 1e20, \"value\": -5}]}",
          "{\"comments\": [{\"itemId\": 1, \"sectionId\": 1, \"text\": \"both\"}]}",
          "{\"commentIds\": [null, \"x\", 1.5]}",
          "{\"closesAt\": \"yesterday\", \"reminderDays\": \"7,,3\"}",
          "{\"text\": \"" + "y".repeat(5000) + "\"}",
          "[".repeat(5000) + "]".repeat(5000),
          "{\"a\":" + "{\"a\":".repeat(2000) + "1" + "}".repeat(2001),
          "a=%ZZ&b=%",
          "=x&&&=&",
          "consent=yes&rating-1=99&_form=forged",
          "## \n- \n## " + " ".repeat(3000) + "x",
          "name,email,group\n\"unterminated,a@b,c\n",
          "\uFEFF\u0000\u0000\u0000",
          "\u202E\u202D" + "\uD800");

  private static final List<String> CONTENT_TYPES =
      List.of(
          "application/json",
          "application/json; charset=utf-16",
          "application/x-www-form-urlencoded",
          "text/plain",
          "text/markdown",
          "text/csv",
          "multipart/form-data; boundary=x",
          "application/octet-stream",
          "application/xml",
          "*/*");

  private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");

  private static final String COORDINATOR =
      "Basic "
          + Base64.getEncoder()
              .encodeToString(
                  (Api.COORDINATOR + ":" + Api.COORDINATOR_PASSWORD)
                      .getBytes(StandardCharsets.UTF_8));

  private final HttpClient http = HttpClient.newHttpClient();

  @TestHTTPResource("/")
  URI base;

  @Inject MockMailbox mailbox;
  @Inject MailDispatcher dispatcher;

  record Operation(String method, String path, List<String> queryParameters) {}

  @Test
  void noHostileRequestToAnyRouteGetsAServerError() throws Exception {
    mailbox.clear();
    long[] ids = TestStudies.withDraftRound("Hostile", 3, 4, null);
    TestStudies.open(ids[1]);
    dispatcher.dispatchDue();
    String token = Links.tokenIn(mailbox.getMailsSentTo("p1-" + ids[0] + "@example.org").get(0));
    List<String> realIds = List.of(String.valueOf(ids[0]), String.valueOf(ids[1]), "1", token);

    List<Operation> operations = operations();
    assertThat(operations.size(), greaterThan(40));
    Random random = new Random(20261125L);
    List<String> failures = new ArrayList<>();
    int requests = 0;
    for (Operation operation : operations) {
      for (int i = 0; i < ROUNDS_PER_OPERATION; i++) {
        String path = fill(operation.path(), random, realIds);
        StringBuilder query = new StringBuilder();
        for (String parameter : operation.queryParameters()) {
          if (random.nextBoolean()) {
            query.append(query.length() == 0 ? "?" : "&").append(parameter).append('=');
            query.append(URLEncoder.encode(pick(random, QUERY_VALUES), StandardCharsets.UTF_8));
          }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path + query));
        if (random.nextBoolean()) {
          request.header("Authorization", COORDINATOR);
        }
        String body = null;
        if (!operation.method().equals("GET") && random.nextInt(4) > 0) {
          body = pick(random, BODIES);
          request.header("Content-Type", pick(random, CONTENT_TYPES));
        }
        request.method(
            operation.method(),
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
        requests++;
        int status = response.statusCode();
        boolean api = path.startsWith("/api") || path.contains("/api/");
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 500
            || (api && status >= 400 && !type.startsWith("application/problem+json"))) {
          failures.add(
              operation.method()
                  + " "
                  + path
                  + " body "
                  + abbreviate(body)
                  + " → "
                  + status
                  + " "
                  + abbreviate(response.body()));
        }
      }
    }
    System.out.printf(
        "Hostile requests: %d to %d operations, %d failures%n",
        requests, operations.size(), failures.size());
    assertThat(failures.stream().limit(20).toList(), empty());
  }

  /** Each method and path of the OpenAPI document, with its query parameters. */
  private static List<Operation> operations() {
    JsonPath spec = RestAssured.given().queryParam("format", "json").get("/q/openapi").jsonPath();
    Map<String, Map<String, Object>> paths = spec.getMap("paths");
    List<Operation> operations = new ArrayList<>();
    paths.forEach(
        (path, methods) ->
            methods.forEach(
                (method, details) -> {
                  // Beside the methods, a path item may hold parameters shared by them: skipped.
                  if (!(details instanceof Map<?, ?> operation)) {
                    return;
                  }
                  List<String> query = new ArrayList<>();
                  Object parameters = operation.get("parameters");
                  if (parameters instanceof List<?> list) {
                    for (Object p : list) {
                      if (p instanceof Map<?, ?> parameter && "query".equals(parameter.get("in"))) {
                        query.add((String) parameter.get("name"));
                      }
                    }
                  }
                  operations.add(new Operation(method.toUpperCase(), path, query));
                }));
    return operations;
  }

  private static String fill(String path, Random random, List<String> realIds) {
    Matcher matcher = TEMPLATE.matcher(path);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      String value = random.nextBoolean() ? pick(random, realIds) : pick(random, PATH_VALUES);
      value = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
      matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "none";
    }
    return text.length() > 120 ? text.substring(0, 120) + "…" : text;
  }
}
