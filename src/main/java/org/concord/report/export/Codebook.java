package org.concord.report.export;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The codebook of an export: every column of every table with its meaning, type, format and allowed
 * values. As a table ({@link #TABLE} with {@link #rows}) it goes through the same CSV and XLSX
 * writers as the data; {@link #markdown} gives the same for a README beside the files.
 */
public final class Codebook {

  public static final ExportTable TABLE =
      new ExportTable(
          "codebook",
          "Every column of every table in this export: what it means and how it is written.",
          new Column(
              "table_name",
              "The table the column belongs to (the CSV file's name or the XLSX sheet's)",
              ColumnType.TEXT),
          new Column("column_name", "The column's name in the table's header row", ColumnType.TEXT),
          new Column(
              "type",
              "What the column holds",
              ColumnType.TEXT,
              String.join(
                  ", ", Arrays.stream(ColumnType.values()).map(ColumnType::label).toList())),
          new Column("format", "How the column's values are written", ColumnType.TEXT),
          new Column("description", "What a value in the column means", ColumnType.TEXT),
          new Column(
              "allowed_values",
              "The values that may occur; empty when any value of the type may",
              ColumnType.TEXT));

  private Codebook() {}

  /** One row per column of each table, in the order given; rows fit {@link #TABLE}. */
  public static Stream<List<Object>> rows(List<ExportTable> tables) {
    return tables.stream()
        .flatMap(
            table ->
                table.columns().stream()
                    .map(
                        column ->
                            List.<Object>of(
                                table.name(),
                                column.name(),
                                column.type().label(),
                                column.type().format(),
                                column.description(),
                                column.allowedValues())));
  }

  /** The codebook as Markdown: the shared conventions, then a section and a table per table. */
  public static String markdown(List<ExportTable> tables) {
    StringBuilder md = new StringBuilder();
    md.append("# Codebook\n\n");
    md.append("- Files are UTF-8; CSV files follow RFC 4180 with a header row of column names.\n");
    md.append("- An empty cell is a missing value; the types below say how values are written.\n");
    Set<ColumnType> used = EnumSet.noneOf(ColumnType.class);
    for (ExportTable table : tables) {
      md.append("\n## ").append(table.name()).append("\n\n");
      md.append(cell(table.description())).append("\n\n");
      md.append("| column | type | description | allowed values |\n");
      md.append("|---|---|---|---|\n");
      for (Column column : table.columns()) {
        used.add(column.type());
        md.append("| `")
            .append(column.name())
            .append("` | ")
            .append(column.type().label())
            .append(" | ")
            .append(cell(column.description()))
            .append(" | ")
            .append(cell(column.allowedValues()))
            .append(" |\n");
      }
    }
    md.append("\n## Types\n\n");
    for (ColumnType type : used) {
      md.append("- **").append(type.label()).append("**: ").append(type.format()).append(".\n");
    }
    return md.toString();
  }

  private static String cell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replaceAll("\\R", " ");
  }
}
