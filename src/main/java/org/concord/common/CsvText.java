package org.concord.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A small table as RFC 4180 CSV text: CRLF line ends, a cell quoted when it needs to be, and every
 * cell a spreadsheet could read as a formula neutralised ({@link SpreadsheetText}). For lists a
 * person opens in a spreadsheet or a mail merge; the report's exports stream theirs.
 */
public final class CsvText {

  private CsvText() {}

  public static String write(List<String> header, List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      printer.printRecord(header.stream().map(CsvText::cell).toList());
      for (List<String> row : rows) {
        printer.printRecord(row.stream().map(CsvText::cell).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String cell(String text) {
    return text == null ? "" : SpreadsheetText.neutralise(text);
  }
}
