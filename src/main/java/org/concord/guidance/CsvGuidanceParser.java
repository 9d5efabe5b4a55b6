package org.concord.guidance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concord.common.CsvRows;
import org.concord.common.ImportErrors;
import org.concord.common.Languages;
import org.concord.guidance.ParsedGuidance.ParsedSection;
import org.concord.guidance.ParsedGuidance.ParsedStatement;

/**
 * Reads guidance from CSV: one row per statement with its section, in order. A header row naming
 * {@code section} and {@code statement} (and optionally {@code id} and {@code introduction}) may
 * put the columns in any order; without one, the columns are section, statement, id. Translations
 * are one more column per language and text, named with the language tag: {@code statement_cy},
 * {@code section_cy}, {@code introduction_cy}.
 */
final class CsvGuidanceParser {

  /** A translation column's name: the text it translates, then the language tag. */
  private static final Pattern TRANSLATION =
      Pattern.compile("(section|statement|introduction)[_-]([a-z]{2,3})");

  private CsvGuidanceParser() {}

  static ParsedGuidance parse(String text, ImportErrors errors) {
    List<CsvRows.Row> rows = CsvRows.read(text, GuidanceImporter.WHAT);
    int section = 0;
    int statement = 1;
    int id = 2;
    int introduction = -1;
    int firstData = 0;
    Map<Integer, String[]> translated = new LinkedHashMap<>();
    if (!rows.isEmpty()) {
      List<String> names =
          rows.get(0).cells().stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
      if (names.contains("section") && names.contains("statement")) {
        section = names.indexOf("section");
        statement = names.indexOf("statement");
        id = names.contains("id") ? names.indexOf("id") : names.indexOf("external_id");
        introduction = names.indexOf("introduction");
        firstData = 1;
        for (int i = 0; i < names.size(); i++) {
          Matcher m = TRANSLATION.matcher(names.get(i));
          if (!m.matches()) {
            continue;
          }
          if (!Languages.isSupported(m.group(2))) {
            errors.at(
                rows.get(0).line(),
                i + 1,
                "The column \""
                    + names.get(i)
                    + "\" names the language \""
                    + m.group(2)
                    + "\", which Concord does not speak; use "
                    + String.join(", ", Languages.supported())
                    + ".");
          } else {
            translated.put(i, new String[] {m.group(1), m.group(2)});
          }
        }
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
      Map<String, String> statementTranslations = new LinkedHashMap<>();
      translated.forEach(
          (column, what) -> {
            String value = row.cell(column);
            if (value.isEmpty()) {
              return;
            }
            switch (what[0]) {
              case "statement" -> statementTranslations.put(what[1], value);
              case "section" -> target.titles.putIfAbsent(what[1], value);
              default -> target.introductions.putIfAbsent(what[1], value);
            }
          });
      String externalId = row.cell(id);
      target.statements.add(
          new ParsedStatement(
              row.cell(statement),
              externalId.isEmpty() ? null : externalId,
              row.line(),
              statement + 1,
              Map.copyOf(statementTranslations)));
    }
    List<ParsedSection> result = new ArrayList<>();
    for (SectionRows s : sections.values()) {
      result.add(
          new ParsedSection(
              s.title,
              s.introduction,
              s.line,
              List.copyOf(s.statements),
              Map.copyOf(s.titles),
              Map.copyOf(s.introductions)));
    }
    return new ParsedGuidance(result);
  }

  private static final class SectionRows {
    final String title;
    final int line;
    String introduction;
    final List<ParsedStatement> statements = new ArrayList<>();
    final Map<String, String> titles = new LinkedHashMap<>();
    final Map<String, String> introductions = new LinkedHashMap<>();

    SectionRows(String title, int line) {
      this.title = title;
      this.line = line;
    }
  }
}
