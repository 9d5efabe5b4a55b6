package org.concord.common;

import java.util.List;

/**
 * A refusal the caller can act on. Each subclass fixes the HTTP status and problem type; the
 * message is written for the person who has to fix the input.
 */
public class ConcordException extends RuntimeException {

  private final Problem problem;

  protected ConcordException(Problem problem) {
    super(problem.detail());
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public static ConcordException of(Problem problem) {
    return new ConcordException(problem);
  }

  public static ConcordException notFound(String what, Object id) {
    return new ConcordException(
        Problem.of("not-found", "Not found", 404, what + " " + id + " does not exist."));
  }

  public static ConcordException invalid(String detail, List<Problem.FieldError> errors) {
    return new ConcordException(
        Problem.of("invalid-input", "Invalid input", 400, detail).withErrors(errors));
  }

  public static ConcordException invalid(String field, String message) {
    return invalid(message, List.of(Problem.FieldError.field(field, message)));
  }

  public static ConcordException conflict(String detail) {
    return new ConcordException(Problem.of("conflict", "Conflict", 409, detail));
  }

  public static ConcordException importRefused(String detail, List<Problem.FieldError> errors) {
    return new ConcordException(
        Problem.of("import-refused", "Import refused", 422, detail).withErrors(errors));
  }
}
