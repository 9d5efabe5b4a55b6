package org.concord.report.html;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import java.util.List;
import org.concord.report.ReportViews.RoundParticipation;
import org.concord.report.ReportViews.StatementFlowRound;
import org.concord.results.ResultsViews.StatisticsView;
import org.concord.study.ProtocolSettings;

/**
 * The report's pictures as inline SVG, the same in the browser and in the PDF: one small bar chart
 * per statement and the two flow diagrams. Every chart carries a text alternative, and its numbers
 * are also in a table beside it.
 */
@TemplateExtension(namespace = "chart")
public final class ReportCharts {

  private static final String AGREE = "#1b7837";
  private static final String DISAGREE = "#b2182b";
  private static final String NEUTRAL = "#8c8c8c";

  private ReportCharts() {}

  /** Counts per scale point as bars, coloured by band. */
  static RawString bars(StatisticsView s, ProtocolSettings protocol) {
    List<Long> counts = s.counts();
    int barWidth = 10;
    int gap = 2;
    int height = 28;
    int width = counts.size() * (barWidth + gap);
    long max = counts.stream().mapToLong(Long::longValue).max().orElse(0);
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height + 10)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height + 10)
        .append("\"><title>Ratings ")
        .append(protocol.scale().min())
        .append(" to ")
        .append(protocol.scale().max())
        .append(": ")
        .append(escape(ReportFormat.counts(counts)))
        .append("</title>");
    for (int i = 0; i < counts.size(); i++) {
      int point = protocol.scale().min() + i;
      long count = counts.get(i);
      int h = max == 0 ? 0 : (int) Math.round((double) height * count / max);
      String colour =
          in(point, protocol.scale().agree())
              ? AGREE
              : in(point, protocol.scale().disagree()) ? DISAGREE : NEUTRAL;
      int x = i * (barWidth + gap);
      svg.append("<rect x=\"")
          .append(x)
          .append("\" y=\"")
          .append(height - h)
          .append("\" width=\"")
          .append(barWidth)
          .append("\" height=\"")
          .append(Math.max(h, count > 0 ? 1 : 0))
          .append("\" fill=\"")
          .append(colour)
          .append("\"/>");
      svg.append("<rect x=\"")
          .append(x)
          .append("\" y=\"")
          .append(height)
          .append("\" width=\"")
          .append(barWidth)
          .append("\" height=\"1\" fill=\"#444\"/>");
      svg.append("<text x=\"")
          .append(x + barWidth / 2)
          .append("\" y=\"")
          .append(height + 9)
          .append("\" font-size=\"7\" text-anchor=\"middle\" fill=\"#444\">")
          .append(point)
          .append("</text>");
    }
    return new RawString(svg.append("</svg>").toString());
  }

  /** Participants across rounds: invited and submitted, and how many were not invited on. */
  static RawString participants(List<RoundParticipation> rounds) {
    int box = 150;
    int step = 240;
    int width = Math.max(1, rounds.size()) * step - (step - box) + 10;
    StringBuilder svg = open(width, 110, "Participants across rounds");
    for (int i = 0; i < rounds.size(); i++) {
      RoundParticipation r = rounds.get(i);
      int x = i * step + 5;
      box(svg, x, 10, box, 70);
      text(svg, x + box / 2, 30, "Round " + r.number(), 11, true);
      text(svg, x + box / 2, 48, r.invited() + " invited", 11, false);
      text(svg, x + box / 2, 64, r.submitted() + " submitted", 11, false);
      text(svg, x + box / 2, 98, (r.invited() - r.submitted()) + " did not submit", 10, false);
      if (i + 1 < rounds.size()) {
        arrow(svg, x + box, 45, x + step);
        long notInvited = Math.max(0, r.submitted() - rounds.get(i + 1).invited());
        text(svg, x + box + (step - box) / 2, 38, notInvited + " not invited", 10, false);
      }
    }
    return new RawString(svg.append("</svg>").toString());
  }

  /** Statements across rounds: rated, decided, and what went on to the next round. */
  static RawString statements(List<StatementFlowRound> rounds) {
    int box = 150;
    int step = 250;
    int width = Math.max(1, rounds.size()) * step - (step - box) + 10;
    StringBuilder svg = open(width, 110, "Statements across rounds");
    for (int i = 0; i < rounds.size(); i++) {
      StatementFlowRound r = rounds.get(i);
      int x = i * step + 5;
      box(svg, x, 10, box, 90);
      text(svg, x + box / 2, 28, "Round " + r.number() + ": " + r.rated() + " rated", 11, true);
      text(svg, x + box / 2, 46, r.consensusIn() + " consensus in", 11, false);
      text(svg, x + box / 2, 62, r.consensusOut() + " consensus out", 11, false);
      text(svg, x + box / 2, 78, r.noConsensus() + " no consensus", 11, false);
      if (i + 1 < rounds.size()) {
        int middle = x + box + (step - box) / 2;
        arrow(svg, x + box, 55, x + step);
        text(svg, middle, 48, r.carried() + " carried", 10, false);
        text(svg, middle, 70, r.reworded() + " reworded", 10, false);
        text(svg, middle, 84, r.added() + " added", 10, false);
      }
    }
    return new RawString(svg.append("</svg>").toString());
  }

  private static StringBuilder open(int width, int height, String title) {
    return new StringBuilder()
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\"><title>")
        .append(title)
        .append("</title>");
  }

  private static void box(StringBuilder svg, int x, int y, int w, int h) {
    svg.append(
        String.format(
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\" fill=\"#f4f6f8\""
                + " stroke=\"#2b4a6f\"/>",
            x, y, w, h));
  }

  private static void arrow(StringBuilder svg, int from, int y, int to) {
    svg.append(
        String.format(
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#2b4a6f\" stroke-width=\"2\"/>"
                + "<polygon points=\"%d,%d %d,%d %d,%d\" fill=\"#2b4a6f\"/>",
            from + 4, y, to - 8, y, to - 2, y, to - 10, y - 5, to - 10, y + 5));
  }

  private static void text(StringBuilder svg, int x, int y, String text, int size, boolean bold) {
    svg.append("<text x=\"")
        .append(x)
        .append("\" y=\"")
        .append(y)
        .append("\" font-size=\"")
        .append(size)
        .append("\" text-anchor=\"middle\" fill=\"#1a1a1a\"")
        .append(bold ? " font-weight=\"bold\"" : "")
        .append('>')
        .append(escape(text))
        .append("</text>");
  }

  private static boolean in(int point, ProtocolSettings.Band band) {
    return point >= band.low() && point <= band.high();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
