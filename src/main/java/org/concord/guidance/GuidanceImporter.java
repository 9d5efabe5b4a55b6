package org.concord.guidance;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.concord.common.ImportErrors;
import org.concord.common.TextFile;
import org.concord.guidance.ParsedGuidance.ParsedSection;
import org.concord.guidance.ParsedGuidance.ParsedStatement;

/**
 * Reads a guidance file in any format and checks it whole, against itself and the guidance the
 * study has already; the file is refused with every error found, or returned ready to store.
 */
final class GuidanceImporter {

  static final String WHAT = "The guidance file";
  static final int MAX_STATEMENT_LENGTH = 1000;
  static final int MAX_TITLE_LENGTH = 300;
  static final int MAX_INTRODUCTION_LENGTH = 10000;
  static final int MAX_EXTERNAL_ID_LENGTH = 100;

  /**
   * What the study holds already: statement texts by section title (both normalised), the external
   * ids in use, and the language its texts are written in (a translation is into another).
   */
  record Existing(
      Map<String, Set<String>> textsBySection, Set<String> externalIds, String language) {}

  private GuidanceImporter() {}

  static ParsedGuidance read(GuidanceFormat format, byte[] body, Existing existing) {
    String text = TextFile.decodeUtf8(body, WHAT);
    ImportErrors errors = new ImportErrors();
    ParsedGuidance guidance =
        switch (format) {
          case MARKDOWN -> MarkdownGuidanceParser.parse(text, errors);
          case CSV -> CsvGuidanceParser.parse(text, errors);
          case JSON -> JsonGuidanceParser.parse(text, errors);
        };
    check(guidance, existing, errors);
    errors.throwIfAny(WHAT);
    return guidance;
  }

  private static void check(ParsedGuidance guidance, Existing existing, ImportErrors errors) {
    if (guidance.statementCount() == 0 && errors.isEmpty()) {
      errors.at(1, null, "The file holds no statements.");
      return;
    }
    Map<String, Integer> idLines = new HashMap<>();
    Map<String, Map<String, Integer>> textLines = new HashMap<>();
    for (ParsedSection section : guidance.sections()) {
      if (section.title().isBlank()) {
        errors.at(section.line(), null, "The section title is empty.");
      } else if (section.title().length() > MAX_TITLE_LENGTH) {
        errors.at(
            section.line(),
            null,
            "The section title has "
                + section.title().length()
                + " characters; the limit is "
                + MAX_TITLE_LENGTH
                + ".");
      }
      if (section.introduction() != null
          && section.introduction().length() > MAX_INTRODUCTION_LENGTH) {
        errors.at(
            section.line(),
            null,
            "The introduction of \""
                + section.title()
                + "\" has "
                + section.introduction().length()
                + " characters; the limit is "
                + MAX_INTRODUCTION_LENGTH
                + ".");
      }
      if (section.statements().isEmpty()) {
        errors.at(
            section.line(),
            null,
            "The section \"" + section.title() + "\" has no statements; add some or remove it.");
      }
      checkTranslations(
          section.titles(),
          MAX_TITLE_LENGTH,
          "section title",
          section.line(),
          null,
          existing.language(),
          errors);
      checkTranslations(
          section.introductions(),
          MAX_INTRODUCTION_LENGTH,
          "introduction",
          section.line(),
          null,
          existing.language(),
          errors);
      String sectionKey = key(section.title());
      Set<String> stored = existing.textsBySection().getOrDefault(sectionKey, Set.of());
      Map<String, Integer> seen = textLines.computeIfAbsent(sectionKey, k -> new HashMap<>());
      for (ParsedStatement statement : section.statements()) {
        checkStatement(statement, stored, seen, errors);
        checkTranslations(
            statement.translations(),
            MAX_STATEMENT_LENGTH,
            "statement",
            statement.line(),
            null,
            existing.language(),
            errors);
        if (statement.externalId() != null) {
          checkExternalId(statement, existing.externalIds(), idLines, errors);
        }
      }
    }
  }

  /** Translations: within the length of what they translate, and into another language. */
  static void checkTranslations(
      Map<String, String> translations,
      int limit,
      String what,
      int line,
      Integer column,
      String studyLanguage,
      ImportErrors errors) {
    translations.forEach(
        (language, text) -> {
          if (language.equals(studyLanguage)) {
            errors.at(
                line,
                column,
                "The study is written in \""
                    + language
                    + "\"; a translation must be into another language.");
          } else if (text.length() > limit) {
            errors.at(
                line,
                column,
                "The "
                    + what
                    + " in \""
                    + language
                    + "\" has "
                    + text.length()
                    + " characters; the limit is "
                    + limit
                    + ".");
          }
        });
  }

  private static void checkStatement(
      ParsedStatement statement,
      Set<String> stored,
      Map<String, Integer> seen,
      ImportErrors errors) {
    String text = statement.text();
    if (text.isBlank()) {
      errors.at(statement.line(), statement.column(), "The statement is empty.");
      return;
    }
    if (text.length() > MAX_STATEMENT_LENGTH) {
      errors.at(
          statement.line(),
          statement.column(),
          "The statement has "
              + text.length()
              + " characters; the limit is "
              + MAX_STATEMENT_LENGTH
              + ". Shorten it or split it in two.");
      return;
    }
    String key = key(text);
    Integer earlier = seen.putIfAbsent(key, statement.line());
    if (earlier != null) {
      errors.at(
          statement.line(),
          statement.column(),
          "The same statement appears on line " + earlier + " in this section.");
    } else if (stored.contains(key)) {
      errors.at(
          statement.line(),
          statement.column(),
          "This statement is already in the study's section of the same title.");
    }
  }

  private static void checkExternalId(
      ParsedStatement statement,
      Set<String> storedIds,
      Map<String, Integer> idLines,
      ImportErrors errors) {
    String id = statement.externalId();
    if (id.length() > MAX_EXTERNAL_ID_LENGTH) {
      errors.at(
          statement.line(),
          null,
          "The id has "
              + id.length()
              + " characters; the limit is "
              + MAX_EXTERNAL_ID_LENGTH
              + ".");
    }
    Integer earlier = idLines.putIfAbsent(id, statement.line());
    if (earlier != null) {
      errors.at(
          statement.line(), null, "The id \"" + id + "\" is used on line " + earlier + " too.");
    } else if (storedIds.contains(id)) {
      errors.at(
          statement.line(), null, "The id \"" + id + "\" is used by a statement of the study.");
    }
  }

  /**
   * Case, spacing and trailing full stops do not make two statements different. A loop, not {@code
   * replaceAll("[.\\s]+$", "")}, which is quadratic on a long run of spaces or stops.
   */
  static String key(String text) {
    StringBuilder key = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = key.length() > 0;
      } else {
        if (space) {
          key.append(' ');
          space = false;
        }
        key.append(c);
      }
    }
    int end = key.length();
    while (end > 0 && (key.charAt(end - 1) == '.' || key.charAt(end - 1) == ' ')) {
      end--;
    }
    key.setLength(end);
    return key.toString().toLowerCase(Locale.ROOT);
  }
}
