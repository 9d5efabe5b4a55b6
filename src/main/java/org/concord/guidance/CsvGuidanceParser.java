package org.concord.guidance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.concord.common.CsvRows;
import org.concord.common.ImportErrors;
import org.concord.guidance.ParsedGuidance.ParsedSection;
import org.concord.guidance.ParsedGuidance.ParsedStatement;

/**
 * Reads guidance from CSV: one row per statement with its section, in order. A header row naming
 * {@code section} and {@code statement} (and optionally {@code id} and {@code introduction}) may
 * put the columns in any order; without one, the columns are section, statement, id.
 */
final class CsvGuidanceParser {

  private CsvGuidanceParser() {}

  static ParsedGuidance parse(String text, ImportErrors errors) {
    List<CsvRows.Row> rows = CsvRows.read(text, GuidanceImporter.WHAT);
    int section = 0;
    int statement = 1;
    int id = 2;
    int introduction = -1;
    int firstData = 0;
    if (!rows.isEmpty()) {
      List<String> names =
          rows.get(0).cells().stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
      if (names.contains("section") && names.contains("statement")) {
        section = names.indexOf("section");
        statement = names.indexOf("statement");
        id = names.contains("id") ? names.indexOf("id") : names.indexOf("external_id");
        introduction = names.indexOf("introduction");
        firstData = 1;
      }
    }
    Map<String, SectionRows> sections = new LinkedHashMap<>();
    for (CsvRows.Row row : rows.subList(firstData, rows.size())) {
      if (row.cells().size() <= Math.max(section, statement)) {
        errors.at(
            row.line(),
            null,
            "Expected the columns section and statement; this row has "
                + row.cells().size()
                + (row.cells().size() == 1 ? " column." : " columns."));
        continue;
      }
      String title = row.cell(section);
      if (title.isEmpty()) {
        errors.at(row.line(), section + 1, "The section is empty; every statement needs one.");
        continue;
      }
      SectionRows target =
          sections.computeIfAbsent(
              title.toLowerCase(Locale.ROOT), k -> new SectionRows(title, row.line()));
      if (target.introduction == null && !row.cell(introduction).isEmpty()) {
        target.introduction = row.cell(introduction);
      }
      String externalId = row.cell(id);
      target.statements.add(
          new ParsedStatement(
              row.cell(statement),
              externalId.isEmpty() ? null : externalId,
              row.line(),
              statement + 1));
    }
    List<ParsedSection> result = new ArrayList<>();
    for (SectionRows s : sections.values()) {
      result.add(new ParsedSection(s.title, s.introduction, s.line, List.copyOf(s.statements)));
    }
    return new ParsedGuidance(result);
  }

  private static final class SectionRows {
    final String title;
    final int line;
    String introduction;
    final List<ParsedStatement> statements = new ArrayList<>();

    SectionRows(String title, int line) {
      this.title = title;
      this.line = line;
    }
  }
}
