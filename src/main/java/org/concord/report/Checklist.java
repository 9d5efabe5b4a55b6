package org.concord.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.concord.report.ReportViews.ChecklistGuideline;
import org.concord.report.ReportViews.ChecklistItem;

/**
 * The ACCORD and DELPHISTAR reporting items, each mapped to the report section that answers it or
 * left to the authors (resource {@code report/checklist.json}; item numbers as published, topics in
 * our words).
 */
final class Checklist {

  private static final List<ChecklistGuideline> GUIDELINES = read();

  private Checklist() {}

  static List<ChecklistGuideline> guidelines() {
    return GUIDELINES;
  }

  private static List<ChecklistGuideline> read() {
    try (InputStream in =
        Checklist.class.getClassLoader().getResourceAsStream("report/checklist.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      List<ChecklistGuideline> guidelines = new ArrayList<>();
      for (JsonNode g : root.path("guidelines")) {
        List<ChecklistItem> items = new ArrayList<>();
        for (JsonNode i : g.path("items")) {
          items.add(
              new ChecklistItem(
                  i.path("item").asText(),
                  i.path("section").asText(),
                  i.path("topic").asText(),
                  text(i, "answer"),
                  text(i, "answeredBy")));
        }
        guidelines.add(
            new ChecklistGuideline(g.path("id").asText(), g.path("citation").asText(), items));
      }
      return List.copyOf(guidelines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(JsonNode node, String field) {
    return node.path(field).isTextual() ? node.get(field).asText() : null;
  }
}
