package org.concord.report.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CodebookTest {

  private static final List<ExportTable> TABLES = List.of(RatingsTable.TABLE, CsvExportTest.MIXED);

  @Test
  void everyColumnOfEveryTableIsARowWithItsTypeFormatAndAllowedValues() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(14, CsvExport.write(Codebook.TABLE, Codebook.rows(TABLES), out));

    List<CSVRecord> records = CsvExportTest.parse(out.toString(StandardCharsets.UTF_8));
    assertEquals(Codebook.TABLE.columnNames(), records.get(0).toList());
    assertEquals(
        List.of(
            "ratings",
            "rating",
            "integer",
            "whole number",
            "Scale point; empty when unable to rate",
            "1–9"),
        records.get(6).toList());
    assertEquals(
        List.of("ratings", "unable_to_rate", "boolean", "1 = true, 0 = false"),
        records.get(7).toList().subList(0, 4));
    assertEquals("mixed", records.get(9).get(0));
  }

  @Test
  void theMarkdownHasASectionPerTableAndExplainsTheTypesUsed() {
    String markdown =
        Codebook.markdown(
            List.of(
                new ExportTable(
                    "items",
                    "One row per item | per round.",
                    new Column("median", "Median | of the ratings", ColumnType.DECIMAL))));

    assertTrue(markdown.contains("## items\n\nOne row per item \\| per round.\n"), markdown);
    assertTrue(
        markdown.contains("| `median` | decimal | Median \\| of the ratings |  |\n"), markdown);
    assertTrue(markdown.contains("- **decimal**: number at full precision"), markdown);
    assertFalse(markdown.contains("**boolean**"), "only the types used are explained");
  }
}
