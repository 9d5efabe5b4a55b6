package org.concord.common;

import java.util.List;

/**
 * A refusal the caller can act on. Each subclass fixes the HTTP status and problem type; the
 * message is written for the person who has to fix the input. {@link ProblemMappers} answers every
 * one under /api; pages tell them apart by type.
 */
public abstract class ConcordException extends RuntimeException {

  private final Problem problem;

  protected ConcordException(Problem problem) {
    super(problem.detail());
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public static NotFound notFound(String what, Object id) {
    return new NotFound(what, id);
  }

  public static Invalid invalid(String detail, List<Problem.FieldError> errors) {
    return new Invalid(detail, errors);
  }

  public static Invalid invalid(String field, String message) {
    return invalid(message, List.of(Problem.FieldError.field(field, message)));
  }

  public static Conflict conflict(String detail) {
    return new Conflict(detail);
  }

  public static ImportRefused importRefused(String detail, List<Problem.FieldError> errors) {
    return new ImportRefused(detail, errors);
  }

  /** 404: the thing asked for does not exist. */
  public static class NotFound extends ConcordException {
    NotFound(String what, Object id) {
      super(Problem.of("not-found", "Not found", 404, what + " " + id + " does not exist."));
    }
  }

  /** 400: input that breaks a rule; {@code errors} names each field at fault. */
  public static class Invalid extends ConcordException {
    Invalid(String detail, List<Problem.FieldError> errors) {
      super(Problem.of("invalid-input", "Invalid input", 400, detail).withErrors(errors));
    }
  }

  /** 409: the request is sound but the state of things does not allow it now. */
  public static class Conflict extends ConcordException {
    protected Conflict(String detail) {
      super(Problem.of("conflict", "Conflict", 409, detail));
    }
  }

  /** 422: an import that was refused as a whole; {@code errors} gives line and column. */
  public static class ImportRefused extends ConcordException {
    ImportRefused(String detail, List<Problem.FieldError> errors) {
      super(Problem.of("import-refused", "Import refused", 422, detail).withErrors(errors));
    }
  }
}
