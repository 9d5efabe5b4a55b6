package org.concord.guidance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concord.common.ImportErrors;
import org.concord.common.Languages;
import org.concord.common.Texts;
import org.concord.guidance.ParsedGuidance.ParsedSection;
import org.concord.guidance.ParsedGuidance.ParsedStatement;

/**
 * Reads guidance from JSON: {@code {"sections": [{"title", "introduction", "statements": ["…" or
 * {"text", "externalId"}]}]}}. Streamed so that every error names its line and column. Translations
 * by language tag: a statement's {@code "translations": {"cy": "…"}}, a section's {@code
 * "translations": {"cy": {"title": "…", "introduction": "…"}}}.
 */
final class JsonGuidanceParser {

  private static final JsonFactory FACTORY = new JsonFactory();

  private final JsonParser parser;
  private final ImportErrors errors;

  private JsonGuidanceParser(JsonParser parser, ImportErrors errors) {
    this.parser = parser;
    this.errors = errors;
  }

  static ParsedGuidance parse(String text, ImportErrors errors) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      return new JsonGuidanceParser(parser, errors).document();
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw ImportErrors.single(
          GuidanceImporter.WHAT,
          at == null ? 1 : at.getLineNr(),
          at == null ? null : at.getColumnNr(),
          "This is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ParsedGuidance document() throws IOException {
    List<ParsedSection> sections = new ArrayList<>();
    expect(
        parser.nextToken(),
        JsonToken.START_OBJECT,
        "The file must be a JSON object with \"sections\".");
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("sections") && value == JsonToken.START_ARRAY) {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          ParsedSection section = section();
          if (section != null) {
            sections.add(section);
          }
        }
      } else if (field.equals("title") && value == JsonToken.VALUE_STRING) {
        // The document's own title, like a Markdown "#" line: not stored.
      } else {
        unexpected(field, "\"sections\" (a list)");
        parser.skipChildren();
      }
    }
    return new ParsedGuidance(sections);
  }

  private ParsedSection section() throws IOException {
    JsonLocation start = parser.currentTokenLocation();
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      error(start, "Each section must be an object with \"title\" and \"statements\".");
      parser.skipChildren();
      return null;
    }
    String title = null;
    String introduction = null;
    List<ParsedStatement> statements = new ArrayList<>();
    Map<String, String> titles = new LinkedHashMap<>();
    Map<String, String> introductions = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "title" -> title = text(value, "title");
        case "introduction" -> introduction = text(value, "introduction");
        case "translations" -> sectionTranslations(value, titles, introductions);
        case "statements" -> {
          if (value != JsonToken.START_ARRAY) {
            error(parser.currentTokenLocation(), "\"statements\" must be a list.");
            parser.skipChildren();
          } else {
            while (parser.nextToken() != JsonToken.END_ARRAY) {
              ParsedStatement statement = statement();
              if (statement != null) {
                statements.add(statement);
              }
            }
          }
        }
        default -> {
          unexpected(field, "\"title\", \"introduction\", \"statements\", \"translations\"");
          parser.skipChildren();
        }
      }
    }
    if (title == null) {
      error(start, "This section has no \"title\".");
      title = "";
    }
    return new ParsedSection(
        title.strip(),
        introduction,
        start.getLineNr(),
        statements,
        Map.copyOf(titles),
        Map.copyOf(introductions));
  }

  /** {@code {"cy": {"title": "…", "introduction": "…"}}}. */
  private void sectionTranslations(
      JsonToken value, Map<String, String> titles, Map<String, String> introductions)
      throws IOException {
    if (value != JsonToken.START_OBJECT) {
      error(parser.currentTokenLocation(), "\"translations\" must be an object by language.");
      parser.skipChildren();
      return;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String language = language(parser.currentName());
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        error(
            parser.currentTokenLocation(),
            "A section's translation must be an object with \"title\" and \"introduction\".");
        parser.skipChildren();
        continue;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken token = parser.nextToken();
        switch (field) {
          case "title" -> put(titles, language, text(token, "title"));
          case "introduction" -> put(introductions, language, text(token, "introduction"));
          default -> {
            unexpected(field, "\"title\", \"introduction\"");
            parser.skipChildren();
          }
        }
      }
    }
  }

  /** {@code {"cy": "…"}}. */
  private Map<String, String> statementTranslations(JsonToken value) throws IOException {
    Map<String, String> translations = new LinkedHashMap<>();
    if (value != JsonToken.START_OBJECT) {
      error(parser.currentTokenLocation(), "\"translations\" must be an object by language.");
      parser.skipChildren();
      return translations;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String language = language(parser.currentName());
      put(translations, language, text(parser.nextToken(), language));
    }
    return translations;
  }

  /** A language tag of the file, checked; null (and an error) when Concord does not speak it. */
  private String language(String tag) {
    if (!Languages.isSupported(tag)) {
      error(
          parser.currentTokenLocation(),
          "\""
              + tag
              + "\" is not a language Concord speaks; use "
              + String.join(", ", Languages.supported())
              + ".");
      return null;
    }
    return tag;
  }

  private static void put(Map<String, String> map, String language, String text) {
    if (language != null && text != null && !text.isBlank()) {
      map.put(language, text.strip());
    }
  }

  private ParsedStatement statement() throws IOException {
    JsonLocation at = parser.currentTokenLocation();
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      return new ParsedStatement(
          Texts.withoutNul(parser.getText()).strip(), null, at.getLineNr(), at.getColumnNr());
    }
    if (token != JsonToken.START_OBJECT) {
      error(at, "A statement must be a text or an object with \"text\".");
      parser.skipChildren();
      return null;
    }
    String text = null;
    String externalId = null;
    Map<String, String> translations = Map.of();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "text" -> text = text(value, "text");
        case "externalId", "id" -> externalId = text(value, field);
        case "translations" -> translations = statementTranslations(value);
        default -> {
          unexpected(field, "\"text\", \"externalId\", \"translations\"");
          parser.skipChildren();
        }
      }
    }
    if (text == null) {
      error(at, "This statement has no \"text\".");
      return null;
    }
    String id = externalId == null || externalId.isBlank() ? null : externalId.strip();
    return new ParsedStatement(
        text.strip(), id, at.getLineNr(), at.getColumnNr(), Map.copyOf(translations));
  }

  private String text(JsonToken value, String field) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value != JsonToken.VALUE_STRING) {
      error(parser.currentTokenLocation(), "\"" + field + "\" must be a text.");
      parser.skipChildren();
      return null;
    }
    // A JSON escape (\u0000) brings back the NUL that reading the file as text removed.
    return Texts.withoutNul(parser.getText());
  }

  private void expect(JsonToken actual, JsonToken expected, String message) {
    if (actual != expected) {
      JsonLocation at = parser.currentTokenLocation();
      throw ImportErrors.single(GuidanceImporter.WHAT, at.getLineNr(), at.getColumnNr(), message);
    }
  }

  private void unexpected(String field, String known) {
    error(
        parser.currentTokenLocation(), "Unknown field \"" + field + "\"; expected " + known + ".");
  }

  private void error(JsonLocation at, String message) {
    errors.at(at.getLineNr(), at.getColumnNr(), message);
  }
}
