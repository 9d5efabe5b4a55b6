package org.concord.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfRendererTest {

  private static final String CHART =
      """
      <svg xmlns="http://www.w3.org/2000/svg" alt="Ratings of S1" width="300" height="120" viewBox="0 0 300 120">
        <rect x="10" y="40" width="40" height="70" fill="#4a7"/>
        <rect x="60" y="10" width="40" height="100" fill="#47a"/>
        <text x="10" y="118" font-size="10">Cytuno ŵ</text>
      </svg>
      """;

  private static final Pattern HEAD = Pattern.compile("Code\\s*Statement\\s*Agree");

  private final PdfRenderer renderer = new PdfRenderer();

  @Test
  void aWellFormedReportRendersItsTextInTheBundledFontWithPageNumbers() throws IOException {
    StringBuilder rows = new StringBuilder();
    for (int i = 1; i <= 120; i++) {
      rows.append("<tr><td>S")
          .append(i)
          .append("</td><td>Statement ")
          .append(i)
          .append(" &amp; its wording</td><td>75%</td></tr>");
    }
    String xhtml =
        """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="cy">
        <head>
          <meta charset="utf-8"/>
          <meta name="subject" content="Round 1 results"/>
          <title>Consensus report</title>
        </head>
        <body>
          <h1>Connecting People: consensus report</h1>
          <p>Gwasanaethau ŵ ŷ &amp; “cymorth” – a <em>quoted</em> — dash.</p>
          %s
          <table>
            <thead><tr><th>Code</th><th>Statement</th><th>Agree</th></tr></thead>
            <tbody>%s</tbody>
          </table>
        </body>
        </html>
        """
            .formatted(CHART, rows);

    try (PDDocument pdf = render(xhtml)) {
      String text = text(pdf);
      int pages = pdf.getNumberOfPages();

      assertTrue(pages >= 3, "120 rows should take several pages, got " + pages);
      assertTrue(text.contains("Connecting People: consensus report"), text);
      assertTrue(text.contains("Gwasanaethau ŵ ŷ & “cymorth” – a quoted — dash."), text);
      assertTrue(text.contains("Page 1 of " + pages), text);
      assertTrue(text.contains("Page " + pages + " of " + pages), text);
      assertTrue(text.contains("Statement 120 & its wording"), text);
      assertEquals("Consensus report", pdf.getDocumentInformation().getTitle());
      assertEquals("Round 1 results", pdf.getDocumentInformation().getSubject());
      assertA4(pdf);
      assertOnlyDejaVuIsUsed(pdf);
      assertHeadRepeatedOnEveryPage(pdf);
    }
  }

  @Test
  void sloppyHtmlWithUnescapedUserTextStillRenders() throws IOException {
    String html =
        "<html><head><title>Comments</title></head><body>"
            + "<h1>Comments</h1><p>Tom & Jerry said 3 < 5 <br> and left"
            + "<p>Cadw'n iach & yn ddiogel: ŵ ŷ"
            + "<img src=\"https://example.org/tracker.png\">"
            + "</body>";

    try (PDDocument pdf = render(html)) {
      String text = text(pdf);

      assertTrue(text.contains("Tom & Jerry said 3 < 5"), text);
      assertTrue(text.contains("Cadw'n iach & yn ddiogel: ŵ ŷ"), text);
      assertTrue(text.contains("Page 1 of 1"), text);
    }
  }

  private PDDocument render(String html) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    renderer.render(html, out);
    return Loader.loadPDF(out.toByteArray());
  }

  private static String text(PDDocument pdf) throws IOException {
    return stripper().getText(pdf);
  }

  /** In reading order: an italic run is otherwise extracted after the line it sits in. */
  private static PDFTextStripper stripper() {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setSortByPosition(true);
    return stripper;
  }

  private static void assertA4(PDDocument pdf) {
    PDRectangle size = pdf.getPage(0).getMediaBox();
    assertEquals(PDRectangle.A4.getWidth(), size.getWidth(), 1);
    assertEquals(PDRectangle.A4.getHeight(), size.getHeight(), 1);
  }

  private static void assertOnlyDejaVuIsUsed(PDDocument pdf) throws IOException {
    for (var page : pdf.getPages()) {
      for (var name : page.getResources().getFontNames()) {
        PDFont font = page.getResources().getFont(name);
        assertTrue(font.getName().contains("DejaVuSans"), font.getName());
        assertTrue(font.isEmbedded(), font.getName());
      }
    }
  }

  private static void assertHeadRepeatedOnEveryPage(PDDocument pdf) throws IOException {
    PDFTextStripper stripper = stripper();
    for (int page = 2; page <= pdf.getNumberOfPages(); page++) {
      stripper.setStartPage(page);
      stripper.setEndPage(page);
      String text = stripper.getText(pdf);
      assertTrue(HEAD.matcher(text).find(), "head on page " + page + ": " + text);
    }
  }
}
