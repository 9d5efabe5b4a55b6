package org.concord.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.JDBCException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into {@code application/problem+json}: a 4xx that says what to fix. */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  /** How long a busy answer asks the client to wait: a lock or a connection frees in seconds. */
  public static final String RETRY_AFTER_SECONDS = "2";

  static Response respond(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  @ServerExceptionMapper
  public Response concord(ConcordException e) {
    return respond(e.problem());
  }

  @ServerExceptionMapper
  public Response validation(ConstraintViolationException e) {
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
            .map(v -> Problem.FieldError.field(fieldName(v), v.getMessage()))
            .toList();
    String detail =
        errors.stream()
            .map(err -> err.field() + ": " + err.message())
            .collect(Collectors.joining("; "));
    return respond(Problem.of("invalid-input", "Invalid input", 400, detail).withErrors(errors));
  }

  /** "create.request.title" becomes "title": the caller knows the body, not the method. */
  private static String fieldName(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString();
    // An element of a list shows as "commentIds[0].<list element>": the index says enough.
    String[] parts = path.replace(".<list element>", "").split("\\.");
    return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : path;
  }

  /** Registered for the subtype too, because Quarkus maps that one itself otherwise. */
  @ServerExceptionMapper
  public Response mismatchedInput(MismatchedInputException e) {
    return json(e);
  }

  @ServerExceptionMapper
  public Response json(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      String known =
          unknown.getKnownPropertyIds().stream()
              .map(Object::toString)
              .sorted()
              .collect(Collectors.joining(", "));
      return respond(
          Problem.of(
                  "unknown-field",
                  "Unknown field",
                  400,
                  "The field '"
                      + unknown.getPropertyName()
                      + "' is not known here. Known: "
                      + known)
              .withErrors(
                  List.of(Problem.FieldError.field(unknown.getPropertyName(), "unknown field"))));
    }
    if (isTrailing(e)) {
      var at = e.getLocation();
      return respond(
          Problem.of(
              "malformed-json",
              "Malformed JSON",
              400,
              "The body has more after the end of its JSON document"
                  + (at == null
                      ? ""
                      : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                  + ". Send exactly one JSON value."));
    }
    if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
      MismatchedInputException mismatch = (MismatchedInputException) e;
      String field = path(mismatch);
      String expected =
          mismatch.getTargetType() == null ? "another type" : describe(mismatch.getTargetType());
      String detail =
          field.isEmpty()
              ? "The body must be a JSON " + expected + "."
              : "The field '" + field + "' must be " + expected + ".";
      return respond(
          Problem.of("wrong-type", "Wrong type", 400, detail)
              .withErrors(
                  field.isEmpty()
                      ? List.of()
                      : List.of(Problem.FieldError.field(field, "must be " + expected))));
    }
    if (e instanceof JsonParseException || e.getLocation() != null) {
      var at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      return respond(
          Problem.of(
              "malformed-json",
              "Malformed JSON",
              400,
              "The body is not valid JSON" + where + ": " + e.getOriginalMessage()));
    }
    return respond(Problem.of("malformed-json", "Malformed JSON", 400, e.getOriginalMessage()));
  }

  /**
   * Text after the document (refused by FAIL_ON_TRAILING_TOKENS): the parser has started a second
   * value at the root, which no other mismatch does.
   */
  private static boolean isTrailing(JsonProcessingException e) {
    if (!(e instanceof MismatchedInputException)
        || !(e.getProcessor() instanceof JsonParser parser)) {
      return false;
    }
    JsonStreamContext context = parser.getParsingContext();
    while (context != null && !context.inRoot()) {
      context = context.getParent();
    }
    return context != null && context.getCurrentIndex() > 0;
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String describe(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a text";
    }
    if (type.isEnum()) {
      return "one of "
          + List.of(type.getEnumConstants()).stream()
              .map(Object::toString)
              .collect(Collectors.joining(", "));
    }
    if (List.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    return "an object";
  }

  @ServerExceptionMapper
  public Response unauthorized(UnauthorizedException e) {
    return unauthenticated();
  }

  @ServerExceptionMapper
  public Response authenticationFailed(AuthenticationFailedException e) {
    return unauthenticated();
  }

  private static Response unauthenticated() {
    Problem problem =
        Problem.of(
            "unauthenticated",
            "Login required",
            401,
            "Sign in with a study-team account (HTTP Basic on the API).");
    return Response.status(401)
        .type(Problem.MEDIA_TYPE)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Concord\"")
        .entity(problem)
        .build();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return respond(
        Problem.of(
            "forbidden", "Not allowed", 403, "Your role does not allow this; ask a coordinator."));
  }

  @ServerExceptionMapper
  public Response optimisticLock(OptimisticLockException e) {
    return respond(
        Problem.of(
            "conflict",
            "Conflict",
            409,
            "Someone else changed this at the same time. Reload it and try again."));
  }

  /**
   * A lock or a database connection not granted in time ({@link Busy}): nothing of the request was
   * stored, and trying again shortly is safe. Any other JDBC failure is unexpected.
   */
  @ServerExceptionMapper({
    PessimisticLockException.class,
    LockTimeoutException.class,
    JDBCException.class
  })
  public Response busy(PersistenceException e) {
    if (!Busy.is(e)) {
      return internalError(e);
    }
    return busyProblem(e);
  }

  private static Response busyProblem(Exception e) {
    LOG.warnf("Busy, asked to retry: %s", e.getMessage());
    return Response.status(503)
        .type(Problem.MEDIA_TYPE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .entity(
            Problem.of(
                "busy",
                "Busy",
                503,
                "Concord is busy with this at the moment (many answers at once, or a round"
                    + " closing). Nothing of this request was stored; try again in a few seconds."))
        .build();
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return json(json);
    }
    // A parameter converter's refusal, which JAX-RS wraps in a 404 for query parameters.
    if (e.getCause() instanceof ConcordException refusal) {
      return concord(refusal);
    }
    int status = e.getResponse().getStatus();
    String detail =
        switch (status) {
          case 404 -> "Nothing is here. Check the address.";
          case 405 ->
              "This method is not allowed here."
                  + (e instanceof NotAllowedException
                      ? " Allowed: " + String.join(", ", e.getResponse().getAllowedMethods())
                      : "");
          case 406 -> "This resource cannot answer in the media type asked for in Accept.";
          case 415 ->
              "This content type is not accepted here. Send the Content-Type the API documents.";
          default -> e.getMessage();
        };
    Problem problem =
        Problem.of(
            switch (status) {
              case 404 -> "not-found";
              case 405 -> "method-not-allowed";
              case 406 -> "not-acceptable";
              case 415 -> "unsupported-media-type";
              default -> "http-" + status;
            },
            Response.Status.fromStatusCode(status) == null
                ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(),
            status,
            detail);
    Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE);
    if (status == 405) {
      builder.allow(e.getResponse().getAllowedMethods());
    }
    return builder.entity(problem).build();
  }

  @ServerExceptionMapper(priority = 10_000)
  public Response unexpected(Exception e) {
    return Busy.causes(e) ? busyProblem(e) : internalError(e);
  }

  /** The one answer to a failure nobody foresaw, for the features that map their own failures. */
  public static Response internalError(Exception e) {
    LOG.error("Unexpected failure", e);
    return respond(
        Problem.of(
            "internal-error",
            "Internal error",
            500,
            "Concord failed to handle this request. Nothing was changed; it has been logged."));
  }
}
