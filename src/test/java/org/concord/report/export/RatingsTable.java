package org.concord.report.export;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** A ratings-like table of eight columns whose rows are made on demand, never held in a list. */
final class RatingsTable {

  static final ExportTable TABLE =
      new ExportTable(
          "ratings",
          "One row per rating, pseudonymous.",
          new Column("round", "Round number", ColumnType.INTEGER, "1–3"),
          new Column("statement", "Statement code", ColumnType.TEXT),
          new Column("version", "Statement version rated", ColumnType.INTEGER),
          new Column("panelist", "Panelist pseudonym", ColumnType.TEXT, "P001…"),
          new Column("stakeholder_group", "Panelist's stakeholder group", ColumnType.TEXT),
          new Column("rating", "Scale point; empty when unable to rate", ColumnType.INTEGER, "1–9"),
          new Column("unable_to_rate", "Answered unable to rate", ColumnType.BOOLEAN),
          new Column("submitted_at", "When the response was submitted", ColumnType.TIMESTAMP));

  private static final List<String> GROUPS =
      List.of("Practitioners", "People who use services", "Carers", "Managers", "Researchers");
  private static final Instant START = Instant.parse("2025-03-01T09:00:00Z");

  private RatingsTable() {}

  static Stream<List<Object>> rows(long count) {
    return LongStream.range(0, count).mapToObj(RatingsTable::row);
  }

  static List<Object> row(long i) {
    boolean unable = i % 17 == 0;
    return Arrays.asList(
        (int) (i % 3) + 1,
        "S" + (i % 40 + 1),
        1 + (int) (i % 2),
        String.format("P%04d", i % 5000 + 1),
        GROUPS.get((int) (i % GROUPS.size())),
        unable ? null : (int) (i % 9) + 1,
        unable,
        START.plusSeconds(i));
  }
}
