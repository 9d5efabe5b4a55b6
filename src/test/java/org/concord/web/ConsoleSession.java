package org.concord.web;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import org.concord.Api;

/**
 * A browser's view of the console for tests: its cookies (the form token's and the session's),
 * signed in through the sign-in form as a person does.
 */
public final class ConsoleSession {

  private final Map<String, String> cookies = new HashMap<>();

  private ConsoleSession() {}

  /** Not signed in, with a form cookie from the sign-in page. */
  public static ConsoleSession anonymous() {
    ConsoleSession session = new ConsoleSession();
    session.get("/console/login");
    return session;
  }

  public static ConsoleSession coordinator() {
    return signedIn(Api.COORDINATOR, Api.COORDINATOR_PASSWORD);
  }

  /** The analyst, whose account {@link Api#asAnalyst} creates on first use. */
  public static ConsoleSession analyst() {
    Api.asAnalyst();
    return signedIn(Api.ANALYST, Api.ANALYST_PASSWORD);
  }

  public static ConsoleSession signedIn(String email, String password) {
    ConsoleSession session = anonymous();
    Response response = session.signIn(email, password);
    if (response.statusCode() != 302 || !session.cookies.containsKey("concord-session")) {
      throw new AssertionError("Sign-in failed: " + response.statusCode());
    }
    return session;
  }

  public Response signIn(String email, String password) {
    return remember(
        request()
            .contentType(ContentType.URLENC)
            .formParam("j_username", email)
            .formParam("j_password", password)
            .formParam(ConsoleForms.FIELD, formToken())
            .post("/j_security_check"));
  }

  public String formToken() {
    return cookies.get(ConsoleForms.COOKIE);
  }

  public boolean has(String cookie) {
    return cookies.containsKey(cookie);
  }

  /** A request with this browser's cookies, redirects not followed. */
  public RequestSpecification request() {
    return given().redirects().follow(false).cookies(cookies);
  }

  public Response get(String path) {
    return remember(request().get(path));
  }

  /** Posts a form with the token, as the console's pages do. */
  public Response post(String path, Map<String, ?> fields) {
    return remember(
        request()
            .contentType(ContentType.URLENC)
            .formParams(fields)
            .formParam(ConsoleForms.FIELD, formToken())
            .post(path));
  }

  /** Posts a multipart form with one file and the token, as the console's upload forms do. */
  public Response upload(
      String path, String fileField, String fileName, byte[] content, Map<String, String> fields) {
    RequestSpecification request =
        request()
            .multiPart(fileField, fileName, content, "application/octet-stream")
            .multiPart(ConsoleForms.FIELD, formToken());
    fields.forEach(request::multiPart);
    return remember(request.post(path));
  }

  private Response remember(Response response) {
    response
        .detailedCookies()
        .forEach(
            cookie -> {
              if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
                cookies.remove(cookie.getName());
              } else {
                cookies.put(cookie.getName(), cookie.getValue());
              }
            });
    return response;
  }
}
