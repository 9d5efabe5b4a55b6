package org.concord.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concord.common.ConcordException;
import org.concord.common.Problem;

/**
 * What is wrong with a submitted form, by field, in the order found: shown beside each field and in
 * the summary at the top of the re-rendered form. A refusal that names no field goes under {@link
 * #FORM}.
 */
public final class FieldErrors {

  public static final String FORM = "form";

  /** One error, as the summary links it: to the field's id. */
  public record Entry(String field, String message) {}

  private final Map<String, String> byField = new LinkedHashMap<>();

  public FieldErrors add(String field, String message) {
    byField.putIfAbsent(field == null || field.isBlank() ? FORM : field, message);
    return this;
  }

  /**
   * A service's refusal, field by field. {@code fields} maps the service's field names (such as
   * {@code rule.threshold}) to the form's where they differ; unknown names keep their own.
   */
  public FieldErrors add(ConcordException refusal, Map<String, String> fields) {
    List<Problem.FieldError> errors = refusal.problem().errors();
    if (errors == null || errors.isEmpty()) {
      return add(FORM, refusal.getMessage());
    }
    for (Problem.FieldError error : errors) {
      String field =
          error.field() == null ? FORM : fields.getOrDefault(error.field(), error.field());
      String where = error.line() == null ? "" : "Line " + error.line() + ": ";
      if (error.field() == null && error.line() != null) {
        byField.merge(FORM, where + error.message(), (a, b) -> a + "\n" + b);
      } else {
        add(field, where + error.message());
      }
    }
    return this;
  }

  public FieldErrors add(ConcordException refusal) {
    return add(refusal, Map.of());
  }

  public boolean isEmpty() {
    return byField.isEmpty();
  }

  public boolean has(String field) {
    return byField.containsKey(field);
  }

  /** The message for the field, or null. */
  public String get(String field) {
    return byField.get(field);
  }

  public List<Entry> entries() {
    List<Entry> entries = new ArrayList<>();
    byField.forEach((field, message) -> entries.add(new Entry(field, message)));
    return entries;
  }
}
