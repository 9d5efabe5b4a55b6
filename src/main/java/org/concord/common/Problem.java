package org.concord.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is a stable URI a client can switch on; {@code errors}
 * lists each field or line at fault.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String BASE = "https://concord.example/problems/";

  public static Problem of(String slug, String title, int status, String detail) {
    return new Problem(BASE + slug, title, status, detail, List.of());
  }

  public Problem withErrors(List<FieldError> errors) {
    return new Problem(type, title, status, detail, errors);
  }

  /**
   * One thing to fix. {@code field} names the JSON field or CSV column; {@code line} and {@code
   * column} are set for imports.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FieldError(String field, Integer line, Integer column, String message) {
    public static FieldError field(String field, String message) {
      return new FieldError(field, null, null, message);
    }

    public static FieldError at(int line, Integer column, String message) {
      return new FieldError(null, line, column, message);
    }
  }
}
