package org.concord.report.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.concord.report.export.CsvExport.ByteOrderMark;
import org.junit.jupiter.api.Test;

class CsvExportTest {

  static final ExportTable MIXED =
      new ExportTable(
          "mixed",
          "Every kind of value.",
          new Column("id", "Row number", ColumnType.INTEGER),
          new Column("wording", "Statement wording", ColumnType.TEXT),
          new Column("score", "A statistic", ColumnType.DECIMAL),
          new Column("retired", "Retired", ColumnType.BOOLEAN),
          new Column("opened_on", "Opening day", ColumnType.DATE),
          new Column("submitted_at", "Submission time", ColumnType.TIMESTAMP));

  static final List<List<Object>> MIXED_ROWS =
      List.of(
          Arrays.asList(
              1L,
              "Commas, \"quotes\"\r\nand a new line",
              66.66666666666667,
              true,
              LocalDate.of(2025, 3, 1),
              Instant.parse("2025-03-01T10:15:30Z")),
          Arrays.asList(
              2L,
              "Gwasanaethau ŵ ŷ – “cymorth”",
              -3.5,
              false,
              null,
              Instant.parse("2025-03-02T00:00:00.123Z")),
          Arrays.asList(-7L, "=HYPERLINK(\"http://evil\",\"click\")", Double.NaN, null, null, null),
          Arrays.asList(4L, null, 1.0E-5, null, null, null),
          Arrays.asList(5L, " edge spaces ", 12345678901234.5, null, null, null));

  @Test
  void valuesComeBackAsWrittenWithFormulasNeutralisedAndNumbersLeftAsNumbers() throws IOException {
    String csv = csv(MIXED, MIXED_ROWS.stream(), ByteOrderMark.NONE);

    List<CSVRecord> records = parse(csv);
    assertEquals(MIXED.columnNames(), records.get(0).toList());
    assertEquals(
        List.of(
            "1",
            "Commas, \"quotes\"\r\nand a new line",
            "66.66666666666667",
            "1",
            "2025-03-01",
            "2025-03-01T10:15:30Z"),
        records.get(1).toList());
    assertEquals(
        List.of("2", "Gwasanaethau ŵ ŷ – “cymorth”", "-3.5", "0", "", "2025-03-02T00:00:00.123Z"),
        records.get(2).toList());
    assertEquals(
        List.of("-7", "'=HYPERLINK(\"http://evil\",\"click\")", "", "", "", ""),
        records.get(3).toList());
    assertEquals(List.of("4", "", "0.00001", "", "", ""), records.get(4).toList());
    assertEquals(
        List.of("5", " edge spaces ", "12345678901234.5", "", "", ""), records.get(5).toList());
    assertEquals(6, records.size());
    assertEquals(66.66666666666667, Double.parseDouble(records.get(1).get(2)));
  }

  @Test
  void linesEndInCrLfAndFieldsAreQuotedOnlyWhenNeeded() throws IOException {
    String csv =
        csv(
            RatingsTable.TABLE,
            Stream.of(RatingsTable.row(1), RatingsTable.row(17)),
            ByteOrderMark.NONE);

    assertEquals(
        "round,statement,version,panelist,stakeholder_group,rating,unable_to_rate,submitted_at\r\n"
            + "2,S2,2,P0002,People who use services,2,0,2025-03-01T09:00:01Z\r\n"
            + "3,S18,2,P0018,Carers,,1,2025-03-01T09:00:17Z\r\n",
        csv);
  }

  @Test
  void theByteOrderMarkIsWrittenOnlyWhenAskedFor() throws IOException {
    byte[] plain = bytes(ByteOrderMark.NONE);
    byte[] marked = bytes(ByteOrderMark.UTF8);

    assertEquals('r', plain[0]);
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(marked, 3));
    assertArrayEquals(plain, Arrays.copyOfRange(marked, 3, marked.length));
  }

  @Test
  void decimalsKeepEveryDigitWithoutExponentForOrdinaryMagnitudes() {
    assertEquals("66.66666666666667", CsvExport.decimal(200.0 / 3));
    assertEquals("0.002", CsvExport.decimal(0.002));
    assertEquals("10000000", CsvExport.decimal(1e7));
    assertEquals("3", CsvExport.decimal(3.0));
    assertEquals("-0.1", CsvExport.decimal(-0.1));
    assertEquals("0.1", CsvExport.decimal(0.1f));
    assertEquals("0", CsvExport.decimal(-0.0));
    assertEquals("1.0E-300", CsvExport.decimal(1e-300));
    assertEquals("", CsvExport.decimal(Double.POSITIVE_INFINITY));
    for (double value : new double[] {1.0 / 3, Math.PI * 1e6, 0.1 + 0.2, 123456.789e-3}) {
      assertEquals(value, Double.parseDouble(CsvExport.decimal(value)));
    }
  }

  @Test
  void aRowThatDoesNotFitTheColumnsStopsTheExport() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IllegalArgumentException tooShort =
        assertThrows(
            IllegalArgumentException.class,
            () -> CsvExport.write(RatingsTable.TABLE, Stream.of(List.of(1, "S1")), out));
    assertTrue(tooShort.getMessage().contains("Row 1 of 'ratings' has 2 values for 8 columns"));

    List<Object> wrongType = RatingsTable.row(1);
    wrongType.set(0, "one");
    IllegalArgumentException mistyped =
        assertThrows(
            IllegalArgumentException.class,
            () -> CsvExport.write(RatingsTable.TABLE, Stream.of(wrongType), out));
    assertTrue(mistyped.getMessage().contains("column 'round' is integer but got a String"));
  }

  private static byte[] bytes(ByteOrderMark bom) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvExport.write(RatingsTable.TABLE, RatingsTable.rows(3), out, bom);
    return out.toByteArray();
  }

  static String csv(ExportTable table, Stream<? extends List<?>> rows, ByteOrderMark bom)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long written = CsvExport.write(table, rows, out, bom);
    String csv = out.toString(StandardCharsets.UTF_8);
    assertEquals(written + 1, parse(csv).size());
    return csv;
  }

  static List<CSVRecord> parse(String csv) throws IOException {
    try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(csv))) {
      return parser.getRecords();
    }
  }
}
