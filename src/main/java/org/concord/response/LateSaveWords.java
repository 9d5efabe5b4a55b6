package org.concord.response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a late save said, one line per answer in the team's words, read from the body as sent. */
final class LateSaveWords {

  private static final ObjectMapper JSON = new ObjectMapper();

  private LateSaveWords() {}

  /**
   * The lines of one save; statements and sections by their wording in the round, by their id when
   * the round has no such item; a body that is not a save is shown as it came.
   */
  static List<String> of(String payload, Map<Long, String> statements, Map<Long, String> sections) {
    JsonNode save;
    try {
      save = JSON.readTree(payload == null ? "" : payload);
    } catch (JsonProcessingException e) {
      save = null;
    }
    if (save == null || !save.isObject()) {
      return List.of("Not a save that can be read; as it came: " + payload);
    }
    List<String> lines = new ArrayList<>();
    if (save.path("consent").isBoolean()) {
      lines.add(
          save.get("consent").asBoolean() ? "Agreed to take part." : "Did not agree to take part.");
    }
    for (JsonNode rating : save.path("ratings")) {
      String about = statement(rating.path("itemId"), statements);
      String statement = Character.toUpperCase(about.charAt(0)) + about.substring(1);
      String line;
      if (rating.path("unableToRate").asBoolean(false)) {
        line = statement + ": unable to rate.";
      } else if (rating.path("value").isNumber()) {
        line = statement + ": rated " + rating.get("value").asInt() + ".";
      } else {
        line = statement + ": the rating was cleared.";
      }
      if (rating.path("reasonForChange").isTextual()
          && !rating.get("reasonForChange").asText().isBlank()) {
        line += " Reason for the change: " + rating.get("reasonForChange").asText();
      }
      lines.add(line);
    }
    for (JsonNode comment : save.path("comments")) {
      String where =
          comment.path("itemId").isNumber()
              ? statement(comment.get("itemId"), statements)
              : comment.path("sectionId").isNumber()
                  ? sections.getOrDefault(
                      comment.get("sectionId").asLong(),
                      "section " + comment.get("sectionId").asLong())
                  : "the round";
      String text = comment.path("text").asText("");
      lines.add(
          text.isBlank()
              ? "The comment on " + where + " was cleared."
              : "Comment on " + where + ": " + text);
    }
    if (save.path("submit").asBoolean(false)) {
      lines.add("Asked to submit the answers.");
    }
    if (lines.isEmpty()) {
      lines.add("No answer in it.");
    }
    return lines;
  }

  private static String statement(JsonNode itemId, Map<Long, String> statements) {
    if (!itemId.isNumber()) {
      return "a statement";
    }
    String wording = statements.get(itemId.asLong());
    return wording == null ? "item " + itemId.asLong() : "the statement " + wording;
  }
}
