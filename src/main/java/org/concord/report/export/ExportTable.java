package org.concord.report.export;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A table to export, such as {@code ratings}: its columns describe both the data and the codebook.
 * Rows are given to the writers separately, as a stream of value lists in column order.
 *
 * <p>The name becomes the CSV file's stem and the XLSX sheet's name; it is at most 24 characters so
 * that a continuation sheet such as {@code ratings (2)} still fits Excel's 31.
 */
public record ExportTable(String name, String description, List<Column> columns) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,23}");

  public ExportTable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    columns = List.copyOf(columns);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Table name '"
              + name
              + "' must be at most 24 lower-case letters, digits and underscores, starting with a"
              + " letter.");
    }
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("Table '" + name + "' needs at least one column.");
    }
    Set<String> seen = new HashSet<>();
    for (Column column : columns) {
      if (!seen.add(column.name())) {
        throw new IllegalArgumentException(
            "Table '" + name + "' has two columns named '" + column.name() + "'.");
      }
    }
  }

  public ExportTable(String name, String description, Column... columns) {
    this(name, description, List.of(columns));
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  /**
   * Fails on a row that does not fit the columns, so that a wiring mistake stops the export instead
   * of shifting values into the wrong columns. {@code rowNumber} counts data rows from 1.
   */
  void check(long rowNumber, List<?> row) {
    if (row.size() != columns.size()) {
      throw new IllegalArgumentException(
          "Row "
              + rowNumber
              + " of '"
              + name
              + "' has "
              + row.size()
              + " values for "
              + columns.size()
              + " columns.");
    }
    for (int i = 0; i < row.size(); i++) {
      Object value = row.get(i);
      Column column = columns.get(i);
      if (value != null && !column.type().accepts(value)) {
        throw new IllegalArgumentException(
            "Row "
                + rowNumber
                + " of '"
                + name
                + "': column '"
                + column.name()
                + "' is "
                + column.type().label()
                + " but got a "
                + value.getClass().getSimpleName()
                + ".");
      }
    }
  }
}
