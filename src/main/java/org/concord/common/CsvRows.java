package org.concord.common;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a CSV file with the line each starts on (a quoted cell may span lines), so import
 * errors can point at the line a spreadsheet user sees. Blank lines are skipped.
 */
public final class CsvRows {

  public record Row(int line, List<String> cells) {
    public String cell(int index) {
      return index >= 0 && index < cells.size() ? cells.get(index).strip() : "";
    }
  }

  private CsvRows() {}

  public static List<Row> read(String text, String what) {
    List<Row> rows = new ArrayList<>();
    int line = 1;
    int scanned = 0;
    try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
      for (CSVRecord record : parser) {
        int start = (int) record.getCharacterPosition();
        for (; scanned < start; scanned++) {
          if (text.charAt(scanned) == '\n') {
            line++;
          }
        }
        List<String> cells = record.toList();
        if (cells.size() == 1 && cells.get(0).isBlank()) {
          continue;
        }
        rows.add(new Row(line, cells));
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw ImportErrors.single(
          what,
          line,
          null,
          "The CSV cannot be read after this line (an unclosed quote?): " + e.getMessage());
    }
    return rows;
  }
}
