package org.concord.common;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.concord.Api;
import org.concord.TestStudies;
import org.junit.jupiter.api.Test;

/**
 * Input a hostile or broken client sends: every one is a 4xx that says what is wrong (problem+json
 * under /api, a page under /p/), never a 500 or an empty answer, and never a stack trace in the
 * log.
 */
@QuarkusTest
class HostileInputTest {

  @TestHTTPResource("/")
  URL root;

  @Inject ConcordConfig config;

  // ---- forms on the panelist's pages ----

  @Test
  void aMalformedFormOnAPanelistPageIsA400PageWithoutAStackTrace() throws IOException {
    List<LogRecord> traces = Collections.synchronizedList(new ArrayList<>());
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getThrown() != null) {
              traces.add(record);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger rootLogger = Logger.getLogger("");
    rootLogger.addHandler(handler);
    try {
      for (String path : List.of("", "/sections/1", "/start", "/review", "/withdraw", "/submit")) {
        for (String body : List.of("a=%ZZ", "a=%", "=x&&&=&")) {
          Raw answer =
              send(
                  "POST /p/anything"
                      + path
                      + " HTTP/1.1\r\nHost: localhost\r\nContent-Type:"
                      + " application/x-www-form-urlencoded\r\nContent-Length: "
                      + body.length()
                      + "\r\nConnection: close\r\n\r\n"
                      + body);
          assertThat(path + " " + body, answer.status, equalTo(400));
          assertThat(answer.header("content-type"), startsWith("text/html"));
          assertThat(answer.body, containsString("<html"));
        }
      }
    } finally {
      rootLogger.removeHandler(handler);
    }
    assertThat(traces.stream().map(LogRecord::getMessage).toList(), empty());
  }

  // ---- paging ----

  @Test
  void aPageBeyondAnyListIsRefusedOnEveryPagedList() {
    long[] study = TestStudies.withDraftRound("Paging", 1, 1, null);
    for (String list :
        List.of(
            "/api/studies",
            "/api/accounts",
            "/api/studies/" + study[0] + "/groups",
            "/api/studies/" + study[0] + "/panelists",
            "/api/studies/" + study[0] + "/sections",
            "/api/studies/" + study[0] + "/statements",
            "/api/studies/" + study[0] + "/outbox",
            "/api/rounds/" + study[1] + "/comments")) {
      asCoordinator()
          .queryParam("page", Integer.MAX_VALUE)
          .queryParam("size", PageRequest.MAX_SIZE)
          .get(list)
          .then()
          .statusCode(400)
          .contentType(Problem.MEDIA_TYPE)
          .body("errors[0].field", equalTo("page"));
    }
  }

  @Test
  void aBadQueryParameterNamesTheParameterAndWhatItMustBe() {
    long study = Api.createStudy("Parameters");
    Map<String, String> cases =
        Map.of(
            "page", "abc",
            "size", "2.5");
    cases.forEach(
        (name, value) ->
            asCoordinator()
                .queryParam(name, value)
                .get("/api/studies")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo(name))
                .body("detail", containsString("whole number")));
    asCoordinator()
        .queryParam("status", "withdrawn-ish")
        .get("/api/studies/" + study + "/panelists")
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("errors[0].field", equalTo("status"))
        .body("detail", containsString("ADDED, INVITED, ACTIVE, WITHDRAWN"));
    asCoordinator()
        .queryParam("group", "abc")
        .get("/api/studies/" + study + "/panelists")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("group"));
    asCoordinator()
        .queryParam("status", "sent-ish")
        .get("/api/studies/" + study + "/outbox")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("status"))
        .body("detail", containsString("PENDING, SENT, FAILED"));
  }

  @Test
  void anEnumQueryParameterIsTakenInAnyCase() {
    long study = Api.createStudy("Lower case");
    asCoordinator()
        .queryParam("status", "withdrawn")
        .get("/api/studies/" + study + "/panelists")
        .then()
        .statusCode(200);
  }

  // ---- bodies that pass a check and then overflow a column ----

  @Test
  void scaleLabelsThatOverflowTheirColumnOnceEncodedAreRefused() {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      labels.add("\u0001".repeat(100));
    }
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("title", "Labels", "protocol", Map.of("scale", Map.of("labels", labels))))
        .post("/api/studies")
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("errors.field", hasItem("protocol.scale.labels"));
    long id = Api.createStudy("Labels later");
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("scale", Map.of("labels", labels)))
        .patch("/api/studies/" + id + "/protocol")
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("errors.field", hasItem("protocol.scale.labels"));
  }

  @Test
  void aNullCommentIdIsRefusedByName() {
    long[] study = TestStudies.withDraftRound("Null comment", 1, 0, null);
    long section =
        asCoordinator()
            .get("/api/studies/" + study[0] + "/sections")
            .jsonPath()
            .getLong("items[0].id");
    asCoordinator()
        .contentType(ContentType.JSON)
        .body("{\"sectionId\": " + section + ", \"text\": \"New\", \"commentIds\": [null]}")
        .post("/api/rounds/" + study[1] + "/statements")
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("errors[0].field", startsWith("commentIds"));
  }

  // ---- lenient JSON ----

  @Test
  void trailingTextAfterAJsonDocumentIsRefused() {
    asCoordinator()
        .contentType(ContentType.JSON)
        .body("{\"title\": \"Trailing\"} {\"title\": \"again\"}")
        .post("/api/studies")
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("type", endsWith("/malformed-json"))
        .body("detail", containsString("after the end"));
  }

  @Test
  void anEnumGivenAsANumberIsRefused() {
    long id = Api.createStudy("Enum number");
    asCoordinator()
        .contentType(ContentType.JSON)
        .body("{\"rule\": {\"type\": 3}}")
        .patch("/api/studies/" + id + "/protocol")
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("errors[0].field", equalTo("rule.type"))
        .body("detail", containsString("PERCENT_AGREEMENT, COMET, MEDIAN_IQR, RAND_UCLA"));
    asCoordinator()
        .get("/api/studies/" + id + "/protocol")
        .then()
        .body("rule.type", equalTo("COMET"));
  }

  // ---- the protocol-change reason ----

  @Test
  void aLongProtocolChangeReasonCanBeSentInTheBody() {
    long[] study = TestStudies.withDraftRound("Long reason", 1, 1, null);
    TestStudies.open(study[1]);
    String reason = "The steering group asked for a stricter rule. ".repeat(40).strip();
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("reason", reason, "minimumN", 3))
        .patch("/api/studies/" + study[0] + "/protocol")
        .then()
        .statusCode(200)
        .body("minimumN", equalTo(3))
        .body("reason", org.hamcrest.Matchers.nullValue());
    JsonPath audit = asCoordinator().get("/api/studies/" + study[0] + "/audit").jsonPath();
    assertThat(
        audit.getString("find { it.action == 'protocol-changed' }.detail"), containsString(reason));
    asCoordinator()
        .contentType(ContentType.JSON)
        .queryParam("reason", "short")
        .body(Map.of("minimumN", 4))
        .patch("/api/studies/" + study[0] + "/protocol")
        .then()
        .statusCode(200);
  }

  // ---- what Vert.x sees before RESTEasy ----

  @Test
  void aMalformedContentTypeIsA415Problem() throws IOException {
    Raw answer = post("/api/studies", "Content-Type: json\r\n", "{\"title\": \"x\"}");
    assertProblem(answer, 415);
  }

  @Test
  void aMalformedAcceptIsAProblem() throws IOException {
    Raw answer =
        send(
            "GET /api/studies HTTP/1.1\r\nHost: localhost\r\n"
                + auth()
                + "Accept: ///;;q=x\r\nConnection: close\r\n\r\n");
    assertThat(answer.status, org.hamcrest.Matchers.oneOf(400, 406));
    assertProblem(answer, answer.status);
  }

  @Test
  void anAddressOverTheLimitIsA414Problem() throws IOException {
    Raw answer =
        send(
            "GET /api/studies?q="
                + "a".repeat(RequestHeadLimit.MAX_TARGET_CHARS)
                + " HTTP/1.1\r\nHost: localhost\r\n"
                + auth()
                + "Connection: close\r\n\r\n");
    assertProblem(answer, 414);
    assertThat(answer.body, containsString("query string"));
  }

  @Test
  void headersOverTheLimitAreA431Problem() throws IOException {
    Raw answer =
        send(
            "GET /api/studies HTTP/1.1\r\nHost: localhost\r\n"
                + auth()
                + "Cookie: c="
                + "a".repeat(RequestHeadLimit.MAX_HEADER_CHARS)
                + "\r\nConnection: close\r\n\r\n");
    assertProblem(answer, 431);
  }

  /**
   * Netty refuses these before any of Concord runs, with an empty 400; what matters is that the
   * connection closes, so that no body of unknown length is read as the next request.
   */
  @Test
  void aMalformedContentLengthIsRefusedAndTheConnectionClosed() throws IOException {
    for (String length : List.of("abc", "-1", "5\r\nContent-Length: 6")) {
      Raw answer = post("/api/studies", "Content-Type: application/json\r\n", length, "{}");
      assertThat(length, answer.status, equalTo(400));
      assertThat(length, answer.header("connection"), equalTo("close"));
    }
  }

  @Test
  void aChunkedBodyOverTheLimitIsRefusedWithoutReadingTheRest() throws IOException {
    try (Socket socket = new Socket(root.getHost(), root.getPort())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/studies HTTP/1.1\r\nHost: localhost\r\n"
                  + auth()
                  + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      // Just over the limit, and no last chunk: a server waiting for the end would never answer.
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) ' ');
      try {
        for (long sent = 0; sent <= config.maxBodyBytes(); sent += chunk.length) {
          out.write(
              (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
      } catch (java.net.SocketException closed) {
        // The server may answer and close before the last chunks are written.
      }
      Raw answer = Raw.parse(readAll(socket.getInputStream()));
      assertProblem(answer, 413);
      assertThat(answer.body, containsString(String.valueOf(config.maxBodyBytes())));
    }
  }

  @Test
  void aChunkedBodyWithinTheLimitIsRead() throws IOException {
    String body = "{\"title\": \"Chunked\"}";
    Raw answer =
        send(
            "POST /api/studies HTTP/1.1\r\nHost: localhost\r\n"
                + auth()
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n"
                + "5\r\n"
                + body.substring(0, 5)
                + "\r\n"
                + Integer.toHexString(body.length() - 5)
                + "\r\n"
                + body.substring(5)
                + "\r\n0\r\n\r\n");
    assertThat(answer.raw, answer.status, equalTo(201));
    assertThat(new JsonPath(answer.body).getString("title"), equalTo("Chunked"));
  }

  // ---- helpers ----

  private static void assertProblem(Raw answer, int status) {
    assertThat(answer.raw, answer.status, equalTo(status));
    assertThat(answer.raw, answer.header("content-type"), startsWith(Problem.MEDIA_TYPE));
    JsonPath problem = new JsonPath(answer.body);
    assertThat(problem.getInt("status"), equalTo(status));
    assertThat(problem.getString("detail").length() > 10, equalTo(true));
  }

  private static String auth() {
    String credentials = Api.COORDINATOR + ":" + Api.COORDINATOR_PASSWORD;
    return "Authorization: Basic "
        + java.util.Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))
        + "\r\n";
  }

  private Raw post(String path, String headers, String body) throws IOException {
    return post(path, headers, String.valueOf(body.getBytes(StandardCharsets.UTF_8).length), body);
  }

  private Raw post(String path, String headers, String length, String body) throws IOException {
    return send(
        "POST "
            + path
            + " HTTP/1.1\r\nHost: localhost\r\n"
            + auth()
            + headers
            + "Content-Length: "
            + length
            + "\r\nConnection: close\r\n\r\n"
            + body);
  }

  /** Writes the bytes as given, which no HTTP client would, and reads the whole answer. */
  private Raw send(String request) throws IOException {
    try (Socket socket = new Socket(root.getHost(), root.getPort())) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      return Raw.parse(readAll(socket.getInputStream()));
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) != -1; ) {
        bytes.write(buffer, 0, n);
      }
    } catch (java.net.SocketException reset) {
      // A server that closes after answering may reset the rest of an unread upload.
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** An HTTP/1.1 answer read off the wire (bodies here are small and not chunked). */
  record Raw(String raw, int status, Map<String, String> headers, String body) {
    static Raw parse(String raw) {
      int end = raw.indexOf("\r\n\r\n");
      String head = end < 0 ? raw : raw.substring(0, end);
      String body = end < 0 ? "" : raw.substring(end + 4);
      String[] lines = head.split("\r\n");
      int status = lines[0].isEmpty() ? -1 : Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, String> headers = new java.util.HashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.put(
              lines[i].substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
              lines[i].substring(colon + 1).strip());
        }
      }
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        body = unchunk(body);
      }
      return new Raw(raw, status, headers, body);
    }

    private static String unchunk(String body) {
      StringBuilder out = new StringBuilder();
      int at = 0;
      while (at < body.length()) {
        int lineEnd = body.indexOf("\r\n", at);
        int size = Integer.parseInt(body.substring(at, lineEnd).strip(), 16);
        if (size == 0) {
          break;
        }
        out.append(body, lineEnd + 2, lineEnd + 2 + size);
        at = lineEnd + 2 + size + 2;
      }
      return out.toString();
    }

    String header(String name) {
      return headers.getOrDefault(name, "");
    }
  }
}
