package org.concord.report.export;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One column of an export: its name in the header row, what it means, its type, and the values it
 * may hold (free text for the codebook, such as "1–9" or "in, out, none"; empty when any value of
 * the type may occur).
 *
 * <p>Names are lower-case letters, digits and underscores, starting with a letter, so that R, SPSS
 * and Stata take them as variable names unchanged.
 */
public record Column(String name, String description, ColumnType type, String allowedValues) {

  static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(allowedValues, "allowedValues");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Column name '"
              + name
              + "' must be lower-case letters, digits and underscores, starting with a letter.");
    }
    if (description.isBlank()) {
      throw new IllegalArgumentException("Column '" + name + "' needs a description.");
    }
  }

  /** A column that may hold any value of its type. */
  public Column(String name, String description, ColumnType type) {
    this(name, description, type, "");
  }
}
