package org.concord.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small part of Markdown a study team writes an information sheet in, as HTML that is safe to
 * put on a page: paragraphs, headings, bulleted and numbered lists, bold, italics and links. Every
 * other character is escaped, so raw HTML in the text shows as text and never runs; a link goes
 * only to http(s), mailto or tel addresses. Headings start at {@code <h2>}: the page has its own
 * {@code <h1>}.
 */
public final class Markdown {

  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern BULLET = Pattern.compile("^\\s{0,3}[-*+]\\s+(.*)$");
  private static final Pattern NUMBERED = Pattern.compile("^\\s{0,3}\\d{1,9}[.)]\\s+(.*)$");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]+)\\]\\(([^)\\s]+)\\)");
  private static final Pattern STRONG =
      Pattern.compile("\\*\\*(\\S(?:.*?\\S)?)\\*\\*|__(\\S(?:.*?\\S)?)__");
  private static final Pattern EMPHASIS =
      Pattern.compile("(?<![\\w*])\\*(\\S(?:.*?\\S)?)\\*(?!\\*)|(?<!\\w)_(\\S(?:.*?\\S)?)_(?!\\w)");
  private static final Pattern SAFE_URL =
      Pattern.compile("^(https?://|mailto:|tel:)[^\\s\"'<>`]+$", Pattern.CASE_INSENSITIVE);

  private Markdown() {}

  /** The text as HTML; empty for none. */
  public static String toHtml(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    StringBuilder html = new StringBuilder();
    List<String> paragraph = new ArrayList<>();
    List<String> list = new ArrayList<>();
    String listTag = null;
    for (String line : markdown.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
      Matcher heading = HEADING.matcher(line);
      Matcher bullet = BULLET.matcher(line);
      Matcher numbered = NUMBERED.matcher(line);
      String itemTag = bullet.matches() ? "ul" : numbered.matches() ? "ol" : null;
      if (line.isBlank() || heading.matches() || itemTag != null) {
        flushParagraph(html, paragraph);
      }
      boolean continuesItem = listTag != null && !line.isBlank() && line.startsWith(" ");
      if (itemTag != null ? !itemTag.equals(listTag) : !continuesItem) {
        listTag = flushList(html, list, listTag);
      }
      if (heading.matches()) {
        int level = Math.min(6, heading.group(1).length() + 1);
        html.append("<h").append(level).append('>');
        html.append(inline(heading.group(2)));
        html.append("</h").append(level).append(">\n");
      } else if (itemTag != null) {
        listTag = itemTag;
        list.add((bullet.matches() ? bullet : numbered).group(1));
      } else if (!line.isBlank()) {
        if (listTag != null) {
          // an indented line goes on with the list item above it
          list.set(list.size() - 1, list.get(list.size() - 1) + " " + line.strip());
        } else {
          paragraph.add(line.strip());
        }
      }
    }
    flushParagraph(html, paragraph);
    flushList(html, list, listTag);
    return html.toString();
  }

  private static void flushParagraph(StringBuilder html, List<String> lines) {
    if (!lines.isEmpty()) {
      html.append("<p>").append(inline(String.join(" ", lines))).append("</p>\n");
      lines.clear();
    }
  }

  private static String flushList(StringBuilder html, List<String> items, String tag) {
    if (tag != null && !items.isEmpty()) {
      html.append('<').append(tag).append(">\n");
      for (String item : items) {
        html.append("<li>").append(inline(item)).append("</li>\n");
      }
      html.append("</").append(tag).append(">\n");
    }
    items.clear();
    return null;
  }

  /** Links, bold and italics in one line; everything else escaped. */
  static String inline(String text) {
    StringBuilder out = new StringBuilder();
    Matcher link = LINK.matcher(text);
    int at = 0;
    while (link.find()) {
      out.append(emphasis(text.substring(at, link.start())));
      String url = link.group(2);
      if (SAFE_URL.matcher(url).matches()) {
        out.append("<a href=\"").append(escape(url)).append("\">");
        out.append(emphasis(link.group(1))).append("</a>");
      } else {
        out.append(emphasis(link.group(0)));
      }
      at = link.end();
    }
    out.append(emphasis(text.substring(at)));
    return out.toString();
  }

  private static String emphasis(String text) {
    String html = escape(text);
    html = replace(STRONG, html, "strong");
    return replace(EMPHASIS, html, "em");
  }

  private static String replace(Pattern pattern, String html, String tag) {
    Matcher m = pattern.matcher(html);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String inner = m.group(1) != null ? m.group(1) : m.group(2);
      m.appendReplacement(
          out, Matcher.quoteReplacement("<" + tag + ">" + inner + "</" + tag + ">"));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
