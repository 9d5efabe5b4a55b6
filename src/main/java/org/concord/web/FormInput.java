package org.concord.web;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;

/**
 * A submitted form as a page reads it back: trimmed text, blank as absent, and the same values to
 * put back into the fields when the form comes back with errors.
 */
public final class FormInput {

  private final MultivaluedMap<String, String> form;

  public FormInput(MultivaluedMap<String, String> form) {
    this.form = form == null ? new MultivaluedHashMap<>() : form;
  }

  public static FormInput empty() {
    return new FormInput(null);
  }

  /** The field's text as typed (trimmed), or "" when it was not sent. */
  public String get(String name) {
    String value = form.getFirst(name);
    return value == null ? "" : value.strip();
  }

  /** The field's text, or null when blank. */
  public String text(String name) {
    String value = get(name);
    return value.isEmpty() ? null : value;
  }

  public boolean checked(String name) {
    String value = form.getFirst(name);
    return value != null && !value.isEmpty() && !"false".equals(value);
  }

  public List<String> all(String name) {
    List<String> values = form.get(name);
    return values == null ? List.of() : values;
  }

  /** A whole number, or null when blank; a note in {@code errors} when it is not one. */
  public Integer integer(String name, String label, FieldErrors errors) {
    String value = get(name);
    if (value.isEmpty()) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      errors.add(name, label + " must be a whole number.");
      return null;
    }
  }

  /** A number, or null when blank; a note in {@code errors} when it is not one. */
  public Double number(String name, String label, FieldErrors errors) {
    String value = get(name);
    if (value.isEmpty()) {
      return null;
    }
    try {
      double parsed = Double.parseDouble(value);
      if (Double.isFinite(parsed)) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // below
    }
    errors.add(name, label + " must be a number, such as 70 or 2.5.");
    return null;
  }
}
