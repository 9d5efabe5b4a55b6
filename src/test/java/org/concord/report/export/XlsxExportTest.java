package org.concord.report.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

class XlsxExportTest {

  @Test
  void eachTableIsASheetHoldingTheSameRowsWithNumbersAsNumericCells() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XlsxExport xlsx = new XlsxExport(out)) {
      assertEquals(5, xlsx.writeSheet(CsvExportTest.MIXED, CsvExportTest.MIXED_ROWS.stream()));
      assertEquals(2_500, xlsx.writeSheet(RatingsTable.TABLE, RatingsTable.rows(2_500)));
    }

    try (ReadableWorkbook workbook = read(out)) {
      List<Sheet> sheets = workbook.getSheets().toList();
      assertEquals(List.of("mixed", "ratings"), sheets.stream().map(Sheet::getName).toList());

      List<Row> mixed = sheets.get(0).read();
      assertEquals(6, mixed.size());
      assertEquals(CsvExportTest.MIXED.columnNames(), texts(mixed.get(0)));

      Row first = mixed.get(1);
      assertNumber(1, first, 0);
      assertEquals("Commas, \"quotes\"\r\nand a new line", first.getCell(1).asString());
      assertNumber(66.66666666666667, first, 2);
      assertNumber(1, first, 3);
      assertEquals(LocalDateTime.of(2025, 3, 1, 0, 0), first.getCell(4).asDate());
      assertEquals("yyyy-mm-dd", first.getCell(4).getDataFormatString());
      assertEquals(LocalDateTime.of(2025, 3, 1, 10, 15, 30), first.getCell(5).asDate());

      Row second = mixed.get(2);
      assertEquals("Gwasanaethau ŵ ŷ – “cymorth”", second.getCell(1).asString());
      assertNumber(-3.5, second, 2);
      assertNumber(0, second, 3);
      assertFalse(hasValue(second, 4));

      Row formula = mixed.get(3);
      assertNumber(-7, formula, 0);
      assertEquals(CellType.STRING, formula.getCell(1).getType());
      assertEquals("'=HYPERLINK(\"http://evil\",\"click\")", formula.getCell(1).asString());
      assertFalse(hasValue(formula, 2), "NaN leaves the cell empty");

      assertNumber(1.0E-5, mixed.get(4), 2);
      assertEquals(" edge spaces ", mixed.get(5).getCell(1).asString());

      List<Row> ratings = sheets.get(1).read();
      assertEquals(2_501, ratings.size());
      Row rated = ratings.get(2_499);
      List<Object> expected = RatingsTable.row(2_498);
      assertNumber((Integer) expected.get(0), rated, 0);
      assertEquals(expected.get(3), rated.getCell(3).asString());
      assertNumber((Integer) expected.get(5), rated, 5);
      assertNumber(0, rated, 6);
      Row unableToRate = ratings.get(2_500);
      assertFalse(hasValue(unableToRate, 5));
      assertNumber(1, unableToRate, 6);
    }
  }

  @Test
  void aTableLongerThanASheetContinuesOnNumberedSheetsEachWithTheHeader() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XlsxExport xlsx = new XlsxExport(out, 1_000)) {
      assertEquals(2_345, xlsx.writeSheet(RatingsTable.TABLE, RatingsTable.rows(2_345)));
      xlsx.writeSheet(Codebook.TABLE, Codebook.rows(List.of(RatingsTable.TABLE)));
    }

    try (ReadableWorkbook workbook = read(out)) {
      List<Sheet> sheets = workbook.getSheets().toList();
      assertEquals(
          List.of("ratings", "ratings (2)", "ratings (3)", "codebook"),
          sheets.stream().map(Sheet::getName).toList());
      long panelistRow = 0;
      for (Sheet sheet : sheets.subList(0, 3)) {
        List<Row> rows = sheet.read();
        assertEquals(RatingsTable.TABLE.columnNames(), texts(rows.get(0)));
        for (Row row : rows.subList(1, rows.size())) {
          assertEquals(RatingsTable.row(panelistRow++).get(3), row.getCell(3).asString());
        }
      }
      assertEquals(2_345, panelistRow);
      assertEquals(9, sheets.get(3).read().size());
    }
  }

  @Test
  void aTextPastExcelsCellLimitIsCutToIt() throws IOException {
    ExportTable comments =
        new ExportTable("comments", "Comments.", new Column("text", "Comment", ColumnType.TEXT));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XlsxExport xlsx = new XlsxExport(out)) {
      xlsx.writeSheet(comments, Stream.of(List.of("x".repeat(40_000))));
    }

    try (ReadableWorkbook workbook = read(out)) {
      String cut = workbook.getFirstSheet().read().get(1).getCell(0).asString();
      assertEquals(XlsxExport.MAX_TEXT_LENGTH, cut.length());
      assertTrue(cut.endsWith("…"));
    }
  }

  @Test
  void aTableCanBeWrittenOnlyOncePerWorkbook() throws IOException {
    try (XlsxExport xlsx = new XlsxExport(new ByteArrayOutputStream())) {
      xlsx.writeSheet(RatingsTable.TABLE, RatingsTable.rows(1));
      assertThrows(
          IllegalArgumentException.class,
          () -> xlsx.writeSheet(RatingsTable.TABLE, RatingsTable.rows(1)));
    }
  }

  private static ReadableWorkbook read(ByteArrayOutputStream out) throws IOException {
    return new ReadableWorkbook(
        new ByteArrayInputStream(out.toByteArray()), new ReadingOptions(true, false));
  }

  private static List<String> texts(Row row) {
    return row.stream().map(cell -> cell.asString()).toList();
  }

  private static boolean hasValue(Row row, int column) {
    return row.getOptionalCell(column).map(cell -> cell.getType() != CellType.EMPTY).orElse(false);
  }

  private static void assertNumber(double expected, Row row, int column) {
    assertEquals(CellType.NUMBER, row.getCell(column).getType());
    BigDecimal actual = row.getCell(column).asNumber();
    assertEquals(expected, actual.doubleValue());
  }
}
