package org.concord.report.export;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a column holds, which Java values it accepts, and how CSV and XLSX write them. The {@link
 * #format()} text goes into the codebook, so a reader of the data learns the conventions there.
 */
public enum ColumnType {
  TEXT(
      "text",
      "UTF-8 text; a text beginning with = + - @ tab or carriage return is prefixed with ' so a"
          + " spreadsheet never runs it as a formula"),
  INTEGER("integer", "whole number"),
  DECIMAL(
      "decimal",
      "number at full precision (never rounded), decimal point '.', no thousands separator; empty"
          + " when not defined"),
  BOOLEAN("boolean", "1 = true, 0 = false"),
  DATE("date", "calendar date as YYYY-MM-DD (ISO 8601); an Excel date cell in XLSX"),
  TIMESTAMP(
      "timestamp",
      "instant in UTC as YYYY-MM-DDThh:mm:ssZ (ISO 8601, fractions of a second when present); an"
          + " Excel date-time cell in UTC in XLSX");

  private final String label;
  private final String format;

  ColumnType(String label, String format) {
    this.label = label;
    this.format = format;
  }

  public String label() {
    return label;
  }

  public String format() {
    return format;
  }

  boolean accepts(Object value) {
    return switch (this) {
      case TEXT -> value instanceof String;
      case INTEGER ->
          value instanceof Long
              || value instanceof Integer
              || value instanceof Short
              || value instanceof Byte;
      case DECIMAL -> value instanceof Number;
      case BOOLEAN -> value instanceof Boolean;
      case DATE -> value instanceof LocalDate;
      case TIMESTAMP -> value instanceof Instant;
    };
  }
}
