package org.concord.report.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.concord.common.SpreadsheetText;
import org.concord.common.Texts;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes tables into one XLSX workbook, a sheet per table, streaming: rows are pulled one at a time
 * and flushed to the output every {@value #FLUSH_EVERY} rows. What stays in memory is fastexcel's
 * empty slot per row written, about 4 MB a million rows (measured by {@code
 * StreamingConstantMemoryTest}), and nothing of the rows' contents. Open it, write each table,
 * close it:
 *
 * <pre>{@code
 * try (XlsxExport xlsx = new XlsxExport(out)) {
 *   xlsx.writeSheet(ratings, ratingRows);
 *   xlsx.writeSheet(Codebook.TABLE, Codebook.rows(tables));
 * }
 * }</pre>
 *
 * <p>Each sheet has a bold, frozen header row. Numbers, booleans (1/0) and dates are numeric cells;
 * texts are inline strings, so no shared-strings table grows with the data, and go through {@link
 * SpreadsheetText#neutralise} like in CSV. A text longer than Excel's cell limit of 32,767
 * characters is cut to it with an ellipsis (Excel would otherwise refuse the file); the CSV keeps
 * it whole. Instants are date-time cells in UTC; NaN leaves the cell empty.
 *
 * <p>A sheet holds at most 1,048,576 rows: a longer table continues on further sheets named like
 * {@code ratings (2)}, each with the header again, so no row is lost and every sheet reads on its
 * own.
 */
public final class XlsxExport implements Closeable {

  static final int FLUSH_EVERY = 1_000;
  static final int MAX_TEXT_LENGTH = 32_767;
  private static final String DATE_FORMAT = "yyyy-mm-dd";
  private static final String TIMESTAMP_FORMAT = "yyyy-mm-dd hh:mm:ss";

  private final OutputStream out;
  private final Workbook workbook;
  private final int dataRowsPerSheet;
  private final Set<String> tableNames = new HashSet<>();

  public XlsxExport(OutputStream out) {
    this(out, Worksheet.MAX_ROWS - 1);
  }

  /** With a smaller sheet so that tests can reach the continuation sheets. */
  XlsxExport(OutputStream out, int dataRowsPerSheet) {
    this.out = out;
    this.workbook = new Workbook(out, "Concord", "1.0");
    this.dataRowsPerSheet = dataRowsPerSheet;
  }

  /**
   * Writes the table on its own sheet (and continuation sheets when it is longer than one sheet);
   * the stream of rows is consumed but left for its owner to close. Returns the number of data rows
   * written.
   */
  public long writeSheet(ExportTable table, Stream<? extends List<?>> rows) throws IOException {
    if (!tableNames.add(table.name())) {
      throw new IllegalArgumentException(
          "The workbook already has a sheet '" + table.name() + "'.");
    }
    int part = 1;
    Worksheet sheet = newSheet(table, table.name());
    int sheetRow = 0;
    long written = 0;
    for (Iterator<? extends List<?>> it = rows.iterator(); it.hasNext(); ) {
      List<?> row = it.next();
      table.check(written + 1, row);
      if (sheetRow == dataRowsPerSheet) {
        sheet.finish();
        part++;
        sheet = newSheet(table, table.name() + " (" + part + ")");
        sheetRow = 0;
      }
      sheetRow++;
      for (int c = 0; c < row.size(); c++) {
        writeCell(sheet, sheetRow, c, row.get(c));
      }
      written++;
      if (sheetRow % FLUSH_EVERY == 0) {
        sheet.flush();
      }
    }
    sheet.finish();
    return written;
  }

  /** Finishes the workbook and flushes {@code out} without closing it. */
  @Override
  public void close() throws IOException {
    workbook.finish();
    out.flush();
  }

  private Worksheet newSheet(ExportTable table, String sheetName) {
    Worksheet sheet = workbook.newWorksheet(sheetName);
    List<Column> columns = table.columns();
    for (int c = 0; c < columns.size(); c++) {
      Column column = columns.get(c);
      sheet.inlineString(0, c, column.name());
      sheet.style(0, c).bold().set();
      sheet.width(c, width(column));
    }
    sheet.freezePane(0, 1);
    return sheet;
  }

  private static double width(Column column) {
    int wanted = column.type() == ColumnType.TEXT ? 30 : 12;
    return Math.max(wanted, column.name().length() + 2);
  }

  private static boolean isDefined(Number number) {
    return !(number instanceof Double || number instanceof Float)
        || Double.isFinite(number.doubleValue());
  }

  private static void writeCell(Worksheet sheet, int r, int c, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof String text) {
      sheet.inlineString(r, c, Texts.fit(SpreadsheetText.neutralise(text), MAX_TEXT_LENGTH));
    } else if (value instanceof Boolean flag) {
      sheet.value(r, c, flag ? 1 : 0);
    } else if (value instanceof Number number) {
      if (isDefined(number)) {
        sheet.value(r, c, number);
      }
    } else if (value instanceof LocalDate date) {
      sheet.value(r, c, date);
      sheet.style(r, c).format(DATE_FORMAT).set();
    } else if (value instanceof Instant instant) {
      // Excel has no time zones: the cell holds the UTC wall time, as the codebook says.
      sheet.value(r, c, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
      sheet.style(r, c).format(TIMESTAMP_FORMAT).set();
    } else {
      throw new IllegalArgumentException("No XLSX form for " + value.getClass().getName());
    }
  }
}
