package org.concord.report.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.concord.common.SpreadsheetText;

/**
 * Writes one table as RFC 4180 CSV in UTF-8: a header row of column names, CRLF line ends, a field
 * quoted when it holds a comma, quote, line break or edge space, quotes doubled. Rows are pulled
 * from the stream one at a time, so memory stays the same for any number of rows.
 *
 * <p>Values: empty for null; decimals at full precision (the digits of {@link Double#toString},
 * without exponent for magnitudes from 1e-7 to 1e15, so R, SPSS and Excel read them alike);
 * booleans 1/0; dates and instants in ISO 8601 (instants in UTC); texts through {@link
 * SpreadsheetText#neutralise}.
 *
 * <p>Byte order mark: none by default. The CSV is for analysis, and R's {@code read.csv} (without
 * {@code fileEncoding = "UTF-8-BOM"}) and pandas (without {@code utf-8-sig}) would glue a BOM to
 * the first column's name, a silent mistake in a script; readr and SPSS cope either way. Excel,
 * though, reads a double-clicked CSV as UTF-8 only with a BOM: an "open in Excel" link asks for
 * {@link ByteOrderMark#UTF8}, and the XLSX export is the better route there anyway.
 */
public final class CsvExport {

  public enum ByteOrderMark {
    NONE,
    UTF8
  }

  private static final CSVFormat FORMAT = CSVFormat.RFC4180;
  private static final double PLAIN_FROM = 1e-7;
  private static final double PLAIN_BELOW = 1e15;

  /** Characters gathered before they are handed to the writer. */
  private static final int FLUSH_AT = 16 * 1024;

  private CsvExport() {}

  /** Writes the table without a byte order mark; see the class comment. */
  public static long write(ExportTable table, Stream<? extends List<?>> rows, OutputStream out)
      throws IOException {
    return write(table, rows, out, ByteOrderMark.NONE);
  }

  /**
   * Writes the header and every row, then flushes {@code out} without closing it; the stream of
   * rows is consumed but left for its owner to close. Returns the number of data rows written.
   */
  public static long write(
      ExportTable table, Stream<? extends List<?>> rows, OutputStream out, ByteOrderMark bom)
      throws IOException {
    Writer writer =
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 2 * FLUSH_AT);
    if (bom == ByteOrderMark.UTF8) {
      writer.write('\uFEFF');
    }
    // Records are gathered in a StringBuilder: commons-csv appends a character at a time, and on
    // the Writer (locked on every call) that was a third of a large export's time.
    StringBuilder buffer = new StringBuilder(2 * FLUSH_AT);
    new CSVPrinter(buffer, FORMAT).printRecord(table.columnNames());
    long written = 0;
    int columns = table.columns().size();
    for (Iterator<? extends List<?>> it = rows.iterator(); it.hasNext(); ) {
      List<?> row = it.next();
      table.check(++written, row);
      for (int i = 0; i < columns; i++) {
        String cell = cell(row.get(i));
        if (i > 0 && (cell.isEmpty() || plain(cell))) {
          buffer.append(',').append(cell);
        } else {
          FORMAT.print(cell, buffer, i == 0);
        }
      }
      FORMAT.println(buffer);
      if (buffer.length() >= FLUSH_AT) {
        writer.append(buffer);
        buffer.setLength(0);
      }
    }
    writer.append(buffer);
    writer.flush();
    return written;
  }

  /**
   * Whether commons-csv writes the cell as it is: letters, digits, dots and minus signs, and spaces
   * inside, starting with a letter or digit. Anything else goes through {@link CSVFormat#print} to
   * be quoted exactly as before; most cells of a large export are numbers and codes.
   */
  private static boolean plain(String cell) {
    int last = cell.length() - 1;
    if (!Character.isLetterOrDigit(cell.charAt(0)) || cell.charAt(last) == ' ') {
      return false;
    }
    for (int i = 0; i <= last; i++) {
      char c = cell.charAt(i);
      if (!(c >= '0' && c <= '9'
          || c >= 'a' && c <= 'z'
          || c >= 'A' && c <= 'Z'
          || c == '.'
          || c == '-'
          || c == ' ')) {
        return false;
      }
    }
    return true;
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof String text) {
      return SpreadsheetText.neutralise(text);
    }
    if (value instanceof Boolean flag) {
      return flag ? "1" : "0";
    }
    if (value instanceof Double || value instanceof Float) {
      return decimal(value);
    }
    if (value instanceof BigDecimal exact) {
      return exact.toPlainString();
    }
    if (value instanceof Number || value instanceof LocalDate || value instanceof Instant) {
      return value.toString();
    }
    throw new IllegalArgumentException("No CSV form for " + value.getClass().getName());
  }

  /** Full precision, plain notation for ordinary magnitudes; empty for NaN (not defined). */
  static String decimal(Object floating) {
    double value = ((Number) floating).doubleValue();
    if (!Double.isFinite(value)) {
      return "";
    }
    if (value == 0) {
      return "0";
    }
    // Float's own digits, since widening 0.1f to double would print 0.10000000149011612.
    String digits = floating instanceof Float f ? Float.toString(f) : Double.toString(value);
    double magnitude = Math.abs(value);
    if (magnitude < PLAIN_FROM || magnitude >= PLAIN_BELOW) {
      return digits;
    }
    return new BigDecimal(digits).stripTrailingZeros().toPlainString();
  }
}
